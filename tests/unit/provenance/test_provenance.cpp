// Every source a user can read cites a publication, a guideline or a manual,
// carries none of the old research tags, and every "§N" it names exists in
// docs/clinical-reference.md: every example patient under every bundled
// protocol, planned and scored, rendered in every format.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "explain/reference.hpp"
#include "provenance_support.hpp"
#include "report/ics.hpp"
#include "report/plan_json.hpp"
#include "report/plan_text.hpp"
#include "report/scores_report.hpp"
#include "scores/score_set.hpp"

using namespace lb;

namespace {

/// Author and year ("Nadler SB ... 1962"), a guideline or registry name, or a manual number.
bool citation_like(const std::string& s) {
  static const std::regex author_year(R"([A-Z][a-zA-Z'\-]+.*\b(19|20)\d\d\b)");
  static const std::regex guideline(
      R"(\b(ASFA|OPTN|WHO|USP|EASL|AASLD|APASL|NCT\d{8})\b|[Gg]uideline)");
  static const std::regex manual(R"(Manual|P/N \d)");
  return std::regex_search(s, author_year) || std::regex_search(s, guideline) ||
         std::regex_search(s, manual);
}

/// Words that must never reach a user: research tags, the old background file, web calculators.
std::vector<std::string> banned_in(const std::string& text) {
  static const std::vector<std::string> banned = {"clinical.md",
                                                  "[V]",
                                                  "[D]",
                                                  "[V2]",
                                                  "from memory",
                                                  "../shared",
                                                  "mdapp",
                                                  "calculators.org",
                                                  "drzeydbloodbank",
                                                  "thenutritionistfiles",
                                                  "terican",
                                                  "efclif.com",
                                                  "MDCalc",
                                                  "medicalalgorithms",
                                                  "explorationpub",
                                                  "mimic-code",
                                                  "transplantr"};
  std::vector<std::string> found;
  for (const auto& b : banned) {
    if (text.find(b) != std::string::npos) found.push_back(b);
  }
  return found;
}

std::set<std::string> section_numbers() { return lb::testing::reference_section_numbers(); }

/// Every "§N" or "§N.M" in the text that is not a section of the reference.
std::vector<std::string> dangling_sections(const std::string& text,
                                           const std::set<std::string>& known) {
  static const std::regex ref(std::string("\u00a7") + R"(\s?(\d+(?:\.\d+)?))");
  std::vector<std::string> out;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), ref); it != std::sregex_iterator();
       ++it) {
    if (!known.contains((*it)[1].str())) out.push_back((*it)[0].str());
  }
  return out;
}

void collect_sources(const nlohmann::json& j, std::vector<std::string>& out) {
  if (j.is_object()) {
    for (const auto& [key, value] : j.items()) {
      if (key == "source" && value.is_string()) out.push_back(value.get<std::string>());
      collect_sources(value, out);
    }
  } else if (j.is_array()) {
    for (const auto& v : j) collect_sources(v, out);
  }
}

/// Checks one rendered output and the sources of its JSON form.
void check_output(const std::string& what, const std::string& text,
                  const std::set<std::string>& known) {
  INFO(what);
  CHECK_MESSAGE(banned_in(text).empty(), "banned: " << nlohmann::json(banned_in(text)).dump());
  CHECK_MESSAGE(dangling_sections(text, known).empty(),
                "no such section: " << nlohmann::json(dangling_sections(text, known)).dump());
}

void check_sources(const std::string& what, const nlohmann::json& j) {
  std::vector<std::string> sources;
  collect_sources(j, sources);
  CHECK_MESSAGE(!sources.empty(), what);
  for (const auto& s : sources) {
    INFO(what << ": source \"" << s << "\"");
    CHECK_FALSE(s.empty());
    CHECK(citation_like(s));
  }
}

}  // namespace

TEST_SUITE("provenance") {
  TEST_CASE("the citation pattern accepts publications and guidelines and manuals only") {
    CHECK(citation_like("Nadler SB, Hidalgo JH, Bloch T. Surgery 1962;51(2):224-32"));
    CHECK(citation_like("OPTN Policy 9.1.D"));
    CHECK(citation_like("Terumo BCT Spectra Optia Operator's Manual P/N 777379-124"));
    CHECK(citation_like("ClinicalTrials.gov NCT04051437"));
    CHECK_FALSE(citation_like("larsen2016"));
    CHECK_FALSE(citation_like("Arithmetic on the figures above"));
    CHECK_FALSE(citation_like("mdapp.co plasma volume calculator"));
    CHECK_FALSE(banned_in("clinical.md §4.2 [D]: CIR").empty());
    CHECK(dangling_sections("see \u00a75.3 and \u00a799", section_numbers()) ==
          std::vector<std::string>{"\u00a799"});
  }

  TEST_CASE("every example patient under every bundled protocol cites only publications") {
    const auto known = section_numbers();
    REQUIRE(known.contains("1"));
    const auto start = schedule::parse_local_time("2026-12-05T08:00").value;
    REQUIRE(start.has_value());
    for (const auto& protocol_file : testing::bundled_protocols()) {
      const auto protocol = testing::load_protocol(protocol_file);
      check_output(protocol_file, protocol.text, known);
      for (const auto& s : protocol.protocol->sources) {
        INFO(protocol_file << ": sources." << s.id);
        CHECK(citation_like(s.citation));
      }
      for (const auto& patient_file : testing::example_patients()) {
        const std::string what = patient_file + " under " + protocol_file;
        const auto patient = testing::load_patient(patient_file);
        const auto plan = testing::plan_for(patient, patient_file, protocol, start);
        check_output(what + " (text)", report::render_text(plan), known);
        check_output(what + " (markdown)", report::render_markdown(plan), known);
        check_output(what + " (json)", report::render_json(plan), known);
        check_output(what + " (ics)", report::render_ics(plan, "20261204T000000Z"), known);
        check_sources(what, report::plan_json(plan));
      }
    }
  }

  TEST_CASE("every example patient's scores cite only publications in every format") {
    const auto known = section_numbers();
    for (const auto& patient_file : testing::example_patients()) {
      const auto patient = testing::load_patient(patient_file);
      const scores::ScoreSettings settings;
      const auto set = scores::compute_scores(patient, settings);
      check_output(patient_file, report::render_scores_text(patient, patient_file, set), known);
      check_output(patient_file, report::render_scores_markdown(patient, patient_file, set), known);
      const auto json = report::render_scores_json(patient, patient_file, set, settings);
      check_output(patient_file, json, known);
      check_sources(patient_file, nlohmann::json::parse(json));
    }
  }

  TEST_CASE("the reference has no research tags anywhere") {
    const std::string doc = lb::testing::reference_text();
    REQUIRE_FALSE(doc.empty());
    CHECK(banned_in(doc).empty());
    CHECK(dangling_sections(doc, section_numbers()).empty());
  }
}
