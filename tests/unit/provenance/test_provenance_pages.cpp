// The provenance checks of test_provenance.cpp on the two outputs that are not plain
// reports: the printable page of a stored course (core/print/) and the window's figure view
// (ui/gui/derivation_view.cpp, driven headless). Both must cite only what exists, carry no
// research tag, and say "unverified default: review locally" wherever a figure rests on an
// unverified default or the protocol lists one.
#include <doctest/doctest.h>
#include <imgui.h>

#include <regex>
#include <set>

#include "../gui/headless.hpp"
#include "gui/panels.hpp"
#include "print/printable.hpp"
#include "provenance_support.hpp"
#include "records/review.hpp"
#include "report/plan_json.hpp"
#include "report/stored_plan.hpp"

using namespace lb;

namespace {

constexpr std::string_view kUnverified = "unverified default: review locally";

std::size_t count(const std::string& text, std::string_view what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

bool unverified(const explain::Derivation& d) {
  return d.source.find("unverified") != std::string::npos ||
         d.method.find("unverified") != std::string::npos;
}

/// Figures of the stored plan the printable page prints with their basis, that rest on an
/// unverified default (their source or method says so).
std::size_t unverified_printed(const report::StoredPlan& s) {
  std::vector<const report::StoredFigure*> all = {
      &s.volumes.bmi, &s.volumes.ideal_body_weight, &s.volumes.total_blood_volume,
      &s.volumes.plasma_volume, &s.exchange.volume_per_session};
  if (s.anticoagulation) {
    const auto& a = *s.anticoagulation;
    for (const auto* f : std::initializer_list<const report::StoredFigure*>{
             &a.ac_volume, &a.ac_rate, &a.citrate_concentration, &a.citrate_from_ac,
             &a.citrate_from_ffp, &a.citrate_rate, &a.calcium_gluconate, &a.heparin_per_session}) {
      all.push_back(f);
    }
  }
  std::size_t n = 0;
  for (const auto* f : all) {
    if (f->present() && (f->source.find("unverified") != std::string::npos ||
                         f->method.find("unverified") != std::string::npos)) {
      ++n;
    }
  }
  return n;
}

/// The research tags and outside files no user may read, and "§N" that names no section.
void check_clean(const std::string& what, const std::string& text) {
  INFO(what);
  for (const char* banned : {"clinical.md", "[V]", "[D]", "[V2]", "from memory", "../shared"}) {
    CHECK_MESSAGE(text.find(banned) == std::string::npos, "banned: " << banned);
  }
  static const auto known = lb::testing::reference_section_numbers();
  static const std::regex ref(std::string("\u00a7") + R"(\s?(\d+(?:\.\d+)?))");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), ref); it != std::sregex_iterator();
       ++it) {
    CHECK_MESSAGE(known.contains((*it)[1].str()), "no such section: " << (*it)[0].str());
  }
}

/// The printable page of a course whose one approved plan is `plan`, as stored.
std::string printable(const plan::Plan& plan) {
  records::CourseReview course;
  course.patient = records::PatientId(plan.patient.id);
  records::PlanReview stored;
  stored.plan.patient = records::PatientId(plan.patient.id);
  stored.plan.protocol_id = plan.protocol.id;
  stored.plan.protocol_version = plan.protocol.version;
  stored.plan.protocol_sha256 = std::string(64, '0');
  stored.plan.plan_json = report::render_json(plan);
  stored.plan.overrides_json = "[]";
  stored.plan.approved_by = "Dr Test";
  stored.plan.approved_at = "2026-12-04T10:00:00Z";
  stored.reproduction.reproduced = true;
  course.plans.push_back(stored);
  return report::render_printable_html(course);
}

/// The text the window draws in one frame, the top-level tree nodes open (ImGui's log opens
/// them; the reference sections one level down stay closed, their titles shown).
/// The log ends with the app's one top-level window (ImGui::End finishes it there); logged to
/// the "clipboard", it arrives through SetClipboardTextFn, which this captures.
std::string window_text(gui::test::Headless& h) {
  std::string text;
  ImGuiIO& io = ImGui::GetIO();
  io.SetClipboardTextFn = [](void* user, const char* t) { *static_cast<std::string*>(user) += t; };
  io.ClipboardUserData = &text;
  // A window this tall holds more than 64k vertices per draw list; no renderer draws it.
  io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
  ImGui::NewFrame();
  ImGui::LogToClipboard(1);
  gui::draw_app(h.state);
  ImGui::LogFinish();  // a no-op when the app's window already finished the log
  ImGui::Render();
  io.SetClipboardTextFn = nullptr;
  io.ClipboardUserData = nullptr;
  return text;
}

}  // namespace

TEST_SUITE("provenance") {
  TEST_CASE("the printable page cites only what exists and names every unverified default") {
    const auto start = schedule::parse_local_time("2026-12-05T08:00").value;
    std::size_t unverified_figures = 0;
    for (const auto& protocol_file : testing::bundled_protocols()) {
      const auto protocol = testing::load_protocol(protocol_file);
      for (const auto& patient_file : testing::example_patients()) {
        const std::string what = patient_file + " under " + protocol_file;
        const auto plan =
            testing::plan_for(testing::load_patient(patient_file), patient_file, protocol, start);
        const std::string html = printable(plan);
        check_clean(what + " (printable)", html);
        // One badge per unverified protocol value and one per printed figure resting on an
        // unverified default.
        const auto stored = report::read_stored_plan(report::render_json(plan));
        REQUIRE(stored.plan.has_value());
        const std::size_t figures = unverified_printed(*stored.plan);
        unverified_figures += figures;
        INFO(what);
        CHECK(count(html, kUnverified) >= plan.protocol.unverified.size() + figures);
      }
    }
    CHECK(unverified_figures > 0);  // some example plan rests on an unverified volume formula
  }

  TEST_CASE("the window's figure view cites only what exists and badges unverified figures") {
    std::size_t badged = 0;
    for (const auto& protocol_file : testing::bundled_protocols()) {
      const std::string id = std::filesystem::path(protocol_file).stem().string();
      // Tall enough that nothing is clipped: ImGui neither draws nor logs clipped items.
      gui::test::Headless h(gui::test::example_options(id), ImVec2(1600, 200000));
      REQUIRE(h.state.plan.plan.has_value());
      const std::string text = window_text(h);
      check_clean(id + " (window)", text);
      std::size_t expected = 0;
      for (const auto* d : gui::all_figures(*h.state.plan.plan)) {
        // Only figures this frame drew (the others are on tabs not shown).
        if (h.drawn("figure." + d->id) && unverified(*d)) ++expected;
      }
      // The protocol's own list is a collapsed header (ImGui's log does not open those); its
      // rows carry the same words (plan_panel.cpp), here its title and count are checked.
      const auto& listed = h.state.plan.plan->protocol.unverified;
      if (!listed.empty()) {
        CHECK(text.find("Unverified protocol values (" + std::to_string(listed.size()) + ")") !=
              std::string::npos);
      }
      INFO(id << "\n" << text.substr(0, 2000));
      CHECK(count(text, "[" + std::string(kUnverified) + "]") >= expected);
      badged += expected;
      // Each figure the frame drew shows its reference section ("Reference: §N").
      CHECK(text.find("Reference: \u00a7") != std::string::npos);
    }
    CHECK(badged > 0);
  }
}
