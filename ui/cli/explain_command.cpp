// `liverbridge explain ID`: the clinical-reference section behind a figure,
// score or rule id (or a section number), printed offline from
// docs/clinical-reference.md, so that a figure's "LiverBridge clinical
// reference §N" can be read without leaving the program.
#include <CLI/CLI.hpp>
#include <memory>
#include <ostream>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "explain/reference.hpp"
#include "gui/data_dirs.hpp"
#include "text/did_you_mean.hpp"

namespace lb::cli {

int run_explain(const std::string& id, std::ostream& out, std::ostream& err) {
  // The program's own copy, found beside the binary at run time (installed or build tree).
  const std::string path = explain::clinical_reference_path(gui::program_data_dirs().reference);
  const std::string doc = explain::read_clinical_reference(path);
  if (doc.empty()) {
    err << "liverbridge: cannot read the clinical reference at " << path
        << " (set LIVERBRIDGE_CLINICAL_REFERENCE to its path)\n";
    return kExitBadInput;
  }
  if (const auto section = explain::find_reference_section(doc, id)) {
    out << section->text << "\n";
    return kExitOk;
  }
  std::vector<std::string> known;
  for (const auto& s : explain::reference_sections(doc)) {
    known.insert(known.end(), s.ids.begin(), s.ids.end());
  }
  err << "liverbridge: explain: no section of the clinical reference explains '" << id << "'"
      << text::did_you_mean_suffix(id, known)
      << "; give a figure, score or rule id (e.g. citrate_rate, meld) or a section number\n";
  return kExitBadInput;
}

RegisteredCommand add_explain_command(CLI::App& app) {
  auto id = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand(
      "explain", "Print the clinical-reference section for a figure, score or rule id");
  cmd->add_option("id", *id, "Figure, score or rule id (e.g. citrate_rate, meld) or section")
      ->required();
  return {cmd, [id](std::ostream& out, std::ostream& err) { return run_explain(*id, out, err); }};
}

}  // namespace lb::cli
