#include "report/course_report.hpp"

#include <cmath>

#include "report/id_json.hpp"
#include "report/plan_json.hpp"
#include "text/format.hpp"
#include "text/markdown.hpp"

namespace lb::report {

namespace {

using course::Course;

std::string hours(units::Duration d) { return text::shown({units::in_hours(d), "h", 1}); }

/// "day 2 · Thu 26 Nov 2026 08:00-11:00" or "day 2 · +24.0 h to +27.0 h".
std::string when(const course::CourseSession& s) {
  std::string out = "day " + std::to_string(s.timing.day) + " · ";
  if (s.start_at) {
    return out + schedule::readable(*s.start_at) + " to " + schedule::iso(*s.end_at).substr(11);
  }
  return out + "start +" + hours(s.timing.start) + ", end +" + hours(s.timing.end);
}

std::string labs_when(const course::CourseSession& s) {
  if (s.labs_at) return schedule::readable(*s.labs_at);
  return "+" + hours(s.timing.labs_due);
}

double clean(double v) { return std::round(v * 1e6) / 1e6; }
double clean_shown(const explain::Shown& v) { return clean(v.value); }

std::string volume_text(units::Volume v) {
  return text::shown({units::in_milliliters(v), "mL", 0});
}

/// "342 µmol/L → model estimate 157–218 µmol/L* → model estimate 262–301 µmol/L": the
/// measured value before session 1, then ranges over the parameters' uncertainty (a
/// single predicted number would read as more certain than the model is).
std::string triple(protocol::Solute s, const kinetics::SessionValues& v, bool first) {
  const std::string pre =
      first ? text::shown(v.pre.how.shown) + " (measured)" : kinetics::band_text(s, v.pre_band);
  return pre + " → " + kinetics::band_text(s, v.post_band) + "* → " +
         kinetics::band_text(s, v.next_day_band);
}

/// "two_compartment; trend: population default for aclf (...); return T_r 96 h": the model,
/// and what moves the value between sessions (so a flat or rising next-day value is not read
/// as a measured course).
std::string model_and_source(const kinetics::SolutePrediction& k) {
  std::string out(protocol::to_string(k.model));
  if (k.generation_modelled) out += "; trend: " + k.generation_basis;
  if (k.return_modelled) out += "; returns towards the patient's own level";
  if (k.generation_modelled || k.return_modelled) return out;
  if (k.model == protocol::KineticModel::two_compartment) {
    return out + "; no generation modelled: the rise after a session is modelled redistribution";
  }
  return out + "; no generation modelled: efficacy-lab value = immediately-after value";
}

nlohmann::json offset_json(units::Duration d) {
  return {{"value", clean(units::in_hours(d))}, {"unit", "h"}, {"display", hours(d)}};
}

nlohmann::json session_json(const course::CourseSession& s) {
  nlohmann::json j = {
      {"number", s.timing.number},
      {"day", s.timing.day},
      {"start", s.start_at ? nlohmann::json(schedule::iso(*s.start_at)) : nlohmann::json()},
      {"end", s.end_at ? nlohmann::json(schedule::iso(*s.end_at)) : nlohmann::json()},
      {"start_offset", offset_json(s.timing.start)},
      {"end_offset", offset_json(s.timing.end)},
      {"labs_due", s.labs_at ? nlohmann::json(schedule::iso(*s.labs_at)) : nlohmann::json()},
      {"labs_due_offset", offset_json(s.timing.labs_due)},
      {"exchange_volume",
       {{"value", clean(units::in_milliliters(s.exchange_volume))},
        {"unit", "mL"},
        {"display", volume_text(s.exchange_volume)},
        {"ref", s.exchange_ref}}},
      {"reassess", s.timing.reassess},
      {"moved", s.timing.moved}};
  j["eligibility"] = {
      {"evaluated", s.check.evaluated},
      {"verdict", s.check.evaluated ? nlohmann::json(eligibility::to_string(s.check.verdict))
                                    : nlohmann::json()},
      {"rules", s.check.rules},
      {"text", s.check.text}};
  return j;
}

nlohmann::json stop_json(const course::StopOutcome& s) {
  nlohmann::json j = {{"criterion", course::criterion_text(s.criterion)},
                      {"met_after", s.met_after ? nlohmann::json(*s.met_after) : nlohmann::json()},
                      {"text", s.text}};
  if (s.criterion.lab) {
    j["lab"] = protocol::to_string(*s.criterion.lab);
    j["comparison"] = protocol::to_string(s.criterion.comparison);
    j["target"] = s.criterion.target_text;
  } else {
    j["event"] = s.criterion.event;
  }
  return j;
}

}  // namespace

nlohmann::json banded_json(protocol::Solute s, const explain::Derivation& how,
                           const kinetics::Band& b) {
  auto j = derivation_json(how);
  const auto lo = kinetics::band_low(s, b);
  const auto hi = kinetics::band_high(s, b);
  j["low"] = {{"value", clean_shown(lo)}, {"unit", lo.unit}, {"display", text::shown(lo)}};
  j["high"] = {{"value", clean_shown(hi)}, {"unit", hi.unit}, {"display", text::shown(hi)}};
  j["band"] = kinetics::band_text(s, b);
  return j;
}

void course_text(std::string& out, const plan::Plan& plan) {
  if (!plan.course) return;
  const Course& c = *plan.course;
  const std::string title = "Course: " + course::pattern_text(c.settings);
  out += "\n" + title + "\n" + std::string(text::display_width(title), '-') + "\n";
  out += "  " + text::pad_right("Start", 18) +
         (c.start ? schedule::readable(*c.start) + " (local time)"
                  : std::string("not given (day numbers only; use --start)")) +
         "\n";
  out += "  " + text::pad_right("Session duration", 18) +
         text::shown(c.session_duration.how.shown) + " · " + c.session_duration.how.method + "\n";
  out += "  " + text::pad_right("Efficacy labs", 18) + hours(c.settings.labs_after) +
         " after each session (ASFA 2023: ≥ 12 h, after redistribution)\n";
  for (const auto& s : c.sessions) {
    out += "  Session " + std::to_string(s.timing.number) + "  " + when(s) + " · exchange " +
           volume_text(s.exchange_volume) + "\n";
    if (!s.timing.moved.empty()) out += "      " + s.timing.moved + "\n";
    out += "      efficacy labs " + labs_when(s) +
           (s.timing.reassess ? " · RE-ASSESS the course" : "") + "\n";
    out += "      eligibility re-check: " + s.check.text + "\n";
  }
  if (!c.kinetics.empty() || !c.not_predicted.empty()) {
    out +=
        "  Predicted labs (before → immediately after* → at the efficacy labs; each model\n"
        "  estimate is the range over its parameters' uncertainty)\n";
    out += "  * immediately-after values are not comparable with pre-session values\n";
    for (const auto& k : c.kinetics) {
      out += "    " + std::string(protocol::solute_label(k.solute)) + " (" + model_and_source(k) +
             ")\n";
      for (std::size_t i = 0; i < k.sessions.size(); ++i) {
        out += "      session " + std::to_string(i + 1) + ": " +
               triple(k.solute, k.sessions[i], i == 0) + "\n";
      }
    }
    for (const auto& n : c.not_predicted) {
      out += "    " + std::string(protocol::solute_label(n.solute)) + ": not predicted (" +
             n.reason + ")\n";
    }
  }
  if (!c.stop_criteria.empty()) {
    out += "  Stop criteria\n";
    for (const auto& s : c.stop_criteria) {
      out += "    " + course::criterion_text(s.criterion) + ": " + s.text + "\n";
    }
  }
}

void course_markdown(std::string& out, const plan::Plan& plan) {
  if (!plan.course) return;
  const Course& c = *plan.course;
  out += "\n## Course: " + course::pattern_text(c.settings) + "\n\n";
  out += "- **Start:** " +
         (c.start ? schedule::readable(*c.start) + " (local time)" : std::string("not given")) +
         "\n";
  out += "- **Session duration:** " + text::shown(c.session_duration.how.shown) + " (" +
         c.session_duration.how.method + ")\n";
  out += "- **Efficacy labs:** " + hours(c.settings.labs_after) + " after each session\n\n";
  out += "| session | when | exchange | efficacy labs | eligibility re-check |\n";
  out += "|---|---|---|---|---|\n";
  for (const auto& s : c.sessions) {
    out += "| " + std::to_string(s.timing.number) + " | " + when(s) +
           (s.timing.moved.empty() ? "" : " (" + s.timing.moved + ")") + " | " +
           volume_text(s.exchange_volume) + " | " + labs_when(s) +
           (s.timing.reassess ? " (re-assess)" : "") + " | " + text::md_escape(s.check.text) +
           " |\n";
  }
  if (!c.kinetics.empty() || !c.not_predicted.empty()) {
    out +=
        "\n### Predicted labs\n\nBefore → immediately after\\* → at the efficacy labs; each model "
        "estimate is the range over its parameters' uncertainty. "
        "\\*Immediately-after values are not comparable with pre-session values.\n\n";
    for (const auto& k : c.kinetics) {
      out += "- **" + std::string(protocol::solute_label(k.solute)) + "** (" + model_and_source(k) +
             "):";
      for (std::size_t i = 0; i < k.sessions.size(); ++i) {
        out += " session " + std::to_string(i + 1) + ": " +
               triple(k.solute, k.sessions[i], i == 0) + (i + 1 < k.sessions.size() ? ";" : "");
      }
      out += "\n";
    }
    for (const auto& n : c.not_predicted) {
      out += "- **" + std::string(protocol::solute_label(n.solute)) + "**: not predicted (" +
             n.reason + ")\n";
    }
  }
  if (!c.stop_criteria.empty()) {
    out += "\n### Stop criteria\n\n";
    for (const auto& s : c.stop_criteria) {
      out += "- " + course::criterion_text(s.criterion) + ": " + s.text + "\n";
    }
  }
}

void add_course_json(nlohmann::json& out, const plan::Plan& plan) {
  if (!plan.course) return;
  const Course& c = *plan.course;
  nlohmann::json sessions = nlohmann::json::array();
  for (const auto& s : c.sessions) sessions.push_back(session_json(s));
  nlohmann::json stops = nlohmann::json::array();
  for (const auto& s : c.stop_criteria) stops.push_back(stop_json(s));
  out["schedule"] = {
      {"pattern", protocol::to_string(c.settings.pattern)},
      {"summary", course::pattern_text(c.settings)},
      {"sessions_planned", c.settings.sessions},
      {"start", c.start ? nlohmann::json(schedule::iso(*c.start)) : nlohmann::json()},
      {"session_duration", derivation_json(c.session_duration.how)},
      {"labs_after", offset_json(c.settings.labs_after)},
      {"sessions", sessions},
      {"stop_criteria", stops},
      {"warnings", c.warnings}};
  nlohmann::json kinetics = nlohmann::json::object();
  for (const auto& k : c.kinetics) {
    nlohmann::json pre = nlohmann::json::array(), post = nlohmann::json::array(),
                   next = nlohmann::json::array();
    for (const auto& v : k.sessions) {
      pre.push_back(banded_json(k.solute, v.pre.how, v.pre_band));
      if (pre.size() == 1) pre.back()["band"] = text::shown(v.pre.how.shown) + " (measured)";
      auto p = banded_json(k.solute, v.post.how, v.post_band);
      p["comparable_to_pre"] = false;
      post.push_back(p);
      next.push_back(banded_json(k.solute, v.next_day.how, v.next_day_band));
    }
    kinetics[std::string(protocol::to_string(k.solute))] = {
        {"predicted", true},
        {"model", protocol::to_string(k.model)},
        {"generation_modelled", k.generation_modelled},
        {"generation_basis", k.generation_basis},
        {"return_modelled", k.return_modelled},
        {"pre", pre},
        {"post", post},
        {"next_day", next}};
  }
  for (const auto& n : c.not_predicted) {
    kinetics[std::string(protocol::to_string(n.solute))] = {{"predicted", false},
                                                            {"reason", n.reason}};
  }
  out["kinetics"] = kinetics;
}

}  // namespace lb::report
