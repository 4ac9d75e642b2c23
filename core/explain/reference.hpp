// The project's clinical reference (docs/clinical-reference.md) read as data:
// its numbered sections, the figure/score/rule ids each one explains, and the
// worked-example checks the provenance tests evaluate. Front ends use it to
// show the paragraph behind a figure (`liverbridge explain ID`, the window's
// Reference button) without leaving the program.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lb::explain {

struct ReferenceSection {
  std::string number;            ///< "5" or "5.3"
  std::string title;             ///< "Citrate, calcium and heparin"
  std::vector<std::string> ids;  ///< figure/score/rule ids (top-level sections only)
  std::string text;              ///< Markdown, heading included, HTML comments removed
};

/// Every numbered section ("## N." and "### N.M") in document order.
std::vector<ReferenceSection> reference_sections(std::string_view markdown);

/// The section for an id ("citrate_rate", "meld"), a number ("5", "§5.3") or
/// empty. A number names a section or subsection; an id names the top-level
/// section that lists it.
std::optional<ReferenceSection> find_reference_section(std::string_view markdown,
                                                       std::string_view id_or_number);

/// Where the reference is read from: $LIVERBRIDGE_CLINICAL_REFERENCE, else
/// `program_copy`, the program's own copy as the front end finds it at run time
/// (gui::program_data_dirs().reference: share/liverbridge/ beside an installed
/// binary, docs/ of the source tree for a build-tree binary). No path is compiled
/// into the library, so an installed or relocated program reads its installed copy.
std::string clinical_reference_path(const std::string& program_copy);

/// The text of the reference at `path`, or empty when the file cannot be read.
std::string read_clinical_reference(const std::string& path);

}  // namespace lb::explain
