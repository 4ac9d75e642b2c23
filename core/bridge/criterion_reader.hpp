// Reads one rule's `criteria:` tree (a comparison, or all/any/at_least of comparisons) and
// a prediction rule's `band:`. Part of the rule loader (bridge/rule_loader.cpp).
#pragma once

#include <optional>

#include "bridge/rule.hpp"
#include "yaml/map_reader.hpp"

namespace lb::bridge::detail {

std::optional<Criterion> read_criterion(const YAML::Node& node, const std::string& file,
                                        const std::string& path, diag::Diagnostics& diags,
                                        int depth);
std::optional<Band> read_band(yaml::MapReader& band);
Window read_window(yaml::MapReader& parent, const std::string& key);

}  // namespace lb::bridge::detail
