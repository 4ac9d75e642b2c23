#include <ostream>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/print_diagnostics.hpp"
#include "diag/diagnostic.hpp"
#include "patient/patient_loader.hpp"
#include "report/scores_report.hpp"
#include "scores/score_set.hpp"

namespace lb::cli {

int run_score(const ScoreOptions& options, std::ostream& out, std::ostream& err) {
  const auto patient = patient::load_patient_file(options.patient);
  print_diagnostics(patient.diagnostics, err);
  if (!patient.patient) {
    err << "liverbridge: no scores: fix the errors above\n";
    return kExitBadInput;
  }
  // Without a protocol the reference's defaults apply (LiverBridge clinical reference, bold).
  const scores::ScoreSettings settings;
  const auto set = scores::compute_scores(*patient.patient, settings);
  if (options.format == "json") {
    out << report::render_scores_json(*patient.patient, options.patient, set, settings);
  } else if (options.format == "markdown") {
    out << report::render_scores_markdown(*patient.patient, options.patient, set);
  } else {
    out << report::render_scores_text(*patient.patient, options.patient, set);
  }
  return kExitOk;
}

}  // namespace lb::cli
