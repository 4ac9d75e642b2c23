#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "records/export.hpp"
#include "records/session_reader.hpp"
#include "records_fixture.hpp"
#include "text/utf8.hpp"

using namespace lb;

TEST_SUITE("records") {
  TEST_CASE("csv fields are quoted and never run as spreadsheet formulas") {
    CHECK(records::csv_field("plain") == "plain");
    CHECK(records::csv_field("a, b") == "\"a, b\"");
    CHECK(records::csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(records::csv_field("=HYPERLINK(1)") == "'=HYPERLINK(1)");
    CHECK(records::csv_field("-3.5") == "-3.5");
    CHECK(records::csv_field("line\nbreak") == "\"line\nbreak\"");
  }

  TEST_CASE("exports hold the SI number and the text as entered") {
    lb::testing::TempDir dir;
    records::Store store(dir.file("records.db"));
    store.add_patient(lb::testing::kExamplePatientId, "nurse");
    store.add_plan(lb::testing::example_plan());
    auto load = records::parse_session(
        "patient: LB-ALF-0001\nstarted_at: 2026-11-20T08:00Z\nended_at: 2026-11-20T11:30Z\n"
        "plasma_removed: 9.5 L\nblood_flow: 7 mL/min\n",
        "s.yaml");
    REQUIRE(load.session);
    const auto id = store.add_session(*load.session, "nurse");
    store.correct_session(id, "plasma_removed", "9600 mL", "re-read", "Dr");

    const auto csv = records::export_csv(store, lb::testing::kExamplePatientId);
    CHECK(csv.find(",210,0.0096,9600 mL,") != std::string::npos);
    // 7 mL/min = 1.1667e-7 m³/s: the full double, not a rounded fixed-point text.
    CHECK(csv.find("1.1666666666666") != std::string::npos);

    const auto json =
        nlohmann::json::parse(records::export_json(store, lb::testing::kExamplePatientId));
    CHECK(json["sessions"][0]["plasma_removed"]["entered"] == "9600 mL");
    CHECK(json["plans"][0]["protocol"]["sha256"].get<std::string>().size() == 64);
    CHECK(json["audit"].size() == 4);  // patient, plan, session, correction
    CHECK(json["audit"][3]["previous"] == "9.5 L");
    CHECK_THROWS_AS(records::export_csv(store, records::PatientId("NOBODY")), records::InputError);
  }
}

TEST_SUITE("records") {
  TEST_CASE("printable_json escapes what JSON allows raw and a terminal obeys") {
    // DEL, a C1 control (NEL), a line separator and a bidirectional override inside a string:
    // written as JSON escapes, so the document reads back to the same string.
    const std::string value =
        "a\x7f"
        "b\xc2\x85"
        "c\xe2\x80\xa8"
        "d\xe2\x80\xae"
        "e";
    const std::string dumped = nlohmann::json{{"text", value}}.dump(2);
    const std::string out = lb::text::printable_json(dumped);
    CHECK(out == "{\n  \"text\": \"a\\u007fb\\u0085c\\u2028d\\u202ee\"\n}");
    CHECK(nlohmann::json::parse(out)["text"] == value);
    // Nothing to escape: unchanged, line feeds and indentation included.
    const std::string plain = nlohmann::json{{"a", "tab\there"}, {"b", 1}}.dump(2);
    CHECK(lb::text::printable_json(plain) == plain);
  }
}
