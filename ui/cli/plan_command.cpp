#include <ostream>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "diag/diagnostic.hpp"
#include "io/sha256.hpp"
#include "patient/patient_loader.hpp"
#include "plan/plan.hpp"
#include "protocol/protocol_loader.hpp"
#include "report/plan_json.hpp"
#include "report/plan_text.hpp"

namespace lb::cli {

namespace {
void print_diagnostics(const diag::Diagnostics& d, std::ostream& err) {
  for (const auto& item : d.sorted()) err << diag::format(item) << "\n";
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

  const auto plan = plan::make_plan(*patient.patient, options.patient, *protocol.protocol,
                                    protocol.file, io::sha256_hex(protocol.text));
  if (options.format == "json") {
    out << report::render_json(plan);
  } else if (options.format == "markdown") {
    out << report::render_markdown(plan);
  } else {
    out << report::render_text(plan);
  }
  if (plan.status() == plan::Status::not_ready) {
    err << "liverbridge: the plan is NOT READY: see its errors\n";
    return kExitBadInput;
  }
  return kExitOk;
}

}  // namespace lb::cli
