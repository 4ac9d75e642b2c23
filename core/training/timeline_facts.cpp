#include "training/timeline_facts.hpp"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string_view>

#include "text/utf8.hpp"
#include "training/file_text.hpp"

namespace lb::training {

namespace {

using json = nlohmann::json;

/// A string member of `line`, or "" (with an error) when it is missing, empty or not a string.
std::string required_text(const json& line, const char* key, const diag::Location& where,
                          diag::Diagnostics& d) {
  const auto it = line.find(key);
  if (it == line.end() || !it->is_string() || it->get<std::string>().empty()) {
    d.error(where, key, "the start line needs a non-empty text");
    return {};
  }
  const std::string value = it->get<std::string>();
  if (const std::string problem = text::one_line_problem(value); !problem.empty()) {
    d.error(where, key, problem);
    return {};
  }
  return value;
}

void read_start(const json& line, const diag::Location& where, TimelineFacts& facts,
                diag::Diagnostics& d) {
  facts.scenario_id = required_text(line, "scenario", where, d);
  facts.scenario_version = required_text(line, "version", where, d);
  if (const auto sha = line.find("scenario_sha256"); sha != line.end()) {
    if (!sha->is_string() || !is_sha256_hex(sha->get<std::string>())) {
      d.error(where, "scenario_sha256", "expected 64 lower-case hex digits");
    } else {
      facts.scenario_sha256 = sha->get<std::string>();
    }
  }
  const auto seed = line.find("seed");
  // The seed is an unsigned 64-bit number: nlohmann keeps it exact as number_unsigned (a
  // non-negative integer that fits a signed one is number_unsigned too when it was parsed).
  if (seed == line.end() || !seed->is_number_unsigned()) {
    d.error(where, "seed", "the start line needs the run's seed (a whole number, 0 or more)");
  } else {
    facts.seed = std::to_string(seed->get<std::uint64_t>());
  }
}

/// Counts a line into the listing figures.
void count(const json& line, const std::string& kind, AttemptFigures& f) {
  const auto text_of = [&](const char* key) {
    const auto it = line.find(key);
    return it != line.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  if (kind == "action") {
    const std::string by = text_of("by");
    if (by == "trainee") ++f.trainee_actions;
    if (by == "instructor") ++f.instructor_acts;
  } else if (kind == "instructor") {
    ++f.instructor_acts;  // freeze, flag, inject, override, end: the instructor's own lines
  } else if (kind == "alarm" && text_of("to") == "active") {
    ++f.alarms;
  }
}

}  // namespace

std::optional<TimelineFacts> read_timeline_facts(const NamedText& timeline, diag::Diagnostics& d) {
  if (!check_file_text(timeline, d)) return std::nullopt;
  const std::size_t errors_before = d.count(diag::Severity::error);
  TimelineFacts facts;
  std::int64_t last_t = 0;
  bool ended = false;
  int number = 0;
  for (const std::string_view text : lines_of(timeline.text)) {
    ++number;
    json line;
    try {
      line = json::parse(text);
    } catch (const json::parse_error& e) {
      d.error(at(timeline, number, static_cast<int>(e.byte)), "",
              "not a JSON line (each line of a timeline is one JSON object)");
      // A first line that is not JSON: another kind of file, not a damaged timeline; one
      // message says so rather than one per line.
      if (number == 1) return std::nullopt;
      continue;
    }
    const auto where = at(timeline, number);
    if (!line.is_object()) {
      d.error(where, "", "expected a JSON object");
      continue;
    }
    const auto t = line.find("t");
    if (t == line.end() || !t->is_number_unsigned()) {
      d.error(where, "t", "expected the simulated time in whole seconds, 0 or more");
      continue;
    }
    const auto kind_it = line.find("kind");
    if (kind_it == line.end() || !kind_it->is_string()) {
      d.error(where, "kind", "expected the kind of the line (start, action, alarm, …, end)");
      continue;
    }
    const std::string kind = kind_it->get<std::string>();
    const auto seconds = static_cast<std::int64_t>(t->get<std::uint64_t>());
    if (seconds < last_t) {
      d.error(where, "t",
              std::to_string(seconds) + " s comes after " + std::to_string(last_t) +
                  " s: a timeline never goes back (a retry is a new attempt)");
    }
    last_t = std::max(last_t, seconds);
    if (ended) d.error(where, "kind", "a line after the `end` line");
    if ((number == 1) != (kind == "start")) {
      d.error(where, "kind",
              number == 1 ? "the first line must be the run's `start` line, not `" + kind + "`"
                          : "a second `start` line (one timeline is one run)");
    }
    if (kind == "start" && number == 1) read_start(line, where, facts, d);
    if (kind == "end") ended = true;
    count(line, kind, facts.figures);
  }
  if (d.count(diag::Severity::error) != errors_before) return std::nullopt;
  facts.figures.duration_s = last_t;
  facts.figures.complete = ended;
  return facts;
}

}  // namespace lb::training
