#include "kinetics/predict.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>

#include "kinetics/compartment.hpp"
#include "kinetics/inr_from_activity.hpp"
#include "kinetics/replacement_supply.hpp"
#include "text/format.hpp"

namespace lb::kinetics {

using protocol::KineticModel;

namespace {

constexpr const char* kNotComparable =
    "immediately after the session: not comparable with pre-session values (the extravascular "
    "pool refills the plasma afterwards); judge the effect on the efficacy labs (ASFA 2023, "
    "LiverBridge clinical reference §7.3)";

std::string interval_formula(KineticModel m, bool generation, bool back) {
  if (back) {
    const std::string p = "p = g + k_r·C_own, k_r = ln2/T_r, C_own the baseline";
    if (m == KineticModel::two_compartment) {
      return "(Cp, Ce)(t) = C* + e^(M·t)·((Cp, Ce)(0) − C*), M = [[−k·(1 − f) − k_r, "
             "k·(1 − f)], [k·f, −k·f − k_r]], k = ln2/T, C* = p/k_r (production against the "
             "patient's own clearance), " +
             p;
    }
    return "C(t) = C* + (C_post − C*)·e^(−k_r·t), C* = p/k_r (back towards the patient's own "
           "level), " +
           p;
  }
  if (m == KineticModel::two_compartment) {
    return std::string("C(t) = C̄ + (1 − f)·(Cp − Ce)·e^(−ln2·t/T), C̄ = f·Cp + (1 − f)·Ce") +
           (generation ? " + g·t" : " (no generation modelled)");
  }
  return generation ? "C(t) = C_post + g·t"
                    : "C(t) = C_post (no generation modelled, no redistribution)";
}

std::string percent_text(units::Fraction f) { return text::fixed(units::in_percent(f), 0) + " %"; }

std::string model_method(KineticModel m) {
  switch (m) {
    case KineticModel::one_compartment: return "one-compartment exchange kinetics";
    case KineticModel::replacement_aware: return "replacement-aware exchange kinetics";
    case KineticModel::two_compartment: return "two-compartment kinetics with redistribution";
    case KineticModel::from_prothrombin_activity:
      return "from the predicted prothrombin activity (calibration curve)";
  }
  return "";
}

/// Builds the derivations for one solute with values of type Q.
template <class Q>
class Predictor {
 public:
  Predictor(const protocol::SoluteKinetics& k, const PredictionInputs& in, const LabValue& base)
      : k_(k), in_(in), base_(base) {}

  std::optional<std::string> set_up() {
    if (k_.model == KineticModel::from_prothrombin_activity) {
      // Not a course of its own: plan_course derives it from the prothrombin activity's.
      return std::string(kDerivedFromActivity);
    }
    if (k_.model == KineticModel::two_compartment) {
      params_.intravascular_fraction = k_.intravascular_fraction;
      params_.redistribution_half_time = k_.redistribution_half_time;
    }
    auto supply = replacement_supply(k_, in_.replacement, in_.exchange, in_.ffp_last);
    if (!supply.supply) return supply.problem;
    supply_ = std::move(*supply.supply);
    if (k_.model != KineticModel::one_compartment) {
      Q mixed{};
      for (const SupplyFluid& fluid : supply_.fluids) {
        auto c = in_form_of(k_.solute, fluid.concentration, base_);
        if (!c) {
          return "the replacement concentration (" + fluid.name +
                 ") cannot be converted to the patient's unit";
        }
        const Q cr = std::get<Q>(*c);
        fluid_cr_.push_back(cr);
        mixed = mixed + fluid.share * cr;
        if (supply_.in_sequence) params_.stages.push_back({fluid.share, cr});
      }
      params_.replacement = mixed;
    }
    choose_generation();
    if (generation_) {
      auto rise = in_form_of(k_.solute, generation_->rise, base_);
      if (!rise) return "the generation rate cannot be converted to the patient's unit";
      params_.generation = std::get<Q>(*rise) / generation_->per;
      if (generation_->range) {
        auto low = in_form_of(k_.solute, generation_->range->low, base_);
        auto high = in_form_of(k_.solute, generation_->range->high, base_);
        if (!low || !high) return "the generation range cannot be converted to the patient's unit";
        generation_range_ = {std::get<Q>(*low) / generation_->per,
                             std::get<Q>(*high) / generation_->per};
      }
    }
    params_.return_half_time = k_.return_half_time;
    params_.own_level = std::get<Q>(base_);
    if (k_.adsorption) {
      params_.adsorption = k_.adsorption->plasma_volumes;
      params_.adsorption_time = k_.adsorption->duration;
    }
    return std::nullopt;
  }

