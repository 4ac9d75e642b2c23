#include "records/refit.hpp"

#include <cmath>
#include <stdexcept>
#include <utility>

#include "text/format.hpp"

namespace lb::records {

namespace {
constexpr const char* kSource =
    "Reverberi R, Reverberi L. Blood Transfus 2007;5(3):164-74 (two-compartment exchange "
    "kinetics, derived); LiverBridge clinical reference §7.3";
constexpr const char* kEstimate =
    "model estimate: ignores generation between sessions and solute in the replacement fluid";

explain::Derived<units::Fraction> fraction_figure(std::string id, std::string label, double value,
                                                  int decimals, std::string formula,
                                                  std::vector<explain::Input> inputs) {
  return {units::fraction(value),
          {std::move(id),
           std::move(label),
           {value, "", decimals},
           "two-compartment model",
           std::move(formula),
           std::move(inputs),
           kSource,
           {kEstimate}}};
}
}  // namespace

Refit refit_intravascular_fraction(const RefitInput& in) {
  const double removed_ml = units::in_milliliters(in.plasma_removed);
  const double pv_ml = units::in_milliliters(in.plasma_volume);
  const double planned_ml = units::in_milliliters(in.planned_exchange);
  if (!(pv_ml > 0) || !(removed_ml > 0) || !(planned_ml > 0)) {
    throw std::invalid_argument("re-fit needs positive plasma volume and exchange volumes");
  }
  const std::string id = "review." + in.analyte;
  const double f = units::in_fraction(in.assumed_fraction);
  const double r_obs = units::in_fraction(in.observed_ratio);
  const double x = units::in_fraction(in.plasma_removed / in.plasma_volume);
  const double x_plan = units::in_fraction(in.planned_exchange / in.plasma_volume);

  Refit out;
  out.exchanged_plasma_volumes =
      fraction_figure(id + ".x", "Plasma volumes exchanged (actual)", x, 2, "x = V_removed / PV",
                      {explain::quantity_input("V_removed", removed_ml, "mL", 0),
                       explain::quantity_input("PV", pv_ml, "mL", 0, "plasma_volume")});
  // The plan's target fall: what the assumed f predicts for the planned volume.
  const double r_target = f * std::exp(-x_plan) + (1 - f);
  const double r_pred = f * std::exp(-x) + (1 - f);
  out.predicted_ratio =
      fraction_figure(id + ".predicted_ratio", "Predicted post/pre ratio (" + in.analyte + ")",
                      r_pred, 3, "C_eq/C0 = f·e^(−x) + (1 − f)",
                      {explain::quantity_input("f (protocol)", f, "", 2),
                       explain::quantity_input("x", x, "", 2, id + ".x")});

  const double removable = 1 - std::exp(-x);
  const double f_fit = (1 - r_obs) / removable;
  if (!(f_fit > 0)) {
    out.note = "no fall observed (post/pre " + text::fixed(r_obs, 3) +
               "): generation outweighs removal; f cannot be fitted";
    return out;
  }
  if (f_fit > 1) {
    out.note =
        "the fall exceeds what removal from plasma alone can give (f would be above 1): "
        "check the sample times and units";
    return out;
  }
  out.fitted_fraction =
      fraction_figure(id + ".fitted_fraction", "Fitted intravascular fraction (" + in.analyte + ")",
                      f_fit, 2, "f = (1 − C_eq/C0) / (1 − e^(−x))",
                      {explain::quantity_input("C_eq/C0 (observed)", r_obs, "", 3),
                       explain::quantity_input("x", x, "", 2, id + ".x")});

  const double reachable = (r_target - 1 + f_fit) / f_fit;
  if (!(reachable > 0)) {
    out.note = "with the fitted f the planned fall (post/pre " + text::fixed(r_target, 3) +
               ") cannot be reached in one session";
    return out;
  }
  const double x_new = -std::log(reachable);
  const double v_new = x_new * pv_ml;
  // Filled member by member: GCC 12 at -O2 reports a bogus -Wmaybe-uninitialized
  // on the strings of a braced Derivation here.
  explain::Derivation how;
  how.id = id + ".replanned_volume";
  how.label = "Re-planned exchange volume (" + in.analyte + ", model estimate)";
  how.shown.value = v_new;
  how.shown.unit = "mL";
  how.method = "two-compartment model, fitted f";
  how.formula =
      "x' = −ln((R_target − 1 + f_fit) / f_fit); V = x' · PV; R_target = f·e^(−x_plan) + (1 − f)";
  how.inputs = {explain::quantity_input("f_fit", f_fit, "", 2, id + ".fitted_fraction"),
                explain::quantity_input("f (protocol)", f, "", 2),
                explain::quantity_input("x_plan", x_plan, "", 2),
                explain::quantity_input("R_target", r_target, "", 3),
                explain::quantity_input("PV", pv_ml, "mL", 0, "plasma_volume")};
  how.source = kSource;
  how.warnings = {kEstimate};
  out.replanned_volume = explain::Derived<units::Volume>{units::milliliters(v_new), std::move(how)};
  return out;
}

}  // namespace lb::records
