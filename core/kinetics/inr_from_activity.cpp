#include "kinetics/inr_from_activity.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "text/format.hpp"

namespace lb::kinetics {

namespace {

/// β of the curve through the anchor with `isi` (see the header).
double beta(const InrAnchor& anchor, units::Fraction isi) {
  const double a0 = units::in_fraction(anchor.activity);
  const double r0 = std::pow(units::in_fraction(anchor.inr), 1.0 / units::in_fraction(isi));
  return (r0 - 1.0) * a0 / (1.0 - a0);
}

/// The ISI values the band spans: the nominal, the range's ends and three geometric steps
/// between them (the INR at a given activity need not be monotone in the ISI).
std::vector<units::Fraction> isi_levels(const protocol::SoluteKinetics& k) {
  std::vector<units::Fraction> out{k.isi};
  if (!k.isi_range) return out;
  const double lo = units::in_fraction(k.isi_range->low);
  const double hi = units::in_fraction(k.isi_range->high);
  for (int i = 0; i <= 4; ++i) out.push_back(units::fraction(lo * std::pow(hi / lo, i / 4.0)));
  return out;
}

std::optional<units::Fraction> fraction_of(const LabValue& v) {
  if (const auto* f = std::get_if<units::Fraction>(&v)) return *f;
  return std::nullopt;
}

class Deriver {
 public:
  Deriver(const protocol::SoluteKinetics& k, const InrAnchor& anchor, std::string citation)
      : k_(k), anchor_(anchor), citation_(std::move(citation)), levels_(isi_levels(k)) {}

  /// The INR at activity `a` with the nominal ISI.
  [[nodiscard]] units::Fraction at(units::Fraction a) const { return inr_at(a, anchor_, k_.isi); }

  /// The band over the activity's band (and its nominal value) and every ISI level.
  [[nodiscard]] Band band(units::Fraction nominal, const Band& activity) const {
    double lo = 1e300;
    double hi = -1e300;
    for (const auto& a : {nominal, *fraction_of(activity.low), *fraction_of(activity.high)}) {
      for (const auto& isi : levels_) {
        const double v = units::in_fraction(inr_at(a, anchor_, isi));
        lo = std::min(lo, v);
        hi = std::max(hi, v);
      }
    }
    return {LabValue{units::fraction(lo)}, LabValue{units::fraction(hi)}};
  }

  /// The INR value for the activity value `a` (with its derivation) at session `n`.
  [[nodiscard]] explain::Derived<LabValue> value(const explain::Derived<LabValue>& a, int n,
                                                 const std::string& when, const std::string& label,
                                                 const Band& band) const {
    const units::Fraction activity = *fraction_of(a.value);
    const units::Fraction inr = at(activity);
    explain::Derivation d;
    d.id = "kinetics.inr." + std::to_string(n) + "." + when;
    d.label = "INR " + label + " " + std::to_string(n);
    d.shown = shown(Solute::inr, LabValue{inr});
    d.method =
        "derived from the predicted prothrombin activity through the prothrombin-time "
        "calibration curve, anchored at the patient's measured INR and activity";
    d.formula = std::string(kInrFromActivityFormula);
    const auto a_shown = shown(Solute::pta, a.value);
    d.inputs.push_back(explain::quantity_input("A (prothrombin activity, predicted)", a_shown.value,
                                               a_shown.unit, a_shown.decimals, a.how.id));
    add_curve(d);
    d.inputs.push_back(explain::text_input(
        "band (parameters' uncertainty)",
        band_text(Solute::inr, band) + " over the prothrombin activity's band" +
            (k_.isi_range ? " and ISI " + text::fixed(units::in_fraction(k_.isi_range->low), 2) +
                                "–" + text::fixed(units::in_fraction(k_.isi_range->high), 2)
                          : std::string())));
    d.source = citation_;
    d.warnings = a.how.warnings;  // the activity's caveats hold for the INR read from it
    d.warnings.emplace_back(
        "derived, not measured: the calibration curve is anchored at the patient's own INR and "
        "prothrombin activity; check against the measured INR");
    return {LabValue{inr}, d};
  }

  /// Session 1's value before it: the measured INR.
  [[nodiscard]] explain::Derived<LabValue> measured() const {
    explain::Derivation d;
    d.id = "kinetics.inr.1.pre";
    d.label = "INR before session 1";
    d.shown = shown(Solute::inr, LabValue{anchor_.inr});
    d.method = "measured (patient file), taken as the value at the start of session 1";
    d.formula = "C0 = measured value";
    d.inputs.push_back(
        explain::quantity_input("labs.inr", d.shown.value, d.shown.unit, d.shown.decimals));
    d.source = citation_;
    return {LabValue{anchor_.inr}, d};
  }

