// `liverbridge sim debrief TIMELINE.jsonl [--format text|json|html] [--out FILE] [--self-rating N]
// [--trace FILE]`: the debrief of a recorded run (docs/simulation-debrief.md). The timeline's
// start line names the scenario, its version and the seed; the run is replayed with the
// recorded actions for the physiology, and refused when the replay differs from the file.
#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <ostream>
#include <system_error>

#include "cli/exit_codes.hpp"
#include "cli/sim_commands.hpp"
#include "cli/sim_common.hpp"
#include "io/atomic_write.hpp"
#include "io/sha256.hpp"
#include "sim/debrief/debrief.hpp"
#include "sim/debrief/debrief_json.hpp"
#include "sim/debrief/debrief_text.hpp"
#include "simprint/debrief_html.hpp"

namespace lb::cli {

namespace {

struct SimDebriefOptions {
  std::string timeline, format = "text", out, trace, scenario, scenarios_dir, protocols_dir;
  std::optional<int> self_rating;
};

int run_sim_debrief(const SimDebriefOptions& o, std::ostream& out, std::ostream& err) {
  std::string text;
  try {
    text = io::read_file(o.timeline);
  } catch (const std::exception& e) {
    err << "liverbridge: sim debrief: cannot read " << o.timeline << ": " << e.what() << "\n";
    return kExitBadInput;
  }
  const auto timeline = sim::debrief::parse_timeline(text, o.timeline);
  print_diagnostics(timeline.diagnostics, err);
  if (!timeline.timeline) return kExitBadInput;
  const auto& t = *timeline.timeline;
  const std::string ref = o.scenario.empty() ? t.start.scenario : o.scenario;
  const std::string file = resolve_scenario(ref, scenarios_directory(o.scenarios_dir));
  if (file.empty()) {
    err << "liverbridge: sim debrief: the timeline's scenario '" << ref
        << "' is neither a file nor a bundled scenario (give it with --scenario)\n";
    return kExitBadInput;
  }
  const auto load = sim::scenario::load_scenario_file(file);
  const auto prep = sim::run::prepare(load, protocols_directory(o.protocols_dir));
  print_diagnostics(prep.diagnostics, err);
  if (!prep.prepared) return kExitBadInput;
  const auto replay = sim::debrief::replay_timeline(*prep.prepared, t);
  print_diagnostics(replay.diagnostics, err);
  if (!replay.replay) return kExitBadInput;
  const auto debrief = sim::debrief::build_debrief(
      {*prep.prepared, t, *replay.replay, io::sha256_hex(load.text), o.self_rating});
  const std::string body = o.format == "json"   ? sim::debrief::debrief_json(debrief)
                           : o.format == "html" ? simprint::render_debrief_html(debrief)
                                                : sim::debrief::debrief_text(debrief);
  try {
    if (!o.trace.empty()) io::atomic_write(o.trace, replay.replay->trace);
    if (o.out.empty()) {
      out << body;
    } else {
      io::atomic_write(o.out, body);
      out << "Training simulation - not for clinical decision making.\nDebrief written to " << o.out
          << "\n";
    }
  } catch (const std::system_error& e) {
    err << "liverbridge: sim debrief: cannot write: " << e.what() << "\n";
    return kExitBadInput;
  }
  return kExitOk;
}

}  // namespace

RegisteredCommand add_sim_debrief_command(CLI::App& sim) {
  auto o = std::make_shared<SimDebriefOptions>();
  auto* cmd = sim.add_subcommand(
      "debrief",
      "Debrief a recorded run (replayed from its timeline): objectives, critical actions, "
      "deviations, harm, alarms, narrative");
  cmd->add_option("timeline", o->timeline, "Timeline of the run (JSON Lines, from sim run)")
      ->required();
  cmd->add_option("--format", o->format,
                  "Output format: text, json (docs/simulation-debrief.md) or html (a printable "
                  "page)")
      ->check(CLI::IsMember({"text", "json", "html"}))
      ->default_str("text");
  cmd->add_option("--out", o->out, "Write the debrief to this file instead of standard output");
  cmd->add_option("--self-rating", o->self_rating,
                  "The trainee's self-rating, 1 (went badly) to 5 (went well), given before "
                  "the scores are shown")
      ->check(CLI::Range(1, 5));
  cmd->add_option("--trace", o->trace, "Also write the replay's trace (CSV of the observables)");
  cmd->add_option("--scenario", o->scenario,
                  "Scenario file or id (default: the one the timeline names)");
  cmd->add_option("--scenarios-dir", o->scenarios_dir, "Directory searched for scenario ids");
  cmd->add_option("--protocols-dir", o->protocols_dir, "Directory searched for protocol ids");
  return {cmd, [o](std::ostream& out, std::ostream& err) { return run_sim_debrief(*o, out, err); }};
}

}  // namespace lb::cli