  [[nodiscard]] const Params<Q>& params() const { return params_; }
  [[nodiscard]] const std::string& generation_basis() const { return generation_basis_; }

  SolutePrediction run() {
    SolutePrediction out{k_.solute,
                         k_.model,
                         {},
                         generation_.has_value(),
                         generation_basis_,
                         k_.return_half_time.has_value()};
    const auto nominal = trajectory(params_);
    const auto bands = band_over_parameters();
    ranges_ = ranges();    // the same text on every value of this solute
    std::string prev_ref;  // id of the last post value, for the next pre value
    for (std::size_t i = 0; i < in_.sessions.size(); ++i) {
      const SessionTiming& s = in_.sessions[i];
      const int n = static_cast<int>(i) + 1;
      const Point& at = nominal[i];
      SessionValues v;
      if (i == 0) {
        v.pre = measured(at.pre, n);
      } else {
        const units::Duration gap = s.start - in_.sessions[i - 1].end;
        v.pre = interval_value(at.pre, n, "pre", "before session", gap, prev_ref);
      }
      v.post = session_value(at.post, n, v.pre.how.id, s);
      prev_ref = v.post.how.id;
      v.next_day = interval_value(at.next_day, n, "next_day", "at the efficacy labs after session",
                                  in_.labs_after, prev_ref);
      v.pre_band = bands[i].pre;
      v.post_band = bands[i].post;
      v.next_day_band = bands[i].next_day;
      if (i > 0) add_band(v.pre, v.pre_band);
      add_band(v.post, v.post_band);
      add_band(v.next_day, v.next_day_band);
      if (i + 1 < in_.sessions.size() && in_.sessions[i + 1].start < s.end + in_.labs_after) {
        v.next_session_before_labs = true;
        v.next_day.how.warnings.push_back(
            "session " + std::to_string(n + 1) +
            " starts before these labs are due; the value assumes no further exchange");
      }
      out.sessions.push_back(std::move(v));
    }
    return out;
  }

 private:
  /// The plasma values of one course: before, immediately after and at the efficacy labs.
  struct Point {
    Q pre;
    Q post;
    Q next_day;
  };
  struct BandPoint {
    Band pre;
    Band post;
    Band next_day;
  };

  [[nodiscard]] std::vector<Point> trajectory(const Params<Q>& p) const {
    std::vector<Point> out;
    State<Q> state = at_equilibrium(std::get<Q>(base_));
    for (std::size_t i = 0; i < in_.sessions.size(); ++i) {
      const SessionTiming& s = in_.sessions[i];
      if (i > 0) state = after_interval(state, p, s.start - in_.sessions[i - 1].end);
      Point pt{state.plasma, {}, {}};
      state = after_session(state, p, s.plasma_volumes, exchange_time(p, s.end - s.start));
      pt.post = state.plasma;
      pt.next_day = after_interval(state, p, in_.labs_after).plasma;
      out.push_back(pt);
    }
    return out;
  }

