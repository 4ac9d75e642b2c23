#include <optional>
#include <ostream>
#include <stdexcept>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "diag/diagnostic.hpp"
#include "io/atomic_write.hpp"
#include "io/sha256.hpp"
#include "patient/patient_loader.hpp"
#include "plan/build_plan.hpp"
#include "plan/plan.hpp"
#include "protocol/protocol_loader.hpp"
#include "report/ics.hpp"
#include "report/plan_json.hpp"
#include "report/plan_text.hpp"
#include "schedule/calendar.hpp"
#include "text/utf8.hpp"

namespace lb::cli {

namespace {
void print_diagnostics(const diag::Diagnostics& d, std::ostream& err) {
  for (const auto& item : d.sorted()) err << diag::format(item) << "\n";
}

/// "RULE_ID=reason" -> (id, reason); nullopt when there is no '='.
std::optional<std::pair<std::string, std::string>> split_override(const std::string& text) {
  const auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0) return std::nullopt;
  return std::make_pair(text.substr(0, eq), text.substr(eq + 1));
}
}  // namespace

int run_plan(const PlanOptions& options, std::ostream& out, std::ostream& err) {
  const auto patient = patient::load_patient_file(options.patient);
  const auto protocol =
      protocol::resolve_protocol(options.protocol, protocols_directory(options.protocols_dir));
  print_diagnostics(patient.diagnostics, err);
  print_diagnostics(protocol.diagnostics, err);
  if (!patient.patient || !protocol.protocol) {
    err << "liverbridge: no plan: fix the errors above\n";
    return kExitBadInput;
  }

  eligibility::Overrides overrides;
  bool bad_override = false;
  for (const auto& text : options.overrides) {
    if (const std::string problem = text::one_line_problem(text); !problem.empty()) {
      err << "liverbridge: --override " << text::escaped(text) << ": " << problem << "\n";
      bad_override = true;
    } else if (auto o = split_override(text)) {
      overrides.push_back(std::move(*o));
    } else {
      err << "liverbridge: --override " << text << ": expected RULE_ID=\"reason\"\n";
      bad_override = true;
    }
  }
  for (const auto& problem :
       eligibility::check_overrides(protocol.protocol->eligibility, overrides)) {
    err << "liverbridge: " << problem << "\n";
    bad_override = true;
  }
  if (bad_override) return kExitBadInput;

  std::optional<schedule::LocalTime> start;
  if (!options.start.empty()) {
    auto parsed = schedule::parse_local_time(options.start);
    if (!parsed.value) {
      err << "liverbridge: --start " << parsed.error << "\n";
      return kExitBadInput;
    }
    start = parsed.value;
  }
  if (!options.ics.empty() && !start) {
    err << "liverbridge: --ics needs --start: the calendar needs dates\n";
    return kExitBadInput;
  }

  std::optional<plan::Plan> computed;
  try {
    plan::PlanRequest request{*patient.patient,
                              options.patient,
                              *protocol.protocol,
                              protocol.file,
                              io::sha256_hex(protocol.text),
                              overrides};
    request.start = start;
    computed = plan::build_plan(request);
  } catch (const std::invalid_argument& e) {
    err << "liverbridge: cannot plan this patient with this protocol: " << e.what() << "\n";
    return kExitBadInput;
  } catch (const std::domain_error& e) {
    err << "liverbridge: cannot plan this patient with this protocol: " << e.what() << "\n";
    return kExitBadInput;
  }
  const plan::Plan& plan = *computed;
  if (options.format == "json") {
    out << report::render_json(plan);
  } else if (options.format == "markdown") {
    out << report::render_markdown(plan);
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
