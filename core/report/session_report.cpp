#include "report/session_report.hpp"

#include <cmath>

#include "report/plan_json.hpp"
#include "report/plan_text.hpp"
#include "report/text_blocks.hpp"
#include "text/format.hpp"
#include "text/markdown.hpp"

namespace lb::report {

namespace {

/// A protocol setting echoed in the JSON: {value, unit, display}, no derivation.
nlohmann::json value_json(double value, const std::string& unit, int decimals) {
  const explain::Shown shown{value, unit, decimals};
  const double clean = std::round(value * 1e6) / 1e6;  // 250.00000000000003 -> 250
  return {{"value", clean}, {"unit", unit}, {"display", text::shown(shown)}};
}

using Figures = std::vector<const explain::Derivation*>;

std::string method_words(const session::AnticoagulationPlan& a) {
  if (a.citrate) return "citrate, " + std::string(protocol::to_string(a.citrate->solution));
  return std::string(protocol::to_string(a.method));
}

std::string checks_words(const session::CitratePlan& c) {
  return c.ionised_calcium_checks.empty() ? "none listed by the protocol"
                                          : text::join(c.ionised_calcium_checks);
}

Figures anticoagulation_figures(const session::AnticoagulationPlan& a) {
  if (a.citrate) return a.citrate->figures();
  if (a.heparin) return {&a.heparin->total.how};
  return {};
}

}  // namespace

/// The protocol's mix in words a blood bank reads ("FFP 33 % + albumin solution
/// 67 % by volume"), the protocol's name for it in brackets, and the FFP-last order.
std::string mix_words(const session::ReplacementOrders& r) {
  std::string words;
  switch (r.mix) {
    case protocol::ReplacementMix::ffp: words = "FFP only"; break;
    case protocol::ReplacementMix::albumin: words = "albumin solution only"; break;
    case protocol::ReplacementMix::fractions: {
      const double total = units::in_milliliters(r.replacement_volume.value);
      const double ffp_share = total > 0 ? units::in_milliliters(r.ffp_volume.value) / total : 0;
      words = "FFP " + text::fixed(100 * ffp_share, 0) + " % + albumin solution " +
              text::fixed(100 * (1 - ffp_share), 0) + " % by volume";
      break;
    }
    case protocol::ReplacementMix::ffp_units:
      words = "FFP " + std::to_string(r.ffp_units.value) + " units, albumin solution for the rest";
      break;
  }
  words += " (" + std::string(protocol::to_string(r.mix)) + ")";
  return words + (r.ffp_last.empty() ? "" : "; " + r.ffp_last);
}

void session_text(std::string& out, const plan::Plan& plan) {
  if (!plan.session) return;
  const auto& s = *plan.session;
  if (s.replacement) {
    text_section(out, "Replacement fluid and orders");
    text_line(out, "Mix", mix_words(*s.replacement));
    text_line(out, "Sessions in the course", std::to_string(s.replacement->sessions));
    for (const auto* d : s.replacement->figures()) text_figure(out, *d);
    if (s.effect && !s.effect->figures().empty()) {
      text_section(out, "Predicted effect of the replacement (immediately after a session)");
      for (const auto* d : s.effect->figures()) text_figure(out, *d);
    }
  }
  if (s.anticoagulation) {
    text_section(out, "Anticoagulation and citrate");
    text_line(out, "Anticoagulant", method_words(*s.anticoagulation));
    for (const auto* d : anticoagulation_figures(*s.anticoagulation)) text_figure(out, *d);
    if (s.anticoagulation->citrate) {
      text_line(out, "Ionised calcium checks", checks_words(*s.anticoagulation->citrate));
    }
  }
  if (s.separation) {
    text_section(out, "Separation and run time");
    text_line(out, "Technique", std::string(protocol::to_string(s.separation->technique)));
    for (const auto* d : s.separation->figures()) text_figure(out, *d);
  }
}

void session_markdown(std::string& out, const plan::Plan& plan) {
  if (!plan.session) return;
  const auto& s = *plan.session;
  if (s.replacement) {
    out += "\n## Replacement fluid and orders\n\n";
    out += "- **Mix:** " + text::md_escape(mix_words(*s.replacement)) + "\n";
    out += "- **Sessions in the course:** " + std::to_string(s.replacement->sessions) + "\n\n";
    markdown_figure_rows(out, s.replacement->figures());
    if (s.effect && !s.effect->figures().empty()) {
      out += "\n### Predicted effect (immediately after a session)\n\n";
      markdown_figure_rows(out, s.effect->figures());
    }
  }
  if (s.anticoagulation) {
    out += "\n## Anticoagulation and citrate\n\n";
    out += "- **Anticoagulant:** " + text::md_escape(method_words(*s.anticoagulation)) + "\n";
    if (s.anticoagulation->citrate) {
      out += "- **Ionised calcium checks:** " +
             text::md_escape(checks_words(*s.anticoagulation->citrate)) + "\n";
    }
    const auto figures = anticoagulation_figures(*s.anticoagulation);
    if (!figures.empty()) {
      out += "\n";
      markdown_figure_rows(out, figures);
    }
  }
  if (s.separation) {
    out += "\n## Separation and run time\n\n";
    out += "- **Technique:** " + std::string(protocol::to_string(s.separation->technique)) + "\n\n";
    markdown_figure_rows(out, s.separation->figures());
  }
}

void add_session_json(nlohmann::json& out, const plan::Plan& plan) {
  if (!plan.session) return;
  const auto& s = *plan.session;
  if (s.replacement) {
    const auto& r = *s.replacement;
    nlohmann::json j = {
        {"mix", protocol::to_string(r.mix)},
        {"ffp_last", r.ffp_last},
        {"sessions", r.sessions},
        {"replacement_volume_per_session", derivation_json(r.replacement_volume.how)},
        {"ffp_volume_per_session", derivation_json(r.ffp_volume.how)},
        {"ffp_units_per_session", derivation_json(r.ffp_units.how)},
        {"albumin_volume_per_session", derivation_json(r.albumin_volume.how)},
        {"albumin_vials_per_session", derivation_json(r.albumin_vials.how)},
        {"albumin_grams_per_session", derivation_json(r.albumin_grams.how)},
        {"ffp_volume_per_course", derivation_json(r.ffp_volume_course.how)},
        {"ffp_units_per_course", derivation_json(r.ffp_units_course.how)},
        {"albumin_vials_per_course", derivation_json(r.albumin_vials_course.how)},
        {"albumin_grams_per_course", derivation_json(r.albumin_grams_course.how)},
        // What the orders are counted in: stable names so exports need not dig in derivations.
        {"ffp_unit_volume", value_json(units::in_milliliters(r.ffp_unit_volume), "mL", 0)},
        {"albumin_concentration", value_json(units::in_g_per_l(r.albumin_concentration), "g/L", 0)},
        {"albumin_vial_mass", value_json(units::in_grams(r.albumin_vial), "g", 1)},
        {"fluid_balance", value_json(units::in_percent(r.fluid_balance), "%", 0)},
    };
    nlohmann::json post = nlohmann::json::object();
    if (s.effect) {
      if (s.effect->albumin) post["albumin"] = derivation_json(s.effect->albumin->how);
      if (s.effect->fibrinogen) post["fibrinogen"] = derivation_json(s.effect->fibrinogen->how);
      if (s.effect->factor_v) post["factor_v"] = derivation_json(s.effect->factor_v->how);
      if (s.effect->pta) post["pta"] = derivation_json(s.effect->pta->how);
    }
    j["predicted_post_session"] = post;
    out["replacement"] = j;
  }
  if (s.anticoagulation) {
    const auto& a = *s.anticoagulation;
    nlohmann::json j = {{"method", protocol::to_string(a.method)}};
    if (a.citrate) {
      const auto& c = *a.citrate;
      j["solution"] = protocol::to_string(c.solution);
      j["inlet_ac_ratio"] = units::in_parts(c.inlet_to_ac_ratio);
      j["citrate_concentration"] = derivation_json(c.citrate_concentration.how);
      j["ac_volume"] = derivation_json(c.ac_volume.how);
      j["ac_rate"] = derivation_json(c.ac_rate.how);
      j["citrate_from_ac"] = derivation_json(c.citrate_from_ac.how);
      if (c.citrate_from_ffp) j["citrate_from_ffp"] = derivation_json(c.citrate_from_ffp->how);
      j["citrate_rate"] = derivation_json(c.citrate_rate.how);
      j["citrate_rate_limit"] = derivation_json(c.rate_limit.how);
      if (c.calcium_gluconate) {
        j["calcium_gluconate_per_session"] = derivation_json(c.calcium_gluconate->how);
      }
      j["ionised_calcium_checks"] = c.ionised_calcium_checks;
      if (c.calcium_ratio) j["calcium_ratio"] = derivation_json(c.calcium_ratio->how);
    }
    if (a.heparin) {
      j["heparin_bolus"] = {{"value", a.heparin->bolus.value}, {"unit", "IU"}};
      j["heparin_per_hour"] = {{"value", a.heparin->per_hour.value}, {"unit", "IU/h"}};
      j["heparin_per_session"] = derivation_json(a.heparin->total.how);
    }
    out["anticoagulation"] = j;
  }
  if (s.separation) {
    const auto& r = *s.separation;
    nlohmann::json j = {
        {"technique", protocol::to_string(r.technique)},
        {"flow", derivation_json(r.flow.how)},
        {"inlet_capped", r.inlet_capped},
        {"whole_blood_flow", derivation_json(r.whole_blood_flow.how)},
        {"plasma_removal_rate", derivation_json(r.plasma_removal_rate.how)},
        {"whole_blood_processed", derivation_json(r.whole_blood_processed.how)},
        {"duration", derivation_json(r.duration.how)},
    };
    if (r.with_ac) j["ac_returned_fraction"] = derivation_json(r.ac_returned.how);
    if (r.inlet_cap) j["inlet_flow_cap"] = derivation_json(r.inlet_cap->how);
    if (r.extracorporeal_fraction_tbv) {
      j["extracorporeal_fraction_tbv"] = derivation_json(r.extracorporeal_fraction_tbv->how);
    }
    out["separation"] = j;
  }
}

}  // namespace lb::report
