// The section readers of the scenario loader (scenario_loader.cpp calls them in order). Each
// reads one part of the file into the Scenario and records names that point elsewhere in the
// file (alarm ids in effects, event ids in critical actions) as References, checked when the
// whole file has been read so that the order of sections does not matter.
#pragma once

#include <string>
#include <vector>

#include "sim/scenario/scenario.hpp"
#include "sim/scenario/vocabulary.hpp"
#include "yaml/map_reader.hpp"

namespace lb::sim::scenario::detail {

struct Reference {
  enum class Kind { alarm, event, objective };
  Kind kind = Kind::alarm;
  std::string name;
  diag::Location where;
  std::string key;
};

struct Context {
  const Vocabulary& vocabulary;
  diag::Diagnostics& diagnostics;
  Scenario& scenario;
  std::vector<Reference> references;
  std::vector<std::string> event_ids;
};

/// Deepest nesting of any/all in a condition: deeper is unreadable for a trainer.
inline constexpr int kMaxConditionDepth = 4;

void read_header(yaml::MapReader& top, Context& c);
/// patient, protocol, session, device, parameters, start.
void read_setup(yaml::MapReader& top, Context& c);
void read_alarms(yaml::MapReader& top, Context& c);
void read_labs(yaml::MapReader& top, Context& c);
void read_events(yaml::MapReader& top, Context& c);
/// learning_objectives, critical_actions, scoring, expectations, debrief.
void read_teaching(yaml::MapReader& top, Context& c);

/// A condition at `key` of `r` (a mapping: var/op/value/for, action/delay, any or all).
std::optional<Condition> read_condition(yaml::MapReader& r, const std::string& key, yaml::Need need,
                                        Context& c);
/// The arguments of action effect `name` (the keys of `r` but `action`), read into `e`.
bool read_action_arguments(yaml::MapReader& r, const std::string& name, Effect& e);
/// The list of effects at `key`.
std::vector<Effect> read_effects(yaml::MapReader& r, const std::string& key, Context& c);

/// Checks the References against what the file defines.
void check_references(Context& c);

}  // namespace lb::sim::scenario::detail
