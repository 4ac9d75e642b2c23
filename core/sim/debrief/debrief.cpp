#include "sim/debrief/debrief.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "sim/debrief/charts.hpp"
#include "sim/debrief/narrative.hpp"
#include "version.hpp"

namespace lb::sim::debrief {

namespace {

/// Calcium in the boluses given (mmol): volume × the product's calcium content (the engine's
/// parameters), the share of the bolus that ran before the end of the run.
Amount bolus_calcium(const Timeline& t, const Parameters& p) {
  double mmol_total = 0.0;
  for (const auto& a : t.actions) {
    if (a.name != "ca_bolus" || a.refused) continue;
    const auto j = nlohmann::json::parse(a.json, nullptr, false);
    const double ml = j.value("volume_mL", 0.0);
    const double over_s = j.value("over_min", 0.0) * 60.0;
    const bool chloride = j.value("product", std::string()) == "calcium_chloride_10";
    const double per_ml = chloride ? p.chloride_calcium.value : p.gluconate_calcium.value;
    const double left_s = static_cast<double>(t.end - a.t);
    const double share = over_s > 0.0 ? std::min(1.0, left_s / over_s) : 1.0;
    mmol_total += ml * per_ml * share;
  }
  return mmol(mmol_total);
}

/// The scenario's reflection prompts (for the whole run), then the prompt of each late or
/// missed critical action that has one, attached to that item only.
std::vector<Prompt> prompts(const scenario::Scenario& s, const std::vector<CheckedAction>& c) {
  std::vector<Prompt> out;
  for (const auto& text : s.debrief.prompts) out.push_back({text, {}});
  for (const auto& x : c) {
    if (x.status != Status::late && x.status != Status::missed) continue;
    for (const auto& a : s.critical_actions) {
      if (a.id == x.id && !a.prompt.empty()) out.push_back({a.prompt, {x.id}});
    }
  }
  return out;
}

/// An instructor line as an act of the analysis: the act with what it named.
InstructorAct instructor_act(const InstructorLine& l) {
  InstructorAct out{l.t, l.act, l.field("event")};
  if (l.act == "set_parameter") {
    out.action += " " + l.field("parameter") + " = " + l.field("value") + " " + l.field("unit");
  } else if (l.act == "flag" && !l.field("note").empty()) {
    out.action += ": " + l.field("note");
  } else if (l.act == "rewind") {
    out.action +=
        " (attempt " + l.field("attempt") + " from attempt " + l.field("from_attempt") + ")";
  }
  return out;
}

}  // namespace

Scores composite_scores(const scenario::ScoringWeights& w, double critical_actions,
                        double alarm_handling, double harm) {
  Scores s;
  s.critical_actions = critical_actions;
  s.alarm_handling = alarm_handling;
  s.harm = harm;
  s.weights = w;
  s.composite = 100.0 * (w.critical_actions * critical_actions + w.alarm_handling * alarm_handling +
                         w.harm * harm);
  return s;
}

Debrief build_debrief(const DebriefInputs& in) {
  const auto& s = in.prepared.scenario;
  const auto& t = in.timeline;
  Debrief d;
  d.stage.scenario = s.id;
  d.stage.title = s.title;
  d.stage.version = s.version;
  // What was run (the start line), else the caller's hash of the file (older timelines).
  d.stage.scenario_sha256 =
      t.start.scenario_sha256.empty() ? in.scenario_sha256 : t.start.scenario_sha256;
  d.stage.protocol = in.prepared.protocol.id;
  d.stage.protocol_version = in.prepared.protocol.version;
  d.stage.seed = t.start.seed;
  d.stage.program_version = kVersion;
  d.stage.timeline_file = t.file;
  d.stage.timeline_sha256 = t.sha256;
  d.stage.duration_s = t.start.duration_s;
  d.stage.summary = s.summary;
  d.stage.objectives = s.objectives;

  d.reactions.self_rating = in.self_rating;
  d.description = narrative(t, in.replay.samples);

  auto& a = d.analysis;
  a.critical_actions = check_critical_actions(s, t);
  a.objectives = score_objectives(s, t, a.critical_actions);
  a.deviations = run_deviations(in.prepared, t, in.replay);
  for (const auto& x : t.actions) {
    if (x.by == scenario::Actor::instructor) a.instructor_acts.push_back({x.t, x.name, x.event});
  }
  for (const auto& l : t.instructor) a.instructor_acts.push_back(instructor_act(l));
  std::stable_sort(a.instructor_acts.begin(), a.instructor_acts.end(),
                   [](const InstructorAct& x, const InstructorAct& y) { return x.t < y.t; });
  a.harm = harm_exposure(in.replay.samples, bolus_calcium(t, in.replay.parameters));
  a.alarms = alarm_handling(t);
  a.prompts = prompts(s, a.critical_actions);
  a.charts = chart_series(in.replay.samples);
  a.markers = chart_markers(t);
  if (!t.lab_results.empty()) a.first_result = t.lab_results.front().t;
  a.scores = composite_scores(s.weights, checklist_score(a.critical_actions), alarm_score(a.alarms),
                              harm_score(a.harm));

  d.summary.take_home = s.debrief.take_home;
  d.summary.references.push_back("Protocol " + in.prepared.protocol.id + " version " +
                                 in.prepared.protocol.version + " (" + in.prepared.protocol.title +
                                 ")");
  d.summary.references.push_back(
      "LiverBridge clinical reference, docs/clinical-reference.md: citrate and calcium (§5), "
      "replacement (§4)");
  d.summary.references.push_back(
      "Training simulation: docs/simulation.md (the model and its unverified parameters)");
  return d;
}

}  // namespace lb::sim::debrief