  /// The nominal course and every combination of the parameters' levels: low and high for
  /// the intravascular fraction, the return half-time, the trend and the adsorber, in which
  /// every predicted value is monotone; five levels (geometric) for the redistribution
  /// half-time, in which the value at the efficacy labs is not (a slower refill lowers it
  /// first, then leaves less to be removed). Tests check the envelope against a finer grid.
  [[nodiscard]] std::vector<BandPoint> band_over_parameters() const {
    struct Dimension {
      int levels;
      std::function<void(Params<Q>&, int)> set;
    };
    std::vector<Dimension> dims;
    if (k_.model == KineticModel::two_compartment && k_.intravascular_fraction_range) {
      const auto r = *k_.intravascular_fraction_range;
      dims.push_back(
          {2, [r](Params<Q>& p, int i) { p.intravascular_fraction = i == 0 ? r.low : r.high; }});
    }
    if (k_.model == KineticModel::two_compartment && k_.redistribution_half_time_range) {
      const auto r = *k_.redistribution_half_time_range;
      constexpr int kLevels = 5;
      dims.push_back({kLevels, [r](Params<Q>& p, int i) {
                        const double step = static_cast<double>(i) / (kLevels - 1);
                        p.redistribution_half_time =
                            r.low * std::pow(units::in_fraction(r.high / r.low), step);
                      }});
    }
    if (k_.return_half_time_range) {
      const auto r = *k_.return_half_time_range;
      dims.push_back(
          {2, [r](Params<Q>& p, int i) { p.return_half_time = i == 0 ? r.low : r.high; }});
    }
    if (generation_range_) {
      const auto r = *generation_range_;
      dims.push_back({2, [r](Params<Q>& p, int i) { p.generation = i == 0 ? r.first : r.second; }});
    }
    if (k_.adsorption && k_.adsorption->range) {
      const auto r = *k_.adsorption->range;
      dims.push_back({2, [r](Params<Q>& p, int i) { p.adsorption = i == 0 ? r.low : r.high; }});
    }
    const auto nominal = trajectory(params_);
    std::vector<std::array<std::pair<Q, Q>, 3>> range(nominal.size());
    for (std::size_t i = 0; i < nominal.size(); ++i) {
      range[i] = {std::pair{nominal[i].pre, nominal[i].pre},
                  std::pair{nominal[i].post, nominal[i].post},
                  std::pair{nominal[i].next_day, nominal[i].next_day}};
    }
    std::size_t combinations = dims.empty() ? 0 : 1;
    for (const Dimension& d : dims) combinations *= static_cast<std::size_t>(d.levels);
    for (std::size_t c = 0; c < combinations; ++c) {
      Params<Q> p = params_;
      std::size_t rest = c;
      for (const Dimension& d : dims) {
        d.set(p, static_cast<int>(rest % static_cast<std::size_t>(d.levels)));
        rest /= static_cast<std::size_t>(d.levels);
      }
      const auto t = trajectory(p);
      for (std::size_t i = 0; i < t.size(); ++i) {
        const std::array<Q, 3> values{t[i].pre, t[i].post, t[i].next_day};
        for (std::size_t j = 0; j < 3; ++j) {
          range[i][j].first = std::min(range[i][j].first, values[j]);
          range[i][j].second = std::max(range[i][j].second, values[j]);
        }
      }
    }
    std::vector<BandPoint> out;
    for (const auto& r : range) {
      out.push_back({Band{LabValue{r[0].first}, LabValue{r[0].second}},
                     Band{LabValue{r[1].first}, LabValue{r[1].second}},
                     Band{LabValue{r[2].first}, LabValue{r[2].second}}});
    }
    return out;
  }

  /// The band and the parameter ranges it spans, on the derivation.
  void add_band(explain::Derived<LabValue>& v, const Band& b) const {
    v.how.inputs.push_back(explain::text_input("band (parameters' uncertainty)",
                                               band_text(k_.solute, b) + " over " + ranges_));
  }
  [[nodiscard]] std::string ranges() const {
    std::vector<std::string> parts;
    const auto hours = [](units::Duration d) { return text::shown({units::in_hours(d), "h", 1}); };
    if (k_.model == KineticModel::two_compartment && k_.intravascular_fraction_range) {
      parts.push_back(
          "f " + text::fixed(units::in_fraction(k_.intravascular_fraction_range->low), 2) + "–" +
          text::fixed(units::in_fraction(k_.intravascular_fraction_range->high), 2));
    }
    if (k_.model == KineticModel::two_compartment && k_.redistribution_half_time_range) {
      parts.push_back("T " + hours(k_.redistribution_half_time_range->low) + "–" +
                      hours(k_.redistribution_half_time_range->high));
    }
    if (k_.return_half_time_range) {
      parts.push_back("T_r " + hours(k_.return_half_time_range->low) + "–" +
                      hours(k_.return_half_time_range->high));
    }
    if (generation_ && generation_->range) {
      parts.push_back("g " + text::shown(shown(k_.solute, generation_->range->low)) + " to " +
                      text::shown(shown(k_.solute, generation_->range->high)) + " per " +
                      hours(generation_->per));
    }
    if (k_.adsorption && k_.adsorption->range) {
      parts.push_back("x_ads " + text::fixed(units::in_fraction(k_.adsorption->range->low), 1) +
                      "–" + text::fixed(units::in_fraction(k_.adsorption->range->high), 1));
    }
    if (parts.empty()) return "no parameter range given (point estimate)";
    return text::join(parts);
  }

