#include "sim/scenario/scenario_loader.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "sim/scenario/sections.hpp"
#include "yaml/guarded_load.hpp"
#include "yaml/map_reader.hpp"

namespace lb::sim::scenario {

using yaml::MapReader;
using yaml::Need;

ScenarioLoad parse_scenario(std::string_view text, const std::string& file,
                            const Vocabulary& vocabulary) {
  ScenarioLoad load;
  load.text = std::string(text);
  load.file = file;
  const auto root = yaml::guarded_load(text, file, load.diagnostics);
  if (!root) return load;
  Scenario s;
  s.file = file;
  detail::Context c{vocabulary, load.diagnostics, s, {}, {}};
  MapReader top(*root, file, "", load.diagnostics);
  if (!top.valid()) {
    load.diagnostics.error({file, 1, 1}, "",
                           "a scenario file is a mapping of 'key: value' lines starting with "
                           "'schema: " +
                               std::string(kSchema) + "'");
    return load;
  }
  detail::read_header(top, c);
  detail::read_setup(top, c);
  detail::read_alarms(top, c);
  detail::read_labs(top, c);
  detail::read_events(top, c);
  detail::read_teaching(top, c);
  top.finish();
  detail::check_references(c);
  if (!load.diagnostics.has_errors()) load.scenario = std::move(s);
  return load;
}

ScenarioLoad load_scenario_file(const std::string& path, const Vocabulary& vocabulary) {
  diag::Diagnostics d;
  // guarded_load_file checks size and readability; read again as text for parse_scenario.
  if (!yaml::guarded_load_file(path, d)) {
    ScenarioLoad load;
    load.file = path;
    load.diagnostics = std::move(d);
    return load;
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return parse_scenario(text.str(), path, vocabulary);
}

namespace {

std::filesystem::path folder_of(const std::string& file) {
  return std::filesystem::path(file).parent_path();
}

/// The block mapping under top-level `patient:`, with every other line blank and the block's
/// indentation removed: line numbers stay those of the scenario file.
std::optional<PatientSource> inline_patient(const ScenarioLoad& load, diag::Diagnostics& out) {
  const auto root = yaml::guarded_load(load.text, load.file, out);
  if (!root) return std::nullopt;
  const YAML::Node p = (*root)["patient"];
  const int first = p.Mark().line;  // 0-based line of the block's first key
  const int indent = p.Mark().column;
  std::istringstream in(load.text);
  std::string line, text;
  int n = 0;
  bool inside = true;
  while (std::getline(in, line)) {
    if (n >= first && inside) {
      const auto content = line.find_first_not_of(' ');
      const bool blank = content == std::string::npos || line[content] == '#';
      if (!blank && static_cast<int>(content) < indent) inside = false;
      if (inside) {
        text += blank ? std::string() : line.substr(static_cast<std::size_t>(indent));
      }
    }
    text += '\n';
    ++n;
  }
  return PatientSource{text, load.file, indent};
}

}  // namespace

std::optional<PatientSource> patient_source(const ScenarioLoad& load, diag::Diagnostics& out) {
  if (!load.scenario) return std::nullopt;
  const Scenario& s = *load.scenario;
  if (!s.patient_inline.empty()) return inline_patient(load, out);
  std::filesystem::path p(s.patient_file);
  if (p.is_relative()) p = folder_of(load.file) / p;
  diag::Diagnostics read;
  if (!yaml::guarded_load_file(p.string(), read)) {
    for (const auto& d : read.items()) out.add(d);
    return std::nullopt;
  }
  std::ifstream in(p, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return PatientSource{text.str(), p.string(), 0};
}

std::string protocol_reference(const ScenarioLoad& load) {
  if (!load.scenario) return "";
  const std::string& ref = load.scenario->protocol;
  std::filesystem::path p(ref);
  if (p.is_relative()) p = folder_of(load.file) / p;
  std::error_code ec;
  if (std::filesystem::is_regular_file(p, ec)) return p.string();
  return ref;
}

}  // namespace lb::sim::scenario
