#include <CLI/CLI.hpp>
#include <iostream>
#include <string_view>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/help_export.hpp"
#include "gui/gui.hpp"
#include "gui/records_state.hpp"
#include "plan/plan.hpp"
#include "version.hpp"

namespace lb::cli {

int run_command_line(int argc, char** argv) {
  CLI::App app{std::string("LiverBridge ") + kVersion +
               ": plasma-exchange planner for liver failure.\n" + plan::kDisclaimer};
  app.name("liverbridge");  // not argv[0]: help text is the same wherever the binary lives
  app.set_version_flag("--version", std::string("liverbridge ") + kVersion);
  app.require_subcommand(0, 1);

  PlanOptions plan;
  auto* plan_cmd = app.add_subcommand("plan", "Plan plasma exchange for a patient with a protocol");
  plan_cmd->add_option("--patient", plan.patient, "Patient YAML file")->required();
  plan_cmd->add_option("--protocol", plan.protocol, "Protocol YAML file or bundled protocol id")
      ->required();
  plan_cmd->add_option("--format", plan.format, "Output format (fhir: a FHIR R4 Bundle)")
      ->check(CLI::IsMember({"text", "json", "markdown", "fhir"}))
      ->capture_default_str();
  plan_cmd->add_option("--protocols-dir", plan.protocols_dir,
                       "Directory searched for protocol ids (default: bundled protocols)");
  plan_cmd->add_option("--override", plan.overrides,
                       "RULE_ID=\"reason\": proceed despite a relative eligibility rule, "
                       "recording why (repeatable)");
  plan_cmd->add_option("--start", plan.start,
                       "Course start, local wall time (e.g. 2026-11-25T08:00); without it the "
                       "course has day numbers only");
  plan_cmd->add_option("--ics", plan.ics,
                       "Write the course calendar as iCalendar to this file (needs --start)");

  ScoreOptions score;
  auto* score_cmd = app.add_subcommand(
      "score", "Compute every prognostic score the patient's data allow (no protocol needed)");
  score_cmd->add_option("--patient", score.patient, "Patient YAML file")->required();
  score_cmd->add_option("--format", score.format, "Output format")
      ->check(CLI::IsMember({"text", "json", "markdown"}))
      ->capture_default_str();

  CohortOptions cohort;
  auto* cohort_cmd = app.add_subcommand(
      "cohort", "Apply a protocol to a CSV of patients: verdicts, scores, volumes, summary");
  cohort_cmd->add_option("--protocol", cohort.protocol, "Protocol YAML file or bundled protocol id")
      ->required();
  cohort_cmd
      ->add_option("--patients", cohort.patients,
                   "Patients CSV, one per row, units in the header (docs/cohort.md); - for "
                   "stdin")
      ->required();
  cohort_cmd->add_option("--out", cohort.out, "Results CSV (default: stdout)");
  cohort_cmd->add_option("--threads", cohort.threads, "Worker threads")
      ->check(CLI::Range(1U, 64U))
      ->capture_default_str();
  cohort_cmd->add_option("--protocols-dir", cohort.protocols_dir,
                         "Directory searched for protocol ids (default: bundled protocols)");
  cohort_cmd->add_flag("--full-plan", cohort.full_plan,
                       "Make the whole plan for every row (slow; the same numbers)");

  ValidateOptions validate;
  auto* validate_cmd = app.add_subcommand(
      "validate", "Check patient and protocol files; exit 0 when all are valid, else 2");
  validate_cmd->add_option("files", validate.files, "Files to check")->required();
  validate_cmd->add_option("--kind", validate.kind, "File kind (default: detect from the keys)")
      ->check(CLI::IsMember({"auto", "patient", "protocol"}))
      ->capture_default_str();

  std::string protocols_dir;
  auto* protocols_cmd = app.add_subcommand("protocols", "List bundled protocols");
  protocols_cmd->add_option("--dir", protocols_dir, "Directory to list instead of the bundled one");

  // Session records and the other sub-commands: each registers itself
  // (ui/cli/{record,review,export,print,bridge,explain,import,sim}_command.cpp).
  const RegisteredCommand records_cmds[] = {add_record_command(app), add_review_command(app),
                                            add_export_command(app), add_print_command(app),
                                            add_bridge_command(app), add_explain_command(app),
                                            add_import_command(app), add_sim_command(app)};

  gui::GuiOptions window;  // no sub-command: the window opens
  auto* window_opts = app.add_option_group("Window", "Without a sub-command the window opens");
  window_opts->add_option("--patient", window.patient, "Patient YAML file to open");
  window_opts->add_option("--protocol", window.protocol, "Protocol file or bundled id to choose");
  window_opts->add_option("--screenshot", window.screenshot,
                          "Render the window, write it to this PNG file and exit");
  window_opts->add_option("--size", window.size, "Window size WxH in pixels (e.g. 1280x800)");
  window_opts
      ->add_option("--view", window.view,
                   "Screen to show: plan, schedule, scores (planner tabs), plan-approve (the "
                   "approve-and-store modal), records (course), records-session (session "
                   "entry), records-audit (audit trail), records-bridge (bridge view), "
                   "sim-library, sim-bedside, sim-instructor, sim-debrief (training simulation)")
      ->check(CLI::IsMember(gui::view_names()));
  window_opts->add_option("--scenario", window.scenario,
                          "Training scenario file or bundled id for the sim-* views");
  window_opts->add_option("--sim-time", window.sim_time,
                          "Run the scenario to this simulated time (seconds) before showing it");
  window_opts->add_option("--actions", window.actions,
                          "Action script to replay through the window up to --sim-time");
  window_opts->add_option("--bench-frames", window.bench_frames,
                          "Draw this many frames of the simulation at \u00d760 with every panel "
                          "open, print the mean and 95th-percentile frame time, and exit");
  window_opts->add_option("--db", window.db,
                          "Records database for the session-records screens (default: "
                          "$XDG_DATA_HOME/liverbridge/records.db)");

  // Build-time only, outside CLI11 so that --help stays as it is: the manual page and the
  // bash completion written from the definitions above (cmake/install.cmake).
  if (argc == 2 && std::string_view(argv[1]) == "--help-man") {
    write_man_page(app, std::cout);
    return kExitOk;
  }
  if (argc == 2 && std::string_view(argv[1]) == "--help-bash-completion") {
    write_bash_completion(app, std::cout);
    return kExitOk;
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);  // prints help/version to stdout, errors to stderr
    return code == 0 ? kExitOk : kExitBadInput;
  }

  if (*plan_cmd) return run_plan(plan, std::cout, std::cerr);
  if (*validate_cmd) return run_validate(validate, std::cout, std::cerr);
  if (*score_cmd) return run_score(score, std::cout, std::cerr);
  if (*cohort_cmd) return run_cohort(cohort, std::cout, std::cerr);
  if (*protocols_cmd) return run_protocols(protocols_dir, std::cout, std::cerr);
  for (const auto& records_cmd : records_cmds) {
    if (*records_cmd.command) return records_cmd.run(std::cout, std::cerr);
  }
  window.protocols_dir = protocols_directory("");
  return gui::run_gui(window);
}

}  // namespace lb::cli
