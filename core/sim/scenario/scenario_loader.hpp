// Reads scenario YAML (schema liverbridge.sim/1, docs/simulation-scenarios.md) into a
// Scenario with the discipline of the protocol loader: guarded YAML, unknown keys with a
// "did you mean", every number with its unit, every problem at file:line:col, all at once.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/scenario/vocabulary.hpp"

namespace lb::sim::scenario {

struct ScenarioLoad {
  std::optional<Scenario> scenario;  ///< set only when there are no errors
  std::string text;                  ///< the exact bytes read
  std::string file;
  diag::Diagnostics diagnostics;
};

/// Parses `text` (the content of `file`) against `vocabulary` (the engine's by default).
ScenarioLoad parse_scenario(std::string_view text, const std::string& file,
                            const Vocabulary& vocabulary = sim_vocabulary());
ScenarioLoad load_scenario_file(const std::string& path,
                                const Vocabulary& vocabulary = sim_vocabulary());

/// The patient of a scenario as patient-file text: the file it names (resolved against the
/// scenario's folder) or the inline block cut out of the scenario with its line numbers
/// kept, so that the patient loader's messages point into the scenario file.
struct PatientSource {
  std::string text;
  std::string file;      ///< the file the patient loader reports against
  int column_shift = 0;  ///< inline: the block's indentation, added to reported columns
};
std::optional<PatientSource> patient_source(const ScenarioLoad& load, diag::Diagnostics& out);

/// The protocol reference as resolve_protocol takes it: a path relative to the scenario's
/// folder when such a file exists, else the text as written (a bundled id).
std::string protocol_reference(const ScenarioLoad& load);

}  // namespace lb::sim::scenario
