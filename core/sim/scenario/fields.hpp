// Small readers shared by the scenario section readers: simulated times, probabilities,
// values in an observable's unit, names from a closed vocabulary and lists of mappings. Each
// reports at the value's file:line:col and returns nullopt, so one slip is one message.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "sim/scenario/scenario.hpp"
#include "sim/scenario/vocabulary.hpp"
#include "units/parse.hpp"
#include "yaml/map_reader.hpp"

namespace lb::sim::scenario::detail {

/// Longest simulated time a scenario may name (a course of sessions with the days between).
inline constexpr SimTime kMaxSimTime = SimTime{30} * 86400;
inline constexpr const char* kMaxSimTimeText = "30 days";

/// A duration ("20 min", "90 s") as whole seconds, 0 to 30 days (`positive`: above 0).
std::optional<SimTime> sim_time(yaml::MapReader& r, const std::string& key, yaml::Need need,
                                bool positive = false);

/// A probability: a bare fraction (0.013) or a percentage (1.3 %), above 0 and below 1.
std::optional<double> probability(yaml::MapReader& r, const std::string& key, yaml::Need need);

/// `text` read as a value in `unit` ("" = a plain number): written in that unit, or in
/// another unit of the same dimension that the unit parser converts.
units::ParseResult<double> value_in_unit(const std::string& text, const std::string& unit);

/// The value of `key` for observable or parameter `entry` (its name and unit).
std::optional<VariableValue> value_for(yaml::MapReader& r, const std::string& key,
                                       const NamedUnit& entry);

/// `key`'s word, which must be one of `names` (`what` names the list in the message).
std::optional<std::string> name_in(yaml::MapReader& r, const std::string& key, yaml::Need need,
                                   const std::vector<std::string>& names, const std::string& what);

/// The entry named `name`, or nullptr.
const NamedUnit* find_named(const std::vector<NamedUnit>& list, const std::string& name);
std::vector<std::string> names_of(const std::vector<NamedUnit>& list);

/// An id: lower-case letters, digits, '_' and '-', starting with a letter, at most 64.
std::optional<std::string> id_field(yaml::MapReader& r, const std::string& key, yaml::Need need);

/// Calls `item` with a reader for every mapping in the list under `key` (path "key[i]");
/// an item that is not a mapping is an error at its own position.
void for_each_mapping(yaml::MapReader& r, const std::string& key, yaml::Need need,
                      const std::function<void(yaml::MapReader& item)>& item);

/// The list of texts under `key` (each a non-empty scalar).
std::vector<std::string> text_items(yaml::MapReader& r, const std::string& key, yaml::Need need);

/// Reports a second use of an id (`seen` collects them; `what` is "event", "alarm"...).
void check_unique(yaml::MapReader& r, const std::string& key, const std::string& id,
                  std::vector<std::string>& seen, const std::string& what);

}  // namespace lb::sim::scenario::detail
