#include "training/debrief_facts.hpp"

#include <cstdint>
#include <nlohmann/json.hpp>

#include "text/utf8.hpp"
#include "training/file_text.hpp"

namespace lb::training {

namespace {

using json = nlohmann::json;

constexpr std::string_view kSchemaPrefix = "liverbridge.sim-debrief/";
// The version whose analysis keys (scores.composite, objectives[].status) this reader knows;
// a later schema is stored and its stage checked, its figures are not read.
constexpr std::string_view kFiguresSchema = "liverbridge.sim-debrief/1";

/// The stage's value of `key` as text when it is present ("" when absent or null).
std::string stage_text(const json& stage, const char* key) {
  const auto it = stage.find(key);
  if (it == stage.end() || it->is_null()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_unsigned()) return std::to_string(it->get<std::uint64_t>());
  return it->dump();
}

void check_stage(const json& stage, const RunIdentity& run, const diag::Location& where,
                 diag::Diagnostics& d) {
  const struct {
    const char* key;
    const std::string& expected;
    const char* what;
  } checks[] = {
      {"scenario", run.scenario_id, "scenario"},
      {"version", run.scenario_version, "scenario version"},
      {"seed", run.seed, "seed"},
      {"scenario_sha256", run.scenario_sha256, "scenario SHA-256"},
      {"timeline_sha256", run.timeline_sha256, "timeline SHA-256"},
  };
  for (const auto& c : checks) {
    const std::string value = stage_text(stage, c.key);
    if (!value.empty() && value != c.expected) {
      d.error(where, std::string("stage.") + c.key,
              std::string("the debrief is of another run: ") + c.what + " " + text::escaped(value) +
                  ", the attempt's is " + c.expected);
    }
  }
}

void read_figures(const json& root, DebriefFacts& facts) {
  const auto analysis = root.find("analysis");
  if (analysis == root.end() || !analysis->is_object()) return;
  const auto scores = analysis->find("scores");
  if (scores != analysis->end() && scores->is_object()) {
    const auto composite = scores->find("composite");
    if (composite != scores->end() && composite->is_number()) {
      facts.composite_score = composite->get<double>();
    }
  }
  const auto objectives = analysis->find("objectives");
  if (objectives != analysis->end() && objectives->is_array()) {
    int met = 0;
    for (const auto& o : *objectives) {
      if (o.is_object() && o.value("status", std::string()) == "met") ++met;
    }
    facts.objectives_met = met;
    facts.objectives_total = static_cast<int>(objectives->size());
  }
}

}  // namespace

std::optional<DebriefFacts> read_debrief_facts(const NamedText& debrief, const RunIdentity& run,
                                               diag::Diagnostics& d) {
  if (!check_file_text(debrief, d, false)) return std::nullopt;
  json root;
  try {
    root = json::parse(debrief.text);
  } catch (const json::parse_error& e) {
    const auto lc = text::line_column(debrief.text, e.byte > 0 ? e.byte - 1 : 0);
    d.error(at(debrief, lc.line, lc.column), "", "not JSON");
    return std::nullopt;
  }
  const auto where = at(debrief, 1);
  const auto schema = root.is_object() ? root.find("schema") : root.end();
  if (!root.is_object() || schema == root.end() || !schema->is_string() ||
      schema->get<std::string>().rfind(kSchemaPrefix, 0) != 0) {
    d.error(where, "schema",
            "not a LiverBridge debrief (expected an object with \"schema\": \"" +
                std::string(kFiguresSchema) + "\")");
    return std::nullopt;
  }
  const std::size_t errors_before = d.count(diag::Severity::error);
  DebriefFacts facts;
  const auto stage = root.find("stage");
  if (stage != root.end() && stage->is_object()) {
    check_stage(*stage, run, where, d);
    facts.program_version = stage_text(*stage, "program_version");
  }
  const auto reactions = root.find("reactions");
  if (reactions != root.end() && reactions->is_object()) {
    const auto rating = reactions->find("self_rating");
    if (rating != reactions->end() && !rating->is_null()) {
      if (!rating->is_number_integer() || rating->get<std::int64_t>() < 1 ||
          rating->get<std::int64_t>() > 5) {
        d.error(where, "reactions.self_rating", "expected a whole number from 1 to 5, or null");
      } else {
        facts.self_rating = rating->get<int>();
      }
    }
  }
  if (schema->get<std::string>() == kFiguresSchema) read_figures(root, facts);
  if (d.count(diag::Severity::error) != errors_before) return std::nullopt;
  return facts;
}

}  // namespace lb::training
