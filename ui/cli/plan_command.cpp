#include <optional>
#include <ostream>
#include <stdexcept>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/print_diagnostics.hpp"
#include "diag/diagnostic.hpp"
#include "fhir/bundle.hpp"
#include "fhir/sources.hpp"
#include "io/atomic_write.hpp"
#include "patient/patient_loader.hpp"
#include "plan/plan.hpp"
#include "plan/plan_sources.hpp"
#include "protocol/protocol_loader.hpp"
#include "records/timestamp.hpp"
#include "report/ics.hpp"
#include "report/plan_json.hpp"
#include "report/plan_text.hpp"
#include "text/utf8.hpp"

namespace lb::cli {

namespace {
/// A refused override named by the option that gave it.
std::string override_words(const eligibility::OverrideProblem& p) {
  if (p.kind == eligibility::OverrideProblem::Kind::no_reason) {
    return "--override " + p.rule_id.str() + ": give the reason, e.g. --override " +
           p.rule_id.str() + "=\"discussed with the consultant\"";
  }
  return "--override " + p.rule_id.str() + ": " + eligibility::describe(p);
}

/// The attempt's refusal on stderr, with the exit code it gives.
int report_refusal(const plan::PlanAttempt& attempt, std::ostream& err) {
  switch (attempt.refusal) {
    case plan::Refusal::patient_invalid:
    case plan::Refusal::protocol_invalid:
      err << "liverbridge: no plan: fix the errors above\n";
      return kExitBadInput;
    case plan::Refusal::internal_error:
      for (const auto& p : attempt.problems) err << "liverbridge: " << p << "\n";
      return kExitInternal;
    default:
      for (const auto& p : attempt.refused_overrides)
        err << "liverbridge: " << override_words(p) << "\n";
      for (const auto& p : attempt.problems) err << "liverbridge: " << p << "\n";
      return kExitBadInput;
  }
}
}  // namespace

int run_plan(const PlanOptions& options, std::ostream& out, std::ostream& err) {
  plan::PlanChoices choices;
  choices.course_start = options.start;
  bool bad_argument = false;
  for (const auto& text : options.overrides) {
    if (const std::string problem = text::one_line_problem(text); !problem.empty()) {
      err << "liverbridge: --override " << text::escaped(text) << ": " << problem << "\n";
      bad_argument = true;
    } else if (auto o = plan::parse_override_argument(text)) {
      choices.overrides.push_back(std::move(*o));
    } else {
      err << "liverbridge: --override " << text << ": expected RULE_ID=\"reason\"\n";
      bad_argument = true;
    }
  }
  if (!options.ics.empty() && options.start.empty()) {
    err << "liverbridge: --ics needs --start: the calendar needs dates\n";
    bad_argument = true;
  }
  if (bad_argument) return kExitBadInput;

  // Files are read by the loaders (their diagnostics name the file); the rest is the pipeline.
  const auto attempt =
      plan::plan_from_read(patient::load_patient_file(options.patient), options.patient,
                           plan::prepare_protocol(protocol::resolve_protocol(
                               options.protocol, protocols_directory(options.protocols_dir))),
                           choices);
  print_diagnostics(attempt.patient_diagnostics, err);
  print_diagnostics(attempt.protocol_diagnostics, err);
  if (attempt.refused()) return report_refusal(attempt, err);

  const plan::Plan& plan = *attempt.plan;
  if (options.format == "json") {
    out << report::render_json(plan);
  } else if (options.format == "markdown") {
    out << report::render_markdown(plan);
  } else if (options.format == "fhir") {
    out << fhir::render_bundle(fhir::sources_for_plan(plan, records::now_utc().utc));
  } else {
    out << report::render_text(plan);
  }
  if (!options.ics.empty()) {
    if (!plan.course) {
      err << "liverbridge: --ics: protocol " << plan.protocol.id
          << " has no schedule section; no calendar written\n";
      return kExitBadInput;
    }
    try {
      io::atomic_write(options.ics, report::render_ics(plan, report::ics_utc_stamp_now()));
    } catch (const std::exception& e) {
      err << "liverbridge: --ics " << options.ics << ": " << e.what() << "\n";
      return kExitBadInput;
    }
  }
  if (plan.status() == plan::Status::not_ready) {
    err << "liverbridge: the plan is NOT READY: see its errors\n";
    return kExitBadInput;
  }
  return kExitOk;
}

}  // namespace lb::cli
