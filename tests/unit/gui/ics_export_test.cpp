// The window's "Export schedule as iCalendar" writes what core's writer
// (report::render_ics, also behind `plan --ics`) gives for the same plan: one
// calendar, not two that drift apart. Only DTSTAMP (the time of export) may differ.
#include <doctest/doctest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include "headless.hpp"
#include "report/ics.hpp"

namespace {

using lb::gui::test::example_options;
using lb::gui::test::Headless;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

/// The calendar with every DTSTAMP value replaced by one fixed stamp.
std::string without_stamps(const std::string& ics) {
  static const std::regex stamp("DTSTAMP:[0-9]{8}T[0-9]{6}Z");
  return std::regex_replace(ics, stamp, "DTSTAMP:20000101T000000Z");
}

}  // namespace

TEST_SUITE("gui") {
  TEST_CASE("the window exports the same iCalendar as core for the same plan") {
    std::string dir = (std::filesystem::temp_directory_path() / "lb-gui-ics-XXXXXX").string();
    REQUIRE(mkdtemp(dir.data()) != nullptr);
    const std::string path = dir + "/course.ics";

    Headless h(example_options("hvp-alf-larsen-2016"));
    CHECK_FALSE(lb::gui::ics_unavailable_reason(h.state).empty());  // no start yet
    h.hand_click("tab.Schedule");
    h.hand_type("course.start", "2026-12-05T08:00");
    REQUIRE(h.state.course_start_error.empty());
    REQUIRE(h.state.plan.current);
    REQUIRE(lb::gui::ics_unavailable_reason(h.state).empty());

    REQUIRE(lb::gui::export_schedule_ics(h.state, path));
    const std::string window = read_file(path);
    const std::string core =
        lb::report::render_ics(*h.state.plan.plan, lb::report::ics_utc_stamp_now());
    CHECK(window.find("BEGIN:VEVENT") != std::string::npos);
    CHECK(window.find("DTSTART:20261205T080000") != std::string::npos);
    CHECK(without_stamps(window) == without_stamps(core));

    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
}
