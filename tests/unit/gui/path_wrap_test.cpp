// A records database path wraps only before a "/": the records screen and the approve dialog
// split "/home/icu/.local/share/..." mid-name before (ImGui wraps a long word anywhere).
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "gui/gui_common.hpp"

namespace {
// One unit per byte, so widths are counted in characters.
float chars(std::string_view t) { return static_cast<float>(t.size()); }
}  // namespace

TEST_CASE("a path wraps only before a separator") {
  const std::string path = "/home/icu/.local/share/liverbridge/records.db";
  const auto lines = lb::gui::wrap_path(path, 20, chars);
  CHECK(lines == std::vector<std::string>{"/home/icu/.local", "/share/liverbridge", "/records.db"});
  std::string joined;
  for (const auto& l : lines) {
    CHECK(l.front() == '/');
    CHECK(l.size() <= 20);
    joined += l;
  }
  CHECK(joined == path);
}

TEST_CASE("a path that fits stays one line and a name wider than the line is not cut") {
  CHECK(lb::gui::wrap_path("/a/b.db", 40, chars) == std::vector<std::string>{"/a/b.db"});
  CHECK(lb::gui::wrap_path("/tmp/a-very-long-folder-name/x.db", 10, chars) ==
        std::vector<std::string>{"/tmp", "/a-very-long-folder-name", "/x.db"});
  CHECK(lb::gui::wrap_path("records.db", 4, chars) == std::vector<std::string>{"records.db"});
  CHECK(lb::gui::wrap_path("", 4, chars) == std::vector<std::string>{""});
}
