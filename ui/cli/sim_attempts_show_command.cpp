// `liverbridge sim attempts show ID [--part summary|timeline|trace|debrief] [--db FILE]`: one
// stored attempt: what it is (scenario, seed, versions, hashes, people, figures), or one of its
// stored texts as saved, to replay or debrief it again.
#include <CLI/CLI.hpp>
#include <memory>
#include <ostream>

#include "cli/exit_codes.hpp"
#include "cli/sim_attempts_commands.hpp"
#include "io/sha256.hpp"
#include "text/format.hpp"
#include "text/utf8.hpp"
#include "training/attempt_store.hpp"

namespace lb::cli {

namespace {

struct ShowOptions {
  std::string db, part = "summary";
  std::int64_t id = 0;
};

void print_summary(const training::AttemptRecord& r, std::ostream& out) {
  const auto& a = r.summary;
  const auto& f = a.figures;
  const auto e = [](const std::string& s) { return text::escaped(s); };
  // The stored hash is checked against the stored text every time it is shown: an edit of
  // the file outside LiverBridge shows here.
  const bool intact = io::sha256_hex(r.timeline_jsonl) == a.timeline_sha256;
  out << "Attempt " << a.id.str() << "\n"
      << "  Scenario:        " << e(a.scenario_id) << " version " << e(a.scenario_version) << "\n"
      << "  Scenario SHA-256 " << e(a.scenario_sha256) << "\n"
      << "  Seed:            " << a.seed << "\n"
      << "  LiverBridge:     " << e(a.program_version) << "\n"
      << "  Timeline SHA-256 " << e(a.timeline_sha256)
      << (intact ? " (matches the stored timeline)" : " (DOES NOT MATCH the stored timeline)")
      << "\n"
      << "  Simulated:       " << simulated_duration(f.duration_s)
      << (f.complete ? " (to the end)" : " (not finished)") << "\n"
      << "  Trainees:        " << trainee_list(a) << "\n"
      << "  Instructor:      " << (a.instructor.empty() ? "none" : e(a.instructor)) << "\n"
      << "  Self-rating:     "
      << (a.self_rating ? std::to_string(*a.self_rating) + " of 5" : std::string("not given"))
      << "\n"
      << "  Actions:         " << f.trainee_actions << " by the trainee, " << f.instructor_acts
      << " by the instructor (not scored)\n"
      << "  Alarms:          " << f.alarms << "\n";
  if (f.objectives_total) {
    out << "  Objectives met:  " << f.objectives_met.value_or(0) << " of " << *f.objectives_total
        << "\n";
  }
  if (f.composite_score) out << "  Score:           " << text::fixed(*f.composite_score, 1) << "\n";
  if (a.parent) {
    out << "  Retry of:        attempt " << a.parent->str() << " from "
        << simulated_duration(*a.branch_at_s) << "\n";
  }
  out << "  Started:         " << (a.started_at.empty() ? "not given" : e(a.started_at)) << "\n"
      << "  Ended:           " << (a.ended_at.empty() ? "not given" : e(a.ended_at)) << "\n"
      << "  Saved:           " << e(a.saved_at) << " by " << e(a.saved_by) << "\n"
      << "  Stored texts:    timeline" << (a.has_trace ? ", trace" : "")
      << (a.has_debrief ? ", debrief" : "") << "\n";
}

int run_show(const ShowOptions& o, std::ostream& out, std::ostream& err) {
  training::SqliteAttemptStore store(records_database(o.db));
  const auto r = store.attempt(training::AttemptId(o.id));
  if (!r) {
    err << "liverbridge: sim attempts show: no stored attempt " << o.id
        << " (liverbridge sim attempts list shows them)\n";
    return kExitBadInput;
  }
  if (o.part == "summary") {
    print_attempts_banner(out);
    print_summary(*r, out);
    return kExitOk;
  }
  const std::optional<std::string> text = o.part == "timeline" ? r->timeline_jsonl
                                          : o.part == "trace"  ? r->trace_csv
                                                               : r->debrief_json;
  if (!text) {
    err << "liverbridge: sim attempts show: attempt " << o.id << " was saved without a " << o.part
        << "\n";
    return kExitBadInput;
  }
  // Checked when saved; escaped all the same, since the file may have been edited since.
  out << text::escaped(*text, true);
  return kExitOk;
}

}  // namespace

RegisteredCommand add_sim_attempts_show_command(CLI::App& attempts) {
  auto o = std::make_shared<ShowOptions>();
  auto* cmd = attempts.add_subcommand("show", "Show one stored training attempt");
  cmd->add_option("id", o->id, "Attempt number (from list)")->required();
  cmd->add_option("--part", o->part, "What to print: the summary or a stored text as saved")
      ->check(CLI::IsMember({"summary", "timeline", "trace", "debrief"}))
      ->capture_default_str();
  cmd->add_option("--db", o->db,
                  "Records database (default: $XDG_DATA_HOME/liverbridge/records.db)");
  return {cmd, [o](std::ostream& out, std::ostream& err) {
            return guarded_records_run("sim attempts show", err,
                                       [&] { return run_show(*o, out, err); });
          }};
}

}  // namespace lb::cli
