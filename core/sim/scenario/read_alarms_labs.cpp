// alarms: the device, monitor and lab alarms of the run (priority per IEC 60601-1-8 category,
// latching, silence time, and the condition that raises them; without a condition only an
// event raises the alarm). labs: the panels a trainee can order, with turnaround and assay
// noise, and how often the author expects the trainee to order it (`expected_every`, a
// teaching expectation the debrief holds the run to). All are scenario values: the design
// leaves thresholds, latencies, imprecision and expectations to the scenario author, who
// documents where they come from.
#include <algorithm>

#include "sim/scenario/fields.hpp"
#include "sim/scenario/sections.hpp"
#include "text/did_you_mean.hpp"
#include "text/format.hpp"

namespace lb::sim::scenario::detail {

using yaml::MapReader;
using yaml::Need;

void read_alarms(MapReader& top, Context& c) {
  std::vector<std::string> ids;
  for_each_mapping(top, "alarms", Need::optional, [&](MapReader& r) {
    AlarmRule rule;
    if (auto id = id_field(r, "id", Need::required)) {
      rule.spec.id = *id;
      check_unique(r, "id", *id, ids, "alarm");
    }
    rule.spec.source = r.choice("source", Need::required, alarms::kSourceNames.options())
                           .value_or(alarms::Source::device);
    rule.spec.priority = r.choice("priority", Need::required, alarms::kPriorityNames.options())
                             .value_or(alarms::Priority::medium);
    rule.spec.latching = r.boolean("latching", Need::optional).value_or(false);
    rule.spec.silence_s = sim_time(r, "silence", Need::required, /*positive=*/true).value_or(1);
    if (r.has("when")) rule.when = read_condition(r, "when", Need::optional, c);
    if (rule.when && rule.when->kind == Condition::Kind::action) {
      r.error_at("when",
                 "an alarm is raised by the patient or the device, not by an action; "
                 "use a comparison (var, op, value)");
    }
    c.scenario.alarms.push_back(std::move(rule));
  });
}

void read_labs(MapReader& top, Context& c) {
  std::vector<std::string> panels;
  std::vector<std::string> panel_names;
  for (const auto& p : c.vocabulary.panels) panel_names.push_back(p.name);
  for_each_mapping(top, "labs", Need::optional, [&](MapReader& r) {
    LabPanel lab;
    const auto name = name_in(r, "panel", Need::required, panel_names, "a lab panel");
    if (name) {
      lab.panel = *name;
      check_unique(r, "panel", *name, panels, "lab entry");
    }
    lab.latency_s = sim_time(r, "latency", Need::required, /*positive=*/true).value_or(0);
    if (r.has("expected_every")) {
      lab.expected_every_s = sim_time(r, "expected_every", Need::optional, /*positive=*/true);
    }
    MapReader noise = r.child("noise", Need::required);
    const PanelInfo* info = nullptr;
    for (const auto& p : c.vocabulary.panels) {
      if (name && p.name == *name) info = &p;
    }
    for (const auto& key : noise.keys()) {
      const bool reported = info != nullptr && std::find(info->reports.begin(), info->reports.end(),
                                                         key) != info->reports.end();
      const NamedUnit* v = find_named(c.vocabulary.variables, key);
      if (info != nullptr && (!reported || v == nullptr)) {
        noise.diagnostics().error(noise.location_of_key(key), noise.key_path(key),
                                  "'" + key + "' is not reported by the " + info->name +
                                      " panel; it reports " + text::join(info->reports) +
                                      text::did_you_mean_suffix(key, info->reports));
      }
      if (!reported || v == nullptr) {
        (void)noise.node(key, Need::optional);
        continue;
      }
      if (auto sd = value_for(noise, key, *v)) {
        if (sd->value < 0.0) {
          noise.error_at(key, "is a standard deviation and must not be negative");
        } else {
          lab.noise_sd.push_back(*sd);
        }
      }
    }
    noise.finish();
    c.scenario.labs.push_back(std::move(lab));
  });
}

}  // namespace lb::sim::scenario::detail