 private:
  void add_curve(explain::Derivation& d) const {
    const auto a0 = shown(Solute::pta, LabValue{anchor_.activity});
    d.inputs.push_back(explain::quantity_input("A0 (measured prothrombin activity, labs.pta)",
                                               a0.value, a0.unit, a0.decimals));
    d.inputs.push_back(explain::quantity_input("INR0 (measured INR, labs.inr)",
                                               units::in_fraction(anchor_.inr), "", 2));
    d.inputs.push_back(
        explain::quantity_input("ISI (kinetics.inr.isi)", units::in_fraction(k_.isi), "", 2));
    d.inputs.push_back(
        explain::quantity_input("β (curve through the pair)", beta(anchor_, k_.isi), "", 3));
  }

  const protocol::SoluteKinetics& k_;
  InrAnchor anchor_;
  std::string citation_;
  std::vector<units::Fraction> levels_;
};

}  // namespace

std::optional<std::string> anchor_problem(const InrAnchor& anchor) {
  const double a0 = units::in_fraction(anchor.activity);
  const double inr0 = units::in_fraction(anchor.inr);
  if (!(a0 > 0.0) || !(a0 < 1.0)) {
    return "the measured prothrombin activity is not between 0 and 100 %: the curve needs a "
           "second point besides normal plasma";
  }
  if (!(inr0 > 1.0)) {
    return "the measured INR is not above 1.0 while the prothrombin activity is below 100 %: "
           "the pair does not lie on one calibration curve (check that both are from one draw)";
  }
  return std::nullopt;
}

units::Fraction inr_at(units::Fraction a, const InrAnchor& anchor, units::Fraction isi) {
  const double b = beta(anchor, isi);
  const double r = 1.0 - b + b / units::in_fraction(a);
  return units::fraction(std::pow(r, units::in_fraction(isi)));
}

PredictionResult derive_inr(const protocol::SoluteKinetics& k, const SolutePrediction& activity,
                            const std::optional<LabValue>& inr0,
                            const std::optional<LabValue>& activity0, const std::string& citation) {
  const auto inr = inr0 ? fraction_of(*inr0) : std::nullopt;
  const auto a0 = activity0 ? fraction_of(*activity0) : std::nullopt;
  if (!inr || !a0) {
    return {std::nullopt,
            "INR is derived from the prothrombin activity and needs the patient's measured INR "
            "and prothrombin activity (labs.inr and labs.pta, one draw), which anchor the "
            "calibration curve"};
  }
  const InrAnchor anchor{*inr, *a0};
  if (auto problem = anchor_problem(anchor)) return {std::nullopt, "INR not derived: " + *problem};
  // The activity's course must stay above 0 for the curve (an exchange with no factor in the
  // replacement dilutes it but never to nothing).
  for (const auto& s : activity.sessions) {
    for (const auto* v : {&s.pre.value, &s.post.value, &s.next_day.value, &s.pre_band.low,
                          &s.post_band.low, &s.next_day_band.low}) {
      const auto f = fraction_of(*v);
      if (!f || !(units::in_fraction(*f) > 0.0)) {
        return {std::nullopt, "INR not derived: the predicted prothrombin activity reaches 0 %"};
      }
    }
  }
  const Deriver d(k, anchor, citation);
  SolutePrediction out{Solute::inr,
                       protocol::KineticModel::from_prothrombin_activity,
                       {},
                       activity.generation_modelled,
                       activity.generation_basis,
                       activity.return_modelled};
  for (std::size_t i = 0; i < activity.sessions.size(); ++i) {
    const SessionValues& a = activity.sessions[i];
    const int n = static_cast<int>(i) + 1;
    SessionValues v;
    if (i == 0) {
      v.pre = d.measured();
      v.pre_band = {v.pre.value, v.pre.value};
    } else {
      v.pre_band = d.band(*fraction_of(a.pre.value), a.pre_band);
      v.pre = d.value(a.pre, n, "pre", "before session", v.pre_band);
    }
    v.post_band = d.band(*fraction_of(a.post.value), a.post_band);
    v.post = d.value(a.post, n, "post", "immediately after session", v.post_band);
    v.next_day_band = d.band(*fraction_of(a.next_day.value), a.next_day_band);
    v.next_day =
        d.value(a.next_day, n, "next_day", "at the efficacy labs after session", v.next_day_band);
    v.next_session_before_labs = a.next_session_before_labs;
    out.sessions.push_back(std::move(v));
  }
  return {std::move(out), ""};
}

}  // namespace lb::kinetics
