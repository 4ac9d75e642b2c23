// Readers shared by the session sections (replacement, anticoagulation,
// separation): shares written as "1/3", "0.33" or "33 %", non-negative
// amounts (a fluid may contain none of a solute), source references, and
// keys that belong to another choice of the section.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "protocol/loader/fields.hpp"
#include "protocol/protocol.hpp"
#include "yaml/map_reader.hpp"

namespace lb::protocol::detail {

/// A share of a whole in [0, 1] written "1/3", "0.33" or "33 %".
std::optional<Field<double>> share(yaml::MapReader& r, const std::string& key, yaml::Need need);

/// A quantity of `dimension` that must be >= 0 (and finite: the parser rejects NaN).
std::optional<Field<double>> non_negative_si(yaml::MapReader& r, const std::string& key,
                                             units::Dimension dimension, bool allow_bare = false);

/// An error when `key` is present although it applies only when `choice_key`
/// is `applies_to` and the file chose `chosen`.
void reject_unless(yaml::MapReader& r, const std::string& key, const std::string& choice_key,
                   const std::string& chosen, const std::string& applies_to);

}  // namespace lb::protocol::detail
