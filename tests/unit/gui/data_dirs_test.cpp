// Where the program finds its bundled data: the source tree for the build-tree binary, else
// relative to the binary (installed, DESTDIR-staged or moved), never a prefix compiled in.
#include "gui/data_dirs.hpp"

#include <doctest/doctest.h>

#include <string>

namespace {

using lb::gui::DataLayout;
using lb::gui::resolve_data_dirs;

const DataLayout kLayout{"/home/dev/lb/build", "/home/dev/lb", "../share/liverbridge"};

}  // namespace

TEST_CASE("data dirs: the build-tree binary reads the source tree") {
  const auto dirs = resolve_data_dirs("/home/dev/lb/build/liverbridge", kLayout);
  CHECK(dirs.protocols == "/home/dev/lb/protocols");
  CHECK(dirs.examples == "/home/dev/lb/examples");
  CHECK(dirs.reference == "/home/dev/lb/docs/clinical-reference.md");
  CHECK(dirs.rules == "/home/dev/lb/rules");
}

TEST_CASE("data dirs: the build directory named with dot segments is still the build tree") {
  const auto dirs = resolve_data_dirs("/home/dev/lb/build/./liverbridge", kLayout);
  CHECK(dirs.protocols == "/home/dev/lb/protocols");
}

TEST_CASE("data dirs: an installed binary reads share beside its bin") {
  const auto dirs = resolve_data_dirs("/usr/bin/liverbridge", kLayout);
  CHECK(dirs.protocols == "/usr/share/liverbridge/protocols");
  CHECK(dirs.examples == "/usr/share/liverbridge/examples");
  CHECK(dirs.reference == "/usr/share/liverbridge/clinical-reference.md");
  CHECK(dirs.rules == "/usr/share/liverbridge/rules");
}

TEST_CASE("data dirs: a staged or relocated install follows the binary and not the prefix") {
  const auto staged = resolve_data_dirs("/tmp/stage/usr/bin/liverbridge", kLayout);
  CHECK(staged.protocols == "/tmp/stage/usr/share/liverbridge/protocols");
  const auto opt = resolve_data_dirs("/opt/lb/bin/liverbridge", kLayout);
  CHECK(opt.examples == "/opt/lb/share/liverbridge/examples");
}

TEST_CASE("data dirs: a binary in a sub-folder of the build tree is not the build tree") {
  const auto dirs = resolve_data_dirs("/home/dev/lb/build/bin/liverbridge", kLayout);
  CHECK(dirs.protocols == "/home/dev/lb/build/share/liverbridge/protocols");
}

TEST_CASE("data dirs: another installed layout with datadir elsewhere is honoured") {
  const DataLayout other{"", "", "../../data/liverbridge"};
  const auto dirs = resolve_data_dirs("/srv/apps/bin/x64/liverbridge", other);
  CHECK(dirs.protocols == "/srv/apps/data/liverbridge/protocols");
}
