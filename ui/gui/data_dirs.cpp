#include "gui/data_dirs.hpp"

#include <system_error>

namespace lb::gui {

namespace fs = std::filesystem;

namespace {

// Both sides made absolute and without "." / ".." so that /a/build/./liverbridge and a
// symlinked build directory still compare equal.
fs::path normal(const fs::path& p) {
  std::error_code ec;
  fs::path out = fs::weakly_canonical(p, ec);
  return ec ? p.lexically_normal() : out;
}

}  // namespace

DataDirs resolve_data_dirs(const fs::path& exe, const DataLayout& layout) {
  const fs::path bin_dir = normal(exe).parent_path();
  if (!layout.build_dir.empty() && bin_dir == normal(layout.build_dir)) {
    const fs::path src(layout.source_dir);
    return {(src / "protocols").string(), (src / "examples").string(),
            (src / "docs" / "clinical-reference.md").string(), (src / "rules").string(),
            (src / "scenarios").string()};
  }
  // Relative to the binary, not a prefix compiled in: a DESTDIR-staged or moved install works.
  // The reference is here too, not only in share/doc: Debian policy 12.3 lets an admin drop
  // /usr/share/doc, and a program must not need it to work.
  const fs::path share = (bin_dir / layout.data_from_bin).lexically_normal();
  return {(share / "protocols").string(), (share / "examples").string(),
          (share / "clinical-reference.md").string(), (share / "rules").string(),
          (share / "scenarios").string()};
}

DataDirs program_data_dirs() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) exe = fs::path();  // no /proc: the installed layout relative to the working directory
  // Set for this file only by cmake/install.cmake.
  return resolve_data_dirs(exe, {LB_BUILD_DIR, LB_SOURCE_DIR, LB_DATA_FROM_BIN});
}

}  // namespace lb::gui
