// Small readers shared by the protocol section readers: positive quantities
// with a plausibility ceiling, plain multiples, and range messages that quote
// the value exactly as the protocol author wrote it.
#pragma once

#include <optional>
#include <string>

#include "protocol/protocol.hpp"
#include "units/any_quantity.hpp"
#include "units/dimension.hpp"
#include "yaml/map_reader.hpp"

namespace lb::protocol::detail {

/// A value read from the file with its text as written (for messages).
template <class Q>
struct Field {
  Q value;
  std::string text;
};

/// Plausibility range of a value: upper bound `si` inclusive, `text` as shown in messages
/// and `hint` appended when outside (e.g. "check the unit"); the lower bound `floor_si`
/// (inclusive, shown as `floor_text`) applies when `floor_text` is not empty, otherwise the
/// value must only be more than 0. A floor is a physical or engineering guard: a flow of
/// 1e-300 mL/min is a slip, and would make the run time overflow.
struct Ceiling {
  double si = 0.0;
  const char* text = "";
  const char* hint = "";
  double floor_si = 0.0;
  const char* floor_text = "";
};

/// Schema ceilings. Those with a hint are plausibility guards against unit
/// slips (L vs mL), not clinical limits; protocols/README.md lists them.
/// The floors (engineering judgement, LiverBridge) sit far below any value a protocol
/// could mean: they catch unit slips and values that would overflow the plan's arithmetic.
inline constexpr Ceiling kVolumeCeiling{50e-3, "50 L", "check the number and its unit", 1e-6,
                                        "1 mL"};
inline constexpr Ceiling kPerKgCeiling{200e-6, "200 mL/kg", "check the unit (mL/kg or L/kg)", 1e-6,
                                       "1 mL/kg"};
inline constexpr Ceiling kVolumePerKgCeiling{2e-3, "2 L/kg", "check the unit (mL/kg or L/kg)", 1e-6,
                                             "1 mL/kg"};
inline constexpr Ceiling kBmiCeiling{100.0, "100 kg/m2", "check the number", 10.0, "10 kg/m2"};
inline constexpr Ceiling kMassCeiling{200.0, "200 kg", "check the number and its unit", 1.0,
                                      "1 kg"};
inline constexpr Ceiling kPlasmaVolumesCeiling{10.0, "10 plasma volumes", "", 0.01,
                                               "0.01 plasma volumes"};
inline constexpr Ceiling kPercentCeiling{1.0, "100 %", "", 0.001, "0.1 %"};

/// The scalar text of `key` (trimmed), or "" when absent or not a scalar.
std::string written(yaml::MapReader& r, const std::string& key);

/// Checks 0 < si <= ceiling; reports at `key` and returns false when not.
bool check_positive(yaml::MapReader& r, const std::string& key, double si, const std::string& text,
                    const std::optional<Ceiling>& ceiling);

/// A quantity of `dimension` that must be > 0 and within the ceiling.
std::optional<Field<double>> positive_si(yaml::MapReader& r, const std::string& key,
                                         yaml::Need need, units::Dimension dimension,
                                         const std::optional<Ceiling>& ceiling);

/// A quantity of type Q (its dimension is Q's) that must be > 0 and within the ceiling.
template <class Q>
std::optional<Field<Q>> positive(yaml::MapReader& r, const std::string& key, yaml::Need need,
                                 const std::optional<Ceiling>& ceiling = std::nullopt) {
  auto f = positive_si(r, key, need, units::dimension_of<Q>, ceiling);
  if (!f) return std::nullopt;
  return Field<Q>{Q::from_value(f->value), f->text};
}

/// A plain number (a multiple such as 1.5 plasma volumes), > 0 and within the ceiling.
std::optional<Field<double>> positive_number(yaml::MapReader& r, const std::string& key,
                                             yaml::Need need, const Ceiling& ceiling);

/// "a, b, c" for messages.
std::string joined(const std::vector<std::string>& words);

/// `key: <id>` naming an entry of the protocol's `sources:` (not checked when
/// `sources` is null): the id, or nullopt when it is absent or unknown (an
/// unknown id is reported with the ids the file lists).
std::optional<std::string> source_id(yaml::MapReader& r, const std::string& key, yaml::Need need,
                                     const std::vector<Source>* sources);

}  // namespace lb::protocol::detail
