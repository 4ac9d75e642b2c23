#include "records/refit.hpp"

#include <utility>

#include "records/fraction_fit.hpp"
#include "text/format.hpp"

namespace lb::records {

namespace {
constexpr const char* kEngine =
    "the planner's kinetics model (LiverBridge clinical reference §7.3: exchange, "
    "redistribution, production and return; kinetics/compartment.hpp)";
constexpr const char* kEstimate = "model estimate from the patient's own draws, not an order";

std::string id_of(const RefitContext& c, const std::string& what) {
  return "review." + c.analyte + "." + std::to_string(c.post.session) + "." + what;
}

std::string source_of(const RefitContext& c) {
  return c.source.empty() ? std::string(kEngine) : std::string(kEngine) + "; " + c.source;
}

/// The draws and the session, then the parameters held, as every fitted figure lists them.
std::vector<explain::Input> draw_inputs(const RefitContext& c) {
  std::vector<explain::Input> in = {explain::text_input("C_pre", draw_text(c.pre)),
                                    explain::text_input("C_post", draw_text(c.post)),
                                    explain::text_input("session", c.session_times)};
  for (const auto& h : c.held) in.push_back(h);
  return in;
}

explain::Derived<units::Fraction> fraction_figure(const RefitContext& c, const std::string& what,
                                                  std::string label, double value, int decimals,
                                                  std::string formula,
                                                  std::vector<explain::Input> inputs) {
  explain::Derivation how;
  how.id = id_of(c, what);
  how.label = std::move(label);
  how.shown = {value, "", decimals};
  how.method = "kinetics engine";
  how.formula = std::move(formula);
  how.inputs = std::move(inputs);
  how.source = source_of(c);
  how.warnings = {kEstimate};
  return {units::fraction(value), std::move(how)};
}
}  // namespace

std::string draw_text(const Draw& d) {
  return d.timing + " " + std::to_string(d.session) + " (" + d.drawn_at + ", " + d.value + ")";
}

std::string draws_text(const std::vector<Draw>& draws) {
  std::vector<std::string> parts;
  parts.reserve(draws.size());
  for (const Draw& d : draws) parts.push_back(draw_text(d));
  return text::join(parts);
}

explain::Derived<units::Fraction> plasma_volumes_figure(const RefitContext& c, double removed_ml,
                                                        double pv_ml) {
  auto fig = fraction_figure(c, "x", "Plasma volumes exchanged (actual)", removed_ml / pv_ml, 2,
                             "x = V_removed / PV",
                             {explain::quantity_input("V_removed", removed_ml, "mL", 0),
                              explain::quantity_input("PV", pv_ml, "mL", 0, "plasma_volume")});
  fig.how.method = "ratio";
  fig.how.warnings.clear();
  return fig;
}

explain::Derived<units::Fraction> predicted_ratio_figure(const RefitContext& c, double ratio,
                                                         double protocol_f, double x) {
  auto inputs = draw_inputs(c);
  inputs.erase(inputs.begin() + 1);  // the measured post is what this predicts
  inputs.push_back(explain::quantity_input("f (protocol)", protocol_f, "", kFractionDecimals));
  inputs.push_back(explain::quantity_input("x", x, "", 2, id_of(c, "x")));
  return fraction_figure(
      c, "predicted_ratio", "Predicted post/pre ratio (" + c.analyte + ")", ratio, 3,
      "C_post/C_pre: after_interval(after_session(C_pre, x, τ), session end → post draw) / C_pre",
      std::move(inputs));
}

explain::Derived<units::Fraction> fitted_fraction_figure(const RefitContext& c, double f, double x,
                                                         const std::string& published) {
  auto inputs = draw_inputs(c);
  inputs.push_back(explain::quantity_input("x", x, "", 2, id_of(c, "x")));
  inputs.push_back(explain::text_input("f (published)", published));
  return fraction_figure(
      c, "fitted_fraction", "Fitted intravascular fraction (" + c.analyte + ")", f,
      kFractionDecimals,
      "the f at which the kinetics engine from C_pre gives C_post at its draw time (bisection on "
      "f from " +
          text::fixed(kFractionLow, kFractionDecimals) + ", the least f shown, to 1)",
      std::move(inputs));
}

explain::Derived<units::Volume> replanned_volume_figure(const RefitContext& c, double volume_ml,
                                                        double fitted_f, double protocol_f,
                                                        double x_plan, double pv_ml) {
  // Filled member by member: GCC 12 at -O2 reports a bogus -Wmaybe-uninitialized
  // on the strings of a braced Derivation here.
  explain::Derivation how;
  how.id = id_of(c, "replanned_volume");
  how.label = "Re-planned exchange volume (" + c.analyte + ", model estimate)";
  how.shown.value = volume_ml;
  how.shown.unit = "mL";
  how.method = "kinetics engine, fitted f";
  how.formula =
      "V = x'·PV with x' the plasma volumes at which the engine with f_fit gives the post value "
      "the plan predicts (the protocol's f at x_plan), same session times (bisection on x')";
  how.inputs = draw_inputs(c);
  how.inputs.push_back(explain::quantity_input("f_fit", fitted_f, "", kFractionDecimals,
                                               id_of(c, "fitted_fraction")));
  how.inputs.push_back(explain::quantity_input("f (protocol)", protocol_f, "", kFractionDecimals));
  how.inputs.push_back(explain::quantity_input("x_plan", x_plan, "", 2));
  how.inputs.push_back(explain::quantity_input("PV", pv_ml, "mL", 0, "plasma_volume"));
  how.source = source_of(c);
  how.warnings = {kEstimate};
  return {units::milliliters(volume_ml), std::move(how)};
}

}  // namespace lb::records
