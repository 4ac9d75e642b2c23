// Where the program's own read-only data lives (bundled protocols, example patients, the
// clinical reference): next to the installed binary, or in the source tree for a build-tree
// binary. Resolved at run time from /proc/self/exe so that an installed, relocated or
// DESTDIR-staged copy finds its data without any path compiled into it.
#pragma once

#include <filesystem>
#include <string>

namespace lb::gui {

struct DataDirs {
  std::string protocols;       ///< bundled protocol YAML files
  std::string examples;        ///< example patients and cohorts
  std::string reference;       ///< docs/clinical-reference.md (read by `explain`)
  std::string rules;           ///< bundled rule sets (rules/bridge-rules.yaml, read by `bridge`)
  std::string scenarios = {};  ///< bundled training scenarios (`liverbridge sim`)
};

/// Where to look, fixed when the program is built (CMakeLists.txt).
struct DataLayout {
  /// A binary whose own directory is `build_dir` reads the data of `source_dir`
  /// (protocols/, examples/, docs/, rules/), so a fresh build runs without installing.
  std::string build_dir;
  std::string source_dir;
  /// The installed data relative to the installed binary's directory: with GNUInstallDirs'
  /// defaults "../share/liverbridge" (bin/ and share/ under one prefix, whatever the prefix).
  std::string data_from_bin;
};

/// The data for the binary at `exe`: the source tree when `exe` lives in `layout.build_dir`,
/// else `layout.data_from_bin` taken from the binary's directory. Pure: touches no file.
DataDirs resolve_data_dirs(const std::filesystem::path& exe, const DataLayout& layout);

/// The same for the running program (/proc/self/exe and the layout it was built with).
DataDirs program_data_dirs();

}  // namespace lb::gui
