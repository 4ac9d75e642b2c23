// Reads the bridge rule file (rules/bridge-rules.yaml; format docs/bridge-rules.md) with the
// discipline of the protocol loader: yaml::guarded_load, unknown keys with a "did you mean",
// units on every number, every problem a diagnostic at file:line:col, all collected.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "bridge/rule.hpp"
#include "diag/diagnostic.hpp"

namespace lb::bridge {

struct RuleSetLoad {
  std::optional<RuleSet> rules;  ///< empty when any error was found
  diag::Diagnostics diagnostics;
};

RuleSetLoad parse_rule_set(std::string_view text, const std::string& file);
RuleSetLoad load_rule_set(const std::string& path);

/// The bundled rule file inside the program's data directory ("<dir>/bridge-rules.yaml").
std::string bundled_rule_file(const std::string& rules_dir);

}  // namespace lb::bridge
