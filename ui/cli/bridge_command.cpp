// `liverbridge bridge --patient ID [--at TIME] [--format text|json|markdown]`: the bridge
// decision view of a recorded course (docs/bridge-rules.md). It reads the records and the
// bundled rule set, prints statuses of published rules, and writes nothing, except with
// `--seen --by NAME`, which adds one "seen" entry to the audit trail (no decision).
#include <CLI/CLI.hpp>
#include <memory>
#include <ostream>

#include "bridge/gather.hpp"
#include "bridge/render.hpp"
#include "bridge/rule_loader.hpp"
#include "bridge/view.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/print_diagnostics.hpp"
#include "gui/data_dirs.hpp"
#include "records/store.hpp"
#include "records/timestamp.hpp"

namespace lb::cli {

namespace {

struct BridgeOptions {
  std::string db, patient, at, rules, by, format = "text";
  bool seen = false;
};

int run_bridge(const BridgeOptions& o, std::ostream& out, std::ostream& err) {
  const std::string file =
      o.rules.empty() ? bridge::bundled_rule_file(gui::program_data_dirs().rules) : o.rules;
  const auto rules = bridge::load_rule_set(file);
  print_diagnostics(rules.diagnostics, err);
  if (!rules.rules) {
    err << "liverbridge: bridge: fix the rule file\n";
    return kExitBadInput;
  }
  records::Timestamp at = records::now_utc();
  if (!o.at.empty()) {
    const auto parsed = records::parse_timestamp(o.at);
    if (!parsed.value) {
      err << "liverbridge: bridge: --at " << o.at << ": " << parsed.error << "\n";
      return kExitBadInput;
    }
    at = *parsed.value;
  }
  if (o.seen && o.by.empty()) {
    err << "liverbridge: bridge: --seen needs --by NAME (who saw the view)\n";
    return kExitBadInput;
  }
  records::Store store(records_database(o.db));
  const auto gathered = bridge::gather_inputs(store, o.patient, at.epoch_seconds);
  print_diagnostics(gathered.diagnostics, err);
  const auto view = bridge::build_view(*rules.rules, gathered.inputs);
  if (o.format == "json") {
    out << bridge::view_json(view).dump(2) << "\n";
  } else if (o.format == "markdown") {
    out << bridge::render_markdown(view);
  } else {
    out << bridge::render_text(view);
  }
  if (o.seen) {
    // What was seen: the time the view describes and the rule text it was evaluated with.
    store.acknowledge(records::PatientId(o.patient),
                      "bridge view at " + at.utc + ", rules sha256 " + rules.rules->sha256, o.by);
    err << "liverbridge: bridge: seen by " << o.by << " (audit trail)\n";
  }
  return gathered.diagnostics.has_errors() ? kExitBadInput : kExitOk;
}

}  // namespace

RegisteredCommand add_bridge_command(CLI::App& app) {
  auto o = std::make_shared<BridgeOptions>();
  auto* cmd = app.add_subcommand(
      "bridge",
      "Bridge view of a recorded course: futility signals, listing criteria, course rules and "
      "the prediction check, as statuses of published rules (decides nothing)");
  cmd->add_option("--patient", o->patient, "Pseudonymous patient id")->required();
  cmd->add_option("--at", o->at,
                  "Re-assessment time, ISO 8601 with a zone (default: now), e.g. "
                  "2026-11-22T08:00Z");
  cmd->add_option("--format", o->format, "Output format")
      ->check(CLI::IsMember({"text", "json", "markdown"}))
      ->capture_default_str();
  cmd->add_option("--rules", o->rules, "Rule file (default: the bundled rules/bridge-rules.yaml)");
  cmd->add_flag("--seen", o->seen, "Record in the audit trail that the view was seen (needs --by)");
  cmd->add_option("--by", o->by, "Who saw the view (with --seen)");
  cmd->add_option("--db", o->db,
                  "Records database (default: $XDG_DATA_HOME/liverbridge/records.db)");
  return {cmd, [o](std::ostream& out, std::ostream& err) {
            return guarded_records_run("bridge", err, [&] { return run_bridge(*o, out, err); });
          }};
}

}  // namespace lb::cli
