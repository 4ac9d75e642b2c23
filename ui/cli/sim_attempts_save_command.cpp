// `liverbridge sim attempts save TIMELINE.jsonl --by NAME [--scenario FILE|ID] [--trace CSV]
// [--debrief JSON] [--trainee LABEL]... [--instructor NAME] [--self-rating 1-5]
// [--parent ID --branch-at SECONDS] [--started TIME] [--ended TIME] [--timeline-sha256 HEX]
// [--db FILE]`: stores one attempt. The scenario hash is the start line's (the text that was
// run); for an older timeline without it, or with --scenario, the scenario file (found from
// the start line's id, or --scenario) must be the same id and version and its bytes are
// hashed (and must agree with the start line's when both exist).
#include <CLI/CLI.hpp>
#include <memory>
#include <ostream>
#include <system_error>

#include "cli/exit_codes.hpp"
#include "cli/sim_attempts_commands.hpp"
#include "cli/sim_common.hpp"
#include "io/atomic_write.hpp"
#include "io/sha256.hpp"
#include "records/timestamp.hpp"
#include "training/attempt_check.hpp"
#include "training/attempt_store.hpp"
#include "training/timeline_facts.hpp"

namespace lb::cli {

namespace {

struct SaveOptions {
  std::string timeline, scenario, scenarios_dir, trace, debrief, instructor, started, ended;
  std::string timeline_sha256, by, db;
  std::vector<std::string> trainees;
  int self_rating = 0;  ///< 0: not given (CLI::Range keeps a given one in 1..5)
  std::int64_t parent = 0, branch_at_s = 0;
  bool has_parent = false, has_branch_at = false;
};

/// A file's text under its name; nullopt after saying why.
std::optional<training::NamedText> read_named(const std::string& path, std::ostream& err) {
  try {
    return training::NamedText{path, io::read_file(path)};
  } catch (const std::system_error& e) {
    err << "liverbridge: sim attempts save: cannot read " << path << ": " << e.what() << "\n";
    return std::nullopt;
  }
}

/// The scenario file's bytes' SHA-256, after checking that it is the timeline's scenario
/// (same id and version); "" after saying why not.
std::string scenario_hash(const SaveOptions& o, const training::TimelineFacts& facts,
                          std::ostream& err) {
  const std::string ref = o.scenario.empty() ? facts.scenario_id : o.scenario;
  const std::string file = resolve_scenario(ref, scenarios_directory(o.scenarios_dir));
  if (file.empty()) {
    err << "liverbridge: sim attempts save: no scenario file or bundled scenario id '" << ref
        << "': name the scenario file the run was made from with --scenario FILE\n";
    return "";
  }
  const auto load = sim::scenario::load_scenario_file(file);
  print_diagnostics(load.diagnostics, err);
  if (!load.scenario) return "";
  if (load.scenario->id != facts.scenario_id || load.scenario->version != facts.scenario_version) {
    err << file << ": error: scenario: this is '" << load.scenario->id << "' version "
        << load.scenario->version << "; the timeline is a run of '" << facts.scenario_id
        << "' version " << facts.scenario_version << "\n";
    return "";
  }
  return io::sha256_hex(load.text);
}

std::optional<records::Timestamp> time_option(const std::string& value, const char* name, bool& ok,
                                              std::ostream& err) {
  if (value.empty()) return std::nullopt;
  const auto t = records::parse_timestamp(value);
  if (!t.value) {
    err << "liverbridge: sim attempts save: " << name << ": " << t.error << "\n";
    ok = false;
  }
  return t.value;
}

int run_save(const SaveOptions& o, std::ostream& out, std::ostream& err) {
  const auto timeline = read_named(o.timeline, err);
  if (!timeline) return kExitBadInput;
  training::AttemptInput in;
  in.timeline = *timeline;
  diag::Diagnostics d;
  const auto facts = training::read_timeline_facts(in.timeline, d);
  print_diagnostics(d, err);
  if (!facts) {
    err << "liverbridge: sim attempts save: nothing written: fix the timeline\n";
    return kExitBadInput;
  }
  // The start line names the scenario text that was run; the file on disk is hashed only for
  // a timeline from before it did, or when --scenario names one to check against.
  if (facts->scenario_sha256.empty() || !o.scenario.empty()) {
    in.scenario_sha256 = scenario_hash(o, *facts, err);
    if (in.scenario_sha256.empty()) return kExitBadInput;
  }
  if (!o.trace.empty() && !(in.trace = read_named(o.trace, err))) return kExitBadInput;
  if (!o.debrief.empty() && !(in.debrief = read_named(o.debrief, err))) return kExitBadInput;
  bool ok = true;
  in.started = time_option(o.started, "--started", ok, err);
  in.ended = time_option(o.ended, "--ended", ok, err);
  if (!ok) return kExitBadInput;
  in.timeline_sha256 = o.timeline_sha256;
  in.trainees = o.trainees;
  in.instructor = o.instructor;
  if (o.self_rating != 0) in.self_rating = o.self_rating;
  if (o.has_parent) in.parent = training::AttemptId(o.parent);
  if (o.has_branch_at) in.branch_at_s = o.branch_at_s;
  in.saved_by = o.by;
  return guarded_records_run("sim attempts save", err, [&] {
    try {
      training::SqliteAttemptStore store(records_database(o.db));
      const auto id = store.save(in);
      const auto saved = store.attempt(id);
      print_attempts_banner(out);
      out << "attempt " << id.str() << " saved: " << saved->summary.scenario_id << " version "
          << saved->summary.scenario_version << ", seed " << saved->summary.seed << "\n"
          << "  scenario sha256 " << saved->summary.scenario_sha256 << "\n"
          << "  timeline sha256 " << saved->summary.timeline_sha256 << "\n";
      return kExitOk;
    } catch (const training::AttemptRefused& e) {
      print_diagnostics(e.diagnostics(), err);
      err << "liverbridge: sim attempts save: nothing written\n";
      return kExitBadInput;
    }
  });
}

}  // namespace

RegisteredCommand add_sim_attempts_save_command(CLI::App& attempts) {
  auto o = std::make_shared<SaveOptions>();
  auto* cmd = attempts.add_subcommand(
      "save", "Store a run's timeline (with its trace and debrief) as a training attempt");
  cmd->add_option("timeline", o->timeline, "Timeline of the run (JSON Lines)")->required();
  cmd->add_option("--by", o->by, "Who saves the attempt")->required();
  cmd->add_option("--scenario", o->scenario,
                  "Scenario file or bundled id the run was made from (default: the timeline's)");
  cmd->add_option("--scenarios-dir", o->scenarios_dir, "Directory searched for scenario ids");
  cmd->add_option("--trace", o->trace, "Trace of the run (CSV)");
  cmd->add_option("--debrief", o->debrief, "Debrief of the run (JSON)");
  cmd->add_option("--trainee", o->trainees, "Trainee label, a pseudonym (repeat for two)");
  cmd->add_option("--instructor", o->instructor, "Instructor");
  cmd->add_option("--self-rating", o->self_rating,
                  "Trainee's self-rating before the scores: 1 (went badly) to 5 (went well)")
      ->check(CLI::Range(1, 5));
  cmd->add_option("--parent", o->parent, "Attempt this retry branched from (with --branch-at)");
  cmd->add_option("--branch-at", o->branch_at_s,
                  "Simulated second of the snapshot the retry restarted at");
  cmd->add_option("--started", o->started, "When the attempt started (ISO 8601 with zone)");
  cmd->add_option("--ended", o->ended, "When the attempt ended (ISO 8601 with zone)");
  cmd->add_option("--timeline-sha256", o->timeline_sha256,
                  "Expected SHA-256 of the timeline file (refused when it differs)");
  cmd->add_option("--db", o->db,
                  "Records database (default: $XDG_DATA_HOME/liverbridge/records.db)");
  return {cmd, [o, cmd](std::ostream& out, std::ostream& err) {
            o->has_parent = cmd->count("--parent") > 0;
            o->has_branch_at = cmd->count("--branch-at") > 0;
            return run_save(*o, out, err);
          }};
}

}  // namespace lb::cli
