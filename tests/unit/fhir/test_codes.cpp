// The code tables against the field catalogue and against docs/fhir.md: every lab of the
// catalogue has a LOINC row, every row names a catalogue field, and every code and unit an
// export of the example patients uses is in the documented tables.
#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "fhir/codes.hpp"
#include "fhir_fixture.hpp"
#include "patient/catalogue.hpp"
#include "units/parse.hpp"

namespace lb::fhir {
namespace {

std::string docs() {
  std::ifstream in(std::string(LB_SOURCE_DIR) + "/docs/fhir.md");
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

/// Every `backticked` token of the text.
std::set<std::string> backticked(const std::string& text) {
  std::set<std::string> out;
  for (std::size_t at = text.find('`'); at != std::string::npos;) {
    const auto end = text.find('`', at + 1);
    if (end == std::string::npos) break;
    out.insert(text.substr(at + 1, end - at - 1));
    at = text.find('`', end + 1);
  }
  return out;
}

/// The line of the docs that holds all these `tokens`, or "".
std::string line_with(const std::string& text, const std::vector<std::string>& tokens) {
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    bool all = true;
    for (const auto& t : tokens) all = all && line.find("`" + t + "`") != std::string::npos;
    if (all) return line;
  }
  return "";
}

/// Every (system, code) of the JSON's codings and every UCUM code of its quantities.
void collect(const nlohmann::json& j, std::set<std::pair<std::string, std::string>>& codings,
             std::set<std::string>& units) {
  if (j.is_object()) {
    if (j.contains("system") && j.contains("code") && j["code"].is_string()) {
      const std::string system = j["system"];
      if (system == kUcum) {
        units.insert(j["code"]);
      } else {
        codings.insert({system, j["code"]});
      }
    }
    for (const auto& [k, v] : j.items()) collect(v, codings, units);
  } else if (j.is_array()) {
    for (const auto& v : j) collect(v, codings, units);
  }
}

TEST_SUITE("fhir") {
  TEST_CASE("every lab of the field catalogue has a LOINC row and every row names a field") {
    for (const auto& f : patient::field_catalogue()) {
      if (f.section() != patient::Section::labs) continue;
      bool found = false;
      for (const auto& c : field_codes()) found = found || c.field == f.key;
      INFO(f.key);
      CHECK(found);
    }
    for (const auto& c : field_codes()) {
      INFO(c.field << " " << c.loinc);
      const patient::Field* f = patient::find_field(c.field);
      REQUIRE(f != nullptr);
      CHECK((f->kind == patient::FieldKind::number) == !c.plain_unit.empty());
      CHECK(code_of_loinc(c.loinc) == &c);  // one row per LOINC code
      if (f->kind == patient::FieldKind::quantity) CHECK(c.dimension == f->dimension);
      if (f->kind == patient::FieldKind::lab) {
        CHECK(f->analyte.has_value());
        CHECK((c.dimension == units::Dimension::mass_concentration ||
               c.dimension == units::Dimension::amount_concentration));
      }
    }
  }

  TEST_CASE("docs/fhir.md lists every LOINC row and score code and unit spelling of the tables") {
    const std::string text = docs();
    for (const auto& c : field_codes()) {
      INFO(c.field << " " << c.loinc);
      const std::string line = line_with(text, {std::string(c.field), std::string(c.loinc)});
      CHECK_FALSE(line.empty());
      CHECK(line.find(std::string(c.display)) != std::string::npos);
    }
    for (const auto& s : score_codes()) {
      INFO(s.key);
      CHECK_FALSE(line_with(text, {std::string(s.code)}).empty());
      CHECK(s.system == kScoreSystem);
    }
    for (const auto& u : unit_spellings()) {
      INFO(u.liverbridge);
      CHECK_FALSE(line_with(text, {std::string(u.liverbridge), std::string(u.ucum)}).empty());
      // Both directions of the table are one mapping, and the patient format reads the unit.
      CHECK(liverbridge_unit_of(u.ucum) == u.liverbridge);
      CHECK(units::parse_quantity("1 " + std::string(u.liverbridge)));
    }
    const auto p = plasma_exchange_code();
    CHECK_FALSE(line_with(text, {std::string(p.system), std::string(p.code)}).empty());
  }

  TEST_CASE("every code and unit the export of each example patient uses is documented") {
    const std::set<std::string> documented = backticked(docs());
    for (const auto& file : testing::example_patient_files()) {
      const auto bundle = testing::example_bundle(testing::example_plan_of(file));
      std::set<std::pair<std::string, std::string>> codings;
      std::set<std::string> units;
      collect(bundle, codings, units);
      CHECK(codings.size() > 20);
      for (const auto& [system, code] : codings) {
        INFO(file << ": " << system << " " << code);
        // Project codes with a variable part are documented by their pattern.
        const bool order = system == kOrderSystem;
        CHECK(documented.count(system) == 1);
        if (order) {
          const auto dash = code.find('-');
          REQUIRE(dash != std::string::npos);
          CHECK(documented.count(code.substr(dash + 1)) == 1);
        } else {
          CHECK(documented.count(code) == 1);
        }
        if (system == kLoinc) CHECK(code_of_loinc(code) != nullptr);
      }
      for (const auto& u : units) {
        INFO(file << ": UCUM " << u);
        CHECK(documented.count(u) == 1);
      }
    }
  }
}

}  // namespace
}  // namespace lb::fhir
