// The manual page and the bash completion, written from the CLI11 definitions that also give
// `--help`, so the three cannot disagree. Run at build time through the build-time
// arguments `liverbridge --help-man` and `liverbridge --help-bash-completion`
// (cmake/install.cmake).
#pragma once

#include <iosfwd>

namespace CLI {
class App;
}  // namespace CLI

namespace lb::cli {

/// liverbridge(1) in man(7) roff: every sub-command (nested ones too) with every visible option.
void write_man_page(const CLI::App& app, std::ostream& out);

/// A bash completion script (no bash-completion helpers needed): sub-commands, options, the
/// choices of options limited to a set, and file names for the other options' values.
void write_bash_completion(const CLI::App& app, std::ostream& out);

}  // namespace lb::cli
