#include "sim/debrief/debrief_json.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

namespace lb::sim::debrief {

namespace {

using J = nlohmann::ordered_json;

double rounded(double x, int decimals) {
  const double f = std::pow(10.0, decimals);
  const double r = std::round(x * f) / f;
  return r == 0.0 ? 0.0 : r;  // no "-0.0"
}

template <class T>
J maybe(const std::optional<T>& v) {
  return v ? J(*v) : J(nullptr);
}

J stage(const Stage& s) {
  J objectives = J::array();
  for (const auto& o : s.objectives) objectives.push_back({{"id", o.id}, {"text", o.text}});
  return {{"scenario", s.scenario},
          {"title", s.title},
          {"version", s.version},
          {"scenario_sha256", s.scenario_sha256},
          {"protocol", s.protocol},
          {"protocol_version", s.protocol_version},
          {"seed", s.seed},
          {"program_version", s.program_version},
          {"timeline_sha256", s.timeline_sha256},
          {"duration_s", s.duration_s},
          {"summary", s.summary},
          {"objectives", objectives}};
}

J objectives(const std::vector<ObjectiveScore>& list) {
  J out = J::array();
  for (const auto& o : list) {
    const auto since = [&](const std::optional<SimTime>& t) {
      return t && o.onset ? J(*t - *o.onset) : J(nullptr);
    };
    out.push_back({{"id", o.id},
                   {"text", o.text},
                   {"status", kStatusNames.name(o.status)},
                   {"onset_s", maybe(o.onset)},
                   {"onset_event", o.onset_event},
                   {"recognised_s", maybe(o.recognised)},
                   {"recognised_by", o.recognised_by},
                   {"time_to_recognition_s", since(o.recognised)},
                   {"treated_s", maybe(o.treated)},
                   {"treated_by", o.treated_by},
                   {"time_to_treatment_s", since(o.treated)},
                   {"critical_actions", o.critical_actions}});
  }
  return out;
}

J checklist(const std::vector<CheckedAction>& list) {
  J out = J::array();
  for (const auto& c : list) {
    out.push_back({{"id", c.id},
                   {"objective", c.objective},
                   {"any_of", c.any_of},
                   {"after", c.after},
                   {"within_s", c.within_s},
                   {"weight", rounded(c.weight, 3)},
                   {"opens_s", maybe(c.opens)},
                   {"taken_s", maybe(c.taken)},
                   {"taken_action", c.taken_action},
                   {"status", kStatusNames.name(c.status)},
                   {"credit", rounded(c.credit, 3)}});
  }
  return out;
}

J harm(const Harm& h) {
  return {{"thresholds",
           {{{"what", kIcaHarm.what},
             {"below", kIcaHarm.value},
             {"unit", kIcaHarm.unit},
             {"source", kIcaHarm.source}},
            {{"what", kMapHarm.what},
             {"below", kMapHarm.value},
             {"unit", kMapHarm.unit},
             {"source", kMapHarm.source}}}},
          {"ica_low_min", rounded(units::in_minutes(h.ica_low), 2)},
          {"map_low_min", rounded(units::in_minutes(h.map_low), 2)},
          {"harmed_min", rounded(units::in_minutes(h.harmed), 2)},
          {"observed_min", rounded(units::in_minutes(h.observed), 2)},
          {"min_ica_mmol_l", rounded(units::in_mmol_per_l(h.min_ica), 3)},
          {"max_ca_ratio", rounded(units::in_fraction(h.max_ca_ratio), 2)},
          {"max_ph", rounded(units::in_fraction(h.max_ph), 3)},
          {"min_ph", rounded(units::in_fraction(h.min_ph), 3)},
          {"min_temp_c", rounded(in_celsius(h.min_temperature), 2)},
          {"calcium_given_mmol", rounded(in_mmol(h.calcium_given), 2)},
          {"citrate_load_mmol", rounded(in_mmol(h.citrate_load), 1)}};
}

J alarms(const AlarmHandling& a) {
  J episodes = J::array();
  for (const auto& e : a.episodes) {
    episodes.push_back({{"alarm", e.alarm},
                        {"priority", e.priority},
                        {"cause", e.cause},
                        {"began_s", e.began},
                        {"ended_s", maybe(e.ended)},
                        {"acknowledged_s", maybe(e.acknowledged)},
                        {"silenced", e.silenced}});
  }
  return {{"count", a.count},
          {"acknowledged", a.acknowledged},
          {"silences", a.silences},
          {"median_to_acknowledge_s",
           a.median_to_acknowledge ? J(rounded(units::in_seconds(*a.median_to_acknowledge), 1))
                                   : J(nullptr)},
          {"unacknowledged_high", a.unacknowledged_high},
          {"episodes", episodes}};
}

J charts(const Analysis& a) {
  J series = J::array();
  for (const auto& s : a.charts) {
    J values = J::array();
    for (const double v : s.value) values.push_back(rounded(v, 3));
    series.push_back(
        {{"id", s.id}, {"label", s.label}, {"unit", s.unit}, {"t_s", s.t}, {"values", values}});
  }
  J markers = J::array();
  for (const auto& m : a.markers) {
    markers.push_back({{"t_s", m.t}, {"kind", m.kind}, {"label", m.label}});
  }
  return {{"every_s", kChartEvery_s}, {"series", series}, {"markers", markers}};
}

J analysis(const Analysis& a) {
  J deviations = J::array();
  for (const auto& d : a.deviations) {
    deviations.push_back(
        {{"t_s", d.t}, {"action", d.action}, {"code", d.code}, {"message", d.message}});
  }
  J instructor = J::array();
  for (const auto& i : a.instructor_acts) {
    instructor.push_back({{"t_s", i.t}, {"action", i.action}, {"event", i.event}});
  }
  J prompts = J::array();
  for (const auto& p : a.prompts) prompts.push_back({{"text", p.text}, {"for", p.for_items}});
  const auto& s = a.scores;
  return {{"objectives", objectives(a.objectives)},
          {"critical_actions", checklist(a.critical_actions)},
          {"deviations", deviations},
          {"instructor_acts", instructor},
          {"harm", harm(a.harm)},
          {"alarms", alarms(a.alarms)},
          {"first_result_s", maybe(a.first_result)},
          {"prompts", prompts},
          {"scores",
           {{"critical_actions", rounded(s.critical_actions, 3)},
            {"alarm_handling", rounded(s.alarm_handling, 3)},
            {"harm", rounded(s.harm, 3)},
            {"weights",
             {{"critical_actions", rounded(s.weights.critical_actions, 3)},
              {"alarm_handling", rounded(s.weights.alarm_handling, 3)},
              {"harm", rounded(s.weights.harm, 3)}}},
            {"composite", rounded(s.composite, 1)}}},
          {"charts", charts(a)}};
}

}  // namespace

std::string debrief_json(const Debrief& d) {
  J description = J::array();
  for (const auto& n : d.description) {
    description.push_back({{"t_s", n.t}, {"text", n.text}, {"hidden", n.hidden}});
    // Only on the moments the instructor flagged: debriefs of runs without flags keep their
    // bytes.
    if (n.flagged) description.back()["flagged"] = true;
  }
  J out = {{"schema", kDebriefSchema},
           {"note", "Training simulation - not for clinical decision making"},
           {"stage", stage(d.stage)},
           {"reactions", {{"self_rating", maybe(d.reactions.self_rating)}}},
           {"description", description},
           {"analysis", analysis(d.analysis)},
           {"summary", {{"take_home", d.summary.take_home}, {"references", d.summary.references}}}};
  return out.dump(2) + "\n";
}

}  // namespace lb::sim::debrief
