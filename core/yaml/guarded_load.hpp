// Loads untrusted YAML (patient and protocol files) safely. A streaming
// pre-pass rejects, before any node tree is built: files over the size limit,
// nesting deeper than the depth limit, too many nodes, anchors and aliases
// ("billion laughs"), more than one document, non-text keys and duplicate keys
// (yaml-cpp 0.7 silently keeps the first of two equal keys).
#pragma once

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "diag/diagnostic.hpp"

namespace lb::yaml {

struct Limits {
  std::size_t max_bytes = std::size_t{1024} * 1024;
  int max_depth = 32;
  std::size_t max_nodes = 100000;
};

/// Parses `text` (the content of `file`). On any problem, adds error
/// diagnostics and returns nullopt; never throws for bad input.
std::optional<YAML::Node> guarded_load(std::string_view text, const std::string& file,
                                       diag::Diagnostics& out, const Limits& limits = {});

/// Reads the file and calls guarded_load. A missing or unreadable file is an
/// error diagnostic, as is a file larger than the limit (checked before reading).
std::optional<YAML::Node> guarded_load_file(const std::string& path, diag::Diagnostics& out,
                                            const Limits& limits = {});

/// Converts a yaml-cpp mark (0-based) to a 1-based location in `file`.
diag::Location location_of(const YAML::Mark& mark, const std::string& file);

}  // namespace lb::yaml
