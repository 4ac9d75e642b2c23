// Readers shared by the `schedule:` and `kinetics:` sections: lab values in
// the forms each solute takes, durations, whole-number lists and source ids.
// Internal to the protocol loader.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "protocol/course_settings.hpp"
#include "protocol/loader/fields.hpp"
#include "protocol/protocol.hpp"
#include "yaml/map_reader.hpp"

namespace lb::protocol::detail {

/// What a value for `s` must look like, for messages: "a concentration, e.g.
/// '5 mg/dL' or '85 µmol/L'".
std::string lab_value_expected(Solute s);

/// A lab value for `s` ("5 mg/dL", "1.5" for INR, "40 %" for factor V);
/// negative values are errors unless `allow_negative` (a trend), and so is 0 unless
/// `allow_zero`.
std::optional<Field<LabValue>> read_lab_value(yaml::MapReader& r, const std::string& key,
                                              yaml::Need need, Solute s, bool allow_zero,
                                              bool allow_negative = false);

/// A duration within [0 or >0, ceiling] (e.g. "12 h").
std::optional<Field<units::Duration>> read_duration(yaml::MapReader& r, const std::string& key,
                                                    yaml::Need need, bool allow_zero,
                                                    const Ceiling& ceiling);

/// A list of whole numbers within [lo, hi] ("[1, 2, 4]"); one problem per bad item.
std::optional<std::vector<int>> read_int_list(yaml::MapReader& r, const std::string& key,
                                              yaml::Need need, int lo, int hi);

/// Longest session duration, minimum gap, delays: 14 days is far beyond any
/// schedule the reference describes (APACHE's whole course is 17 days). A period
/// shorter than a minute is a unit slip (s for h).
inline constexpr Ceiling kCourseDurationCeiling{14.0 * 86400.0, "14 d",
                                                "check the number and its unit", 60.0, "1 min"};
/// The period of a generation rate ("rise 2 mg/dL per 24 h"): at least an hour, so
/// that the rate stays within what a lab can show.
inline constexpr Ceiling kGenerationPeriodCeiling{14.0 * 86400.0, "14 d",
                                                  "check the number and its unit", 3600.0, "1 h"};

}  // namespace lb::protocol::detail