  /// The patient's own trend (records), else the population default for the diagnosis,
  /// else the protocol's default for every diagnosis.
  void choose_generation() {
    const std::string key = "kinetics." + std::string(protocol::to_string(k_.solute));
    for (const PatientTrend& t : in_.trends) {
      if (t.solute == k_.solute) {
        generation_ = t.generation;
        generation_basis_ = "the patient's own values: " + t.basis;
        return;
      }
    }
    for (const auto& d : k_.generation_by_diagnosis) {
      if (d.diagnosis == in_.diagnosis) {
        generation_ = d.generation;
        generation_basis_ = "population default for " + d.diagnosis;
        generation_key_ = key + ".generation.by_diagnosis." + d.diagnosis;
        return;
      }
    }
    if (k_.generation) {
      generation_ = *k_.generation;
      generation_basis_ = "population default";
      generation_key_ = key + ".generation";
    }
  }

  [[nodiscard]] std::string id(int n, const std::string& when) const {
    return "kinetics." + std::string(protocol::to_string(k_.solute)) + "." + std::to_string(n) +
           "." + when;
  }
  [[nodiscard]] explain::Derivation base_how(const Q& value, int n, const std::string& when,
                                             const std::string& label) const {
    explain::Derivation d;
    d.id = id(n, when);
    d.label =
        std::string(protocol::solute_label(k_.solute)) + " " + label + " " + std::to_string(n);
    d.shown = shown(k_.solute, LabValue{value});
    d.method = model_method(k_.model);
    d.source = in_.citation;
    return d;
  }
  void add_parameters(explain::Derivation& d) const {
    if (k_.model == KineticModel::two_compartment) {
      d.inputs.push_back(explain::quantity_input(
          "f (intravascular fraction)", units::in_fraction(params_.intravascular_fraction), "", 2));
      if (params_.redistribution_half_time) {
        d.inputs.push_back(
            explain::quantity_input("T (redistribution half-time)",
                                    units::in_hours(*params_.redistribution_half_time), "h", 1));
      }
    }
    if (generation_) {
      const auto rise = shown(k_.solute, *in_form_of(k_.solute, generation_->rise, base_));
      d.inputs.push_back(explain::text_input(
          "g (untreated trend)",
          text::shown(rise) + " per " + text::shown({units::in_hours(generation_->per), "h", 0}) +
              " · " + generation_basis_ +
              (generation_key_.empty() ? "" : " (" + generation_key_ + ")")));
    }
    if (params_.return_half_time) {
      d.inputs.push_back(explain::quantity_input(
          "T_r (return half-time)", units::in_hours(*params_.return_half_time), "h", 1));
      const auto own = shown(k_.solute, base_);
      d.inputs.push_back(
          explain::quantity_input("C_own (baseline)", own.value, own.unit, own.decimals));
    }
  }
  explain::Derived<LabValue> measured(const Q& value, int n) const {
    auto d = base_how(value, n, "pre", "before session");
    d.method = "measured (patient file), taken as the value at the start of session 1";
    d.formula = "C0 = measured value";
    d.inputs.push_back(
        explain::quantity_input("labs." + std::string(protocol::to_string(k_.solute)),
                                d.shown.value, d.shown.unit, d.shown.decimals));
    return {LabValue{value}, d};
  }
  explain::Derived<LabValue> interval_value(const Q& value, int n, const std::string& when,
                                            const std::string& label, units::Duration t,
                                            const std::string& ref) const {
    auto d = base_how(value, n, when, label);
    d.formula =
        interval_formula(k_.model, generation_.has_value(), k_.return_half_time.has_value());
    const int from = when == "pre" ? n - 1 : n;  // the session whose end state this continues
    auto state = explain::text_input("Cp, Ce after session " + std::to_string(from), "");
    state.ref = ref;
    d.inputs.push_back(state);
    d.inputs.push_back(
        explain::quantity_input("t (time since the session ended)", units::in_hours(t), "h", 1));
    add_parameters(d);
    if (auto note =
            no_generation_note(k_.model, generation_.has_value(), k_.return_half_time.has_value());
        !note.empty()) {
      d.warnings.push_back(note);
    }
    return {LabValue{value}, d};
  }
  explain::Derived<LabValue> session_value(const Q& value, int n, const std::string& pre_ref,
                                           const SessionTiming& s) const {
    auto d = base_how(value, n, "post", "immediately after session");
    d.formula = session_formula(k_.model, generation_.has_value(), supply_.in_sequence);
    if (k_.return_half_time)
      d.formula += ", with the return −k_r·(C − C*) to the patient's own level";
    if (k_.adsorption) {
      d.formula += "; preceded by the adsorber: dCp/dt −= (x_ads/τ_ads)·Cp for τ_ads";
      d.inputs.push_back(explain::quantity_input("x_ads (plasma volumes cleared by the adsorber)",
                                                 units::in_fraction(k_.adsorption->plasma_volumes),
                                                 "", 2));
      d.inputs.push_back(explain::quantity_input("τ_ads (adsorber run time)",
                                                 units::in_hours(k_.adsorption->duration), "h", 1));
    }
    auto pre = explain::text_input("C_pre", "");
    pre.ref = pre_ref;
    d.inputs.push_back(pre);
    d.inputs.push_back(explain::quantity_input(
        "x (plasma volumes exchanged)", units::in_fraction(s.plasma_volumes), "", 2, in_.x_ref));
    if (k_.model != KineticModel::one_compartment) add_replacement(d);
    if (k_.solute == Solute::inr) {
      d.warnings.emplace_back(
          "INR is a ratio, not a concentration: moving it towards the INR of FFP is an "
          "approximation; check against the measured INR");
    }
    if (k_.adsorption) {
      d.inputs.push_back(explain::quantity_input(
          "τ (exchange: the session less the adsorber's run)",
          units::in_hours(exchange_time(params_, s.end - s.start)), "h", 2));
    } else if (generation_ || k_.return_half_time || k_.model == KineticModel::two_compartment) {
      d.inputs.push_back(explain::quantity_input("τ (session duration)",
                                                 units::in_hours(s.end - s.start), "h", 2));
    }
    add_parameters(d);
    d.warnings.emplace_back(kNotComparable);
    return {LabValue{value}, d};
  }

