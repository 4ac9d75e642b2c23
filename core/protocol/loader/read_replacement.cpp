// replacement: the mix of FFP and albumin solution, unit and vial sizes, the
// fluid balance and what each fluid contains (LiverBridge clinical reference §7.2, §4).
#include "protocol/loader/sections.hpp"
#include "protocol/loader/session_fields.hpp"
#include "protocol/names.hpp"
#include "text/format.hpp"
#include "units/compare.hpp"

namespace lb::protocol::detail {

using units::Dimension;
using yaml::MapReader;
using yaml::Need;

namespace {

/// Generous plausibility ranges against unit slips; not clinical limits. The floors keep the
/// unit and vial counts (volume / unit size) finite and sane.
constexpr Ceiling kUnitVolumeCeiling{1e-3, "1000 mL", "check the number and its unit", 10e-6,
                                     "10 mL"};
constexpr Ceiling kVialCeiling{0.1, "100 g", "check the number and its unit", 0.1e-3, "0.1 g"};
constexpr Ceiling kSolutionCeiling{250.0, "250 g/L", "check the unit (g/L; 5 % albumin is 50 g/L)",
                                   1.0, "1 g/L"};
constexpr Ceiling kBalanceCeiling{2.0, "200 %", "", 0.5, "50 %"};
constexpr int kMaxFfpUnits = 200;

void read_composition(MapReader& parent, const std::string& key, FluidComposition& out,
                      bool with_albumin, const std::vector<Source>* sources) {
  auto r = parent.child(key, Need::optional);
  if (!r.valid()) return;
  if (with_albumin) {
    if (auto v = non_negative_si(r, "albumin", Dimension::mass_concentration)) {
      out.albumin = units::MassConcentration::from_value(v->value);
    }
  }
  if (auto v = non_negative_si(r, "fibrinogen", Dimension::mass_concentration)) {
    out.fibrinogen = units::MassConcentration::from_value(v->value);
  }
  if (auto v = share(r, "factor_activity", Need::optional)) {
    out.factor_activity = units::fraction(v->value);
  }
  out.source = source_id(r, "source", Need::optional, sources).value_or("");
  r.finish();
}

void read_fractions(MapReader& r, ReplacementSettings& out) {
  auto f = r.child("fractions", Need::required);
  if (!f.valid()) return;
  const auto ffp = share(f, "ffp", Need::required);
  const auto albumin = share(f, "albumin", Need::required);
  f.finish();
  if (!ffp || !albumin) return;
  const auto sum = units::fraction(ffp->value + albumin->value);
  if (!units::nearly_equal(sum, units::fraction(1.0))) {
    r.error_at("fractions", "ffp '" + ffp->text + "' and albumin '" + albumin->text +
                                "' add up to " + text::fixed(units::in_percent(sum), 1) +
                                " %; the fractions must sum to 1 (100 %)");
    return;
  }
  out.ffp_fraction = units::fraction(ffp->value);
}

}  // namespace

void read_replacement(MapReader& top, std::optional<ReplacementSettings>& out,
                      const std::vector<Source>* sources) {
  if (!top.has("replacement")) return;
  auto r = top.child("replacement", Need::optional);
  if (!r.valid()) return;
  ReplacementSettings s;
  const auto mix = r.choice("mix", Need::required, names::kReplacementMix.options());
  if (mix) {
    s.mix = *mix;
    const std::string chosen(to_string(*mix));
    reject_unless(r, "fractions", "mix", chosen, "fractions");
    reject_unless(r, "ffp_units", "mix", chosen, "ffp_units");
    if (*mix == ReplacementMix::fractions) read_fractions(r, s);
    if (*mix == ReplacementMix::albumin) s.ffp_fraction = units::fraction(0.0);
    if (*mix == ReplacementMix::ffp_units) {
      if (auto n = r.integer("ffp_units", Need::required, 1, kMaxFfpUnits)) s.ffp_units = *n;
    }
  }
  if (auto v = positive_number(r, "ffp_last_when_inr_at_least", Need::optional,
                               Ceiling{10.0, "10", "an INR", 0.5, "0.5"})) {
    s.ffp_last_inr = units::fraction(v->value);
  }
  if (auto v = positive<units::Volume>(r, "ffp_unit_volume", Need::optional, kUnitVolumeCeiling)) {
    s.ffp_unit_volume = v->value;
  }
  if (auto v = positive<units::MassConcentration>(r, "albumin_concentration", Need::optional,
                                                  kSolutionCeiling)) {
    s.albumin_concentration = v->value;
  }
  if (auto v = positive<units::Mass>(r, "albumin_vial", Need::optional, kVialCeiling)) {
    s.albumin_vial = v->value;
  }
  if (auto v = positive<units::Fraction>(r, "fluid_balance", Need::optional, kBalanceCeiling)) {
    s.fluid_balance = v->value;
  }
  auto composition = r.child("composition", Need::optional);
  read_composition(composition, "ffp", s.ffp_composition, true, sources);
  read_composition(composition, "albumin", s.albumin_composition, false, sources);
  if (composition.valid()) composition.finish();
  s.source = source_id(r, "source", Need::optional, sources).value_or("");
  r.finish();
  out = s;
}

}  // namespace lb::protocol::detail
