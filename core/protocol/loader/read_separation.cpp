// separation: centrifugal (inlet flow, efficiency, AC infusion-rate limit per
// litre TBV) or membrane (blood flow, filtration fraction within the
// protocol's maximum), and the extracorporeal volume (LiverBridge clinical reference §6, §5).
#include "protocol/loader/sections.hpp"
#include "protocol/loader/session_fields.hpp"
#include "protocol/names.hpp"
#include "units/compare.hpp"

namespace lb::protocol::detail {

using units::Dimension;
using yaml::MapReader;
using yaml::Need;

namespace {

/// Plausibility ranges against unit slips (mL/min vs L/min), not clinical limits. The floors
/// (engineering judgement, LiverBridge) are far below any apheresis setting: a flow or
/// efficiency near 0 would make the run time absurd or overflow.
constexpr Ceiling kFlowCeiling{500e-6 / 60.0, "500 mL/min", "check the unit (mL/min)", 10e-6 / 60.0,
                               "10 mL/min"};
constexpr Ceiling kEfficiencyCeiling{
    1.0, "100 %", "plasma removal efficiencies are about 70 to 80 %", 0.1, "10 %"};
constexpr Ceiling kAcirCeiling{10e-6 / 60.0, "10 mL/min (per litre of TBV)",
                               "the Optia range is 0.8 to 1.2 mL/min per litre of TBV",
                               0.1e-6 / 60.0, "0.1 mL/min (per litre of TBV)"};
constexpr Ceiling kEcvCeiling{2e-3, "2000 mL", "check the number and its unit", 10e-6, "10 mL"};

void read_centrifugal(MapReader& parent, CentrifugalSettings& out) {
  auto r = parent.child("centrifugal", Need::required);
  if (!r.valid()) return;
  if (auto v = positive<units::Flow>(r, "inlet_flow", Need::required, kFlowCeiling)) {
    out.inlet_flow = v->value;
  }
  if (auto v = positive<units::Fraction>(r, "efficiency", Need::required, kEfficiencyCeiling)) {
    out.efficiency = v->value;
  }
  if (auto v = positive<units::Flow>(r, "ac_infusion_limit_per_liter_tbv", Need::optional,
                                     kAcirCeiling)) {
    // Written as the flow per litre of TBV ("1.2 mL/min"): one litre is the divisor.
    out.ac_infusion_limit_per_liter_tbv = v->value / units::liters(1);
  }
  r.finish();
}

void read_membrane(MapReader& parent, MembraneSettings& out) {
  auto r = parent.child("membrane", Need::required);
  if (!r.valid()) return;
  if (auto v = positive<units::Flow>(r, "blood_flow", Need::required, kFlowCeiling)) {
    out.blood_flow = v->value;
  }
  // Schema guard, not a clinical limit: above half the plasma flow the blood would be
  // concentrated past any membrane plasma separator's range (25-30 % in use, LiverBridge clinical
  // reference §6).
  const Ceiling below_one{0.5, "50 %", "membrane filtration fractions are about 25 to 30 %", 0.05,
                          "5 %"};
  const auto max = r.quantity("max_filtration_fraction", Need::required, Dimension::fraction, true);
  std::optional<Field<double>> max_field;
  if (max && check_positive(r, "max_filtration_fraction", max->si_value,
                            written(r, "max_filtration_fraction"), below_one)) {
    max_field = Field<double>{max->si_value, written(r, "max_filtration_fraction")};
    out.max_filtration_fraction = units::fraction(max->si_value);
  }
  const auto ff = r.quantity("filtration_fraction", Need::required, Dimension::fraction, true);
  if (ff) {
    const std::string text = written(r, "filtration_fraction");
    // The protocol's own maximum speaks first: it is the limit the author meant.
    if (max_field &&
        units::above(units::fraction(ff->si_value), units::fraction(max_field->value))) {
      r.error_at("filtration_fraction",
                 "'" + text + "' is above the maximum " + r.key_path("max_filtration_fraction") +
                     " ('" + max_field->text +
                     "'); a higher filtration fraction risks haemolysis and clotting");
    } else if (check_positive(r, "filtration_fraction", ff->si_value, text, below_one)) {
      out.filtration_fraction = units::fraction(ff->si_value);
    }
  }
  r.finish();
}

}  // namespace

void read_separation(MapReader& top, std::optional<SeparationSettings>& out,
                     const std::vector<Source>* sources) {
  if (!top.has("separation")) return;
  auto r = top.child("separation", Need::optional);
  if (!r.valid()) return;
  SeparationSettings s;
  const auto technique =
      r.choice("technique", Need::required, names::kSeparationTechnique.options());
  if (technique) {
    s.technique = *technique;
    const std::string chosen(to_string(*technique));
    reject_unless(r, "centrifugal", "technique", chosen, "centrifugal");
    reject_unless(r, "membrane", "technique", chosen, "membrane");
    if (*technique == SeparationTechnique::centrifugal) read_centrifugal(r, s.centrifugal);
    if (*technique == SeparationTechnique::membrane) read_membrane(r, s.membrane);
  }
  if (auto v = positive<units::Volume>(r, "extracorporeal_volume", Need::optional, kEcvCeiling)) {
    s.extracorporeal_volume = v->value;
  }
  if (auto v =
          positive<units::Fraction>(r, "extracorporeal_max_tbv", Need::optional, kPercentCeiling)) {
    s.extracorporeal_max_fraction_tbv = v->value;
  }
  s.source = source_id(r, "source", Need::optional, sources).value_or("");
  r.finish();
  out = s;
}

}  // namespace lb::protocol::detail