  /// C_r of each fluid (with its share when there are two), the mixed C_r, and its basis.
  void add_replacement(explain::Derivation& d) const {
    const bool several = supply_.fluids.size() > 1;
    for (std::size_t i = 0; i < supply_.fluids.size(); ++i) {
      const SupplyFluid& fluid = supply_.fluids[i];
      const auto cr = shown(k_.solute, LabValue{fluid_cr_[i]});
      const std::string name =
          "Cr (" + fluid.name +
          (several ? ", " + percent_text(fluid.share) + " of the exchange" +
                         (supply_.in_sequence ? std::string(i == 0 ? ", first" : ", last") : "")
                   : std::string()) +
          ")";
      d.inputs.push_back(explain::quantity_input(name, cr.value, cr.unit, cr.decimals));
    }
    if (supply_.fluids.empty() || (several && !supply_.in_sequence)) {
      const auto cr = shown(k_.solute, LabValue{params_.replacement});
      d.inputs.push_back(
          explain::quantity_input(several ? "Cr (volume-weighted mix)" : "Cr (replacement fluid)",
                                  cr.value, cr.unit, cr.decimals));
    }
    d.inputs.push_back(explain::text_input("C_r from", supply_.basis));
  }

  const protocol::SoluteKinetics& k_;
  const PredictionInputs& in_;
  LabValue base_;
  Params<Q> params_;
  Supply supply_;
  std::vector<Q> fluid_cr_;  ///< C_r of each fluid of supply_, in the baseline's unit system
  std::optional<protocol::Generation> generation_;  ///< the trend used (own or default)
  std::string generation_basis_;
  std::string generation_key_;  ///< the protocol key of a population default
  std::string ranges_;          ///< the parameter ranges the band spans, for the derivations
  std::optional<std::pair<Rate<Q>, Rate<Q>>> generation_range_;
};

}  // namespace

std::string session_formula(KineticModel m, bool generation, bool in_sequence) {
  std::string f;
  switch (m) {
    case KineticModel::one_compartment: f = "C = C0·e^(−x)"; break;
    case KineticModel::replacement_aware:
      f = in_sequence ? "C1 = Cr1 + (C0 − Cr1)·e^(−s1·x) (albumin solution first); "
                        "Cp = Cr2 + (C1 − Cr2)·e^(−s2·x) (FFP last)"
                      : "Cp = Cr + (C0 − Cr)·e^(−x)";
      break;
    case KineticModel::two_compartment:
      f = "(Cp, Ce)(τ) = C* + e^(M·τ)·((Cp, Ce)(0) − C*), M = [[−a − k·(1 − f), k·(1 − f)], "
          "[k·f, −k·f]], a = x/τ, k = ln2/T, C* the steady state (redistribution during the "
          "session; Cp → Cr + (C0 − Cr)·e^(−x) when τ ≪ T)";
      if (in_sequence) f += ", per fluid in order (albumin solution first, FFP last)";
      break;
    case KineticModel::from_prothrombin_activity: f = std::string(kInrFromActivityFormula); break;
  }
  if (generation) {
    f += m == KineticModel::two_compartment ? ", with g added to both compartments"
                                            : ", with g: Cr → Cr + g·τ/x";
  }
  return f;
}

std::string band_text(Solute s, const Band& b) {
  const explain::Shown lo = band_low(s, b);
  const explain::Shown hi = band_high(s, b);
  if (text::shown(lo) == text::shown(hi)) return "model estimate " + text::shown(lo);
  return "model estimate " + text::shown({lo.value, "", lo.decimals}) + "–" + text::shown(hi);
}

explain::Shown band_low(Solute s, const Band& b) { return shown(s, b.low); }
explain::Shown band_high(Solute s, const Band& b) { return shown(s, b.high); }

std::string no_generation_note(KineticModel m, bool generation, bool return_modelled) {
  if (generation || return_modelled) return "";
  if (m == KineticModel::two_compartment) {
    return "no generation modelled: the change after the session is the modelled "
           "redistribution from the extravascular pool (f and T are protocol parameters), not a "
           "measured rebound; synthesis and clearance are not included";
  }
  return "no generation modelled: the immediately-after value is carried forward unchanged (no "
         "synthesis, consumption or catabolism), so the labs may differ in either direction";
}

PredictionResult predict_solute(const protocol::SoluteKinetics& k,
                                const std::optional<LabValue>& baseline,
                                const PredictionInputs& in) {
  if (!baseline) {
    return {std::nullopt,
            "no " + std::string(protocol::to_string(k.solute)) + " value in the patient file"};
  }
  return std::visit(
      [&](const auto& c0) -> PredictionResult {
        using Q = std::decay_t<decltype(c0)>;
        Predictor<Q> p(k, in, *baseline);
        if (auto problem = p.set_up()) return {std::nullopt, *problem};
        return {p.run(), ""};
      },
      *baseline);
}

template <class Q>
NominalParams<Q> nominal_params(const protocol::SoluteKinetics& k, const Q& baseline,
                                const PredictionInputs& in) {
  Predictor<Q> p(k, in, LabValue{baseline});
  if (auto problem = p.set_up()) return {std::nullopt, *problem, ""};
  return {p.params(), "", p.generation_basis()};
}

template NominalParams<units::MassConcentration> nominal_params(const protocol::SoluteKinetics&,
                                                                const units::MassConcentration&,
                                                                const PredictionInputs&);
template NominalParams<units::AmountConcentration> nominal_params(const protocol::SoluteKinetics&,
                                                                  const units::AmountConcentration&,
                                                                  const PredictionInputs&);
template NominalParams<units::Fraction> nominal_params(const protocol::SoluteKinetics&,
                                                       const units::Fraction&,
                                                       const PredictionInputs&);

}  // namespace lb::kinetics
