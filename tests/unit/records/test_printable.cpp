// The printable plan and course record (core/print/printable.*): every section
// present, in order, with clinical labels and the stored plan's values; no raw
// JSON keys; sensible text when the plan lacks a section; everything escaped.
#include <doctest/doctest.h>

#include <cctype>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "io/sha256.hpp"
#include "patient/patient_loader.hpp"
#include "plan/build_plan.hpp"
#include "plan/plan.hpp"
#include "print/printable.hpp"
#include "protocol/protocol_loader.hpp"
#include "records/review.hpp"
#include "records/session_reader.hpp"
#include "records_fixture.hpp"
#include "report/plan_json.hpp"
#include "schedule/calendar.hpp"

using namespace lb;
using nlohmann::json;

namespace {

std::string source(const std::string& relative) {
  return std::string(LB_SOURCE_DIR) + "/" + relative;
}

struct Printed {
  std::string html;
  json plan;  ///< the stored plan JSON the page was made from
};

struct Request {
  records::PatientId patient_id = lb::testing::kExamplePatientId;
  std::string patient_file = lb::testing::kExamplePatient;
  std::string protocol_file = lb::testing::kExampleProtocol;
  eligibility::Overrides overrides;
  std::vector<std::string> tolerances;
  std::string approved_by = "Dr Test";
  std::string start;                       ///< course start (local time), "" for none
  std::vector<std::string> session_files;  ///< session YAML texts to record
  /// Edits the stored plan JSON before it is stored (an older plan without a section).
  void (*edit)(json&) = nullptr;
};

Printed print(const Request& r) {
  lb::testing::TempDir dir;
  records::Store store(dir.file("records.db"));
  store.add_patient(r.patient_id, "nurse");
  const auto patient_text = io::read_file(r.patient_file);
  const auto protocol_text = io::read_file(r.protocol_file);
  auto capture = records::capture_plan({.patient = r.patient_id,
                                        .patient_text = patient_text,
                                        .patient_file = r.patient_file,
                                        .protocol_text = protocol_text,
                                        .protocol_file = r.protocol_file,
                                        .overrides = r.overrides,
                                        .review_json = records::make_review_json(r.tolerances, ""),
                                        .approved_by = r.approved_by,
                                        .course_start = r.start});
  INFO(capture.error);
  REQUIRE(capture.input.has_value());
  auto input = *capture.input;
  if (r.edit != nullptr) {
    auto j = json::parse(input.plan_json);
    r.edit(j);
    input.plan_json = j.dump(2);
  }
  store.add_plan(input);
  for (const auto& text : r.session_files) {
    auto load = records::parse_session(text, "session.yaml");
    REQUIRE(load.session.has_value());
    store.add_session(*load.session, "RN Test");
  }
  Printed out;
  out.html = report::render_printable_html(records::review_course(store, r.patient_id),
                                           store.sessions_for(r.patient_id));
  out.plan = json::parse(input.plan_json);
  return out;
}

bool has(const std::string& html, const std::string& text) {
  return html.find(text) != std::string::npos;
}

std::size_t count(const std::string& html, const std::string& text) {
  std::size_t n = 0;
  for (auto at = html.find(text); at != std::string::npos; at = html.find(text, at + 1)) ++n;
  return n;
}

/// The first table row (<tr ...>...</tr>) with a cell starting with `label`; "" when none.
std::string row(const std::string& html, const std::string& label) {
  const auto cell = html.find("<td>" + label);
  if (cell == std::string::npos) return "";
  const auto at = html.rfind("<tr", cell);
  return html.substr(at, html.find("</tr>", cell) - at);
}

/// The element that starts with `open` up to its first `close`.
std::string between(const std::string& html, const std::string& open, const std::string& close) {
  const auto at = html.find(open);
  if (at == std::string::npos) return "";
  return html.substr(at, html.find(close, at) - at);
}

/// The page body without the unverified-values section, whose first column names protocol
/// keys on purpose.
std::string body_without_protocol_keys(const std::string& html) {
  std::string body = html.substr(html.find("<body>"));
  const auto from = body.find(". Unverified protocol values</h2>");
  if (from != std::string::npos) body.erase(from, body.find("<h2>", from) - from);
  // A plan that does not reproduce lists the differing JSON paths for the support team.
  const auto diff = body.find("<ul class=\"repro\">");
  if (diff != std::string::npos) body.erase(diff, body.find("</ul>", diff) - diff);
  return body;
}

void check_no_raw_keys(const std::string& html) {
  const auto body = body_without_protocol_keys(html);
  for (const char* raw : {"ffp_last",
                          "inlet_capped",
                          "display",
                          "_per_session",
                          "_per_course",
                          "predicted_post",
                          "replacement_aware",
                          "two_compartment",
                          "ac_volume",
                          "citrate_rate",
                          "whole_blood",
                          "labs_due",
                          "start_offset",
                          "sessions_planned",
                          "ready_with_warnings<",
                          ">mix<",
                          ">technique<",
                          ">true<",
                          ">false<",
                          "null",
                          "undefined",
                          ">nan",
                          " nan ",
                          "{",
                          "}"}) {
    INFO("raw text in the page: " << std::string(raw));
    CHECK_FALSE(has(body, raw));
  }
}

void check_self_contained(const std::string& html) {
  for (const char* external : {"<script", "src=", "href=", "@import", "url(", "<link", "<img"}) {
    INFO(std::string(external));
    CHECK_FALSE(has(html, external));
  }
}

std::string display(const json& plan, const char* pointer) {
  return plan.at(json::json_pointer(pointer)).at("display").get<std::string>();
}

/// "ready_with_warnings" -> "READY WITH WARNINGS", as the page shows a status or verdict.
std::string words(std::string code) {
  for (auto& c : code)
    c = c == '_' ? ' ' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return code;
}

const std::string kSession1 = source("tests/records/data/session-1.yaml");

}  // namespace

TEST_SUITE("records") {
  TEST_CASE("printable page: every section in clinical order with the stored plan's values") {
    Request r;
    r.tolerances = {"plasma_removed=1%"};  // 9800 mL performed: beyond 1 %
    r.session_files = {io::read_file(kSession1)};
    const auto [html, plan] = print(r);
    check_self_contained(html);
    check_no_raw_keys(html);

    // Sections, numbered, in the order a clinician checks and signs.
    std::size_t last = 0;
    for (const char* heading :
         {"Therapeutic plasma exchange: plan and course record", "1. Eligibility</h2>",
          "2. Orders per session</h2>", "Exchange volume</h3>", "Replacement fluid</h3>",
          "Anticoagulation and calcium</h3>", "Separation and run time</h3>",
          "3. Course totals for the blood bank and pharmacy</h2>", "4. Schedule</h2>",
          "5. Predicted labs</h2>", "6. Stop criteria</h2>", "7. Warnings and errors</h2>",
          "8. Unverified protocol values</h2>", "9. Sessions performed</h2>",
          "10. Course summary</h2>", "11. Signatures</h2>"}) {
      INFO(std::string(heading));
      const auto at = html.find(heading);
      REQUIRE(at != std::string::npos);
      CHECK(at > last);
      last = at;
    }

    // Header: patient, protocol id/version/hash, approval, reproducibility, disclaimer.
    CHECK(has(html, "<b>LB-ALF-0001</b>"));
    CHECK(has(html, "<b>hvp-alf-larsen-2016</b> version 1.2.0"));
    CHECK(has(html, io::sha256_hex(io::read_file(lb::testing::kExampleProtocol))));
    CHECK(has(html, "<b>Dr Test</b> at "));
    CHECK(has(html, "reproduced: re-running the stored patient and protocol text"));
    CHECK(has(html, plan::kDisclaimer));
    CHECK(has(html, "Plan status: " + words(plan.at("status").get<std::string>()) + ":"));

    // Eligibility: the verdict in words and one row per rule with its outcome.
    CHECK(has(html, "Verdict: <b>" +
                        words(plan.at("eligibility").at("verdict").get<std::string>()) + "</b>"));
    const auto rules = between(html, "<table class=\"rules\">", "</table>");
    const auto& plan_rules = plan.at("eligibility").at("rules");
    REQUIRE_FALSE(plan_rules.empty());
    CHECK(count(rules, "<tr class=\"rule") == plan_rules.size());
    for (const auto& rule : plan_rules) {
      const auto r_row = between(rules, rule.at("id").get<std::string>(), "</tr>");
      INFO(rule.at("id"));
      CHECK_FALSE(r_row.empty());
      CHECK(has(r_row, rule.at("outcome") == "met" ? ">met<" : "not met"));
      CHECK(has(r_row, report::html_escape(rule.at("message").get<std::string>())));
    }
    CHECK(has(html, "Overrides recorded at approval: none."));

    // Orders per session, with human labels and the plan's display values.
    const std::pair<const char*, const char*> orders[] = {
        {"Exchange volume per session (plasma removed)", "/exchange/volume_per_session"},
        {"Plasma volume", "/volumes/plasma_volume"},
        {"Replacement volume per session", "/replacement/replacement_volume_per_session"},
        {"FFP volume per session", "/replacement/ffp_volume_per_session"},
        {"FFP units per session (whole units)", "/replacement/ffp_units_per_session"},
        {"AC volume per session", "/anticoagulation/ac_volume"},
        {"AC infusion rate", "/anticoagulation/ac_rate"},
        {"Citrate infusion rate to the patient", "/anticoagulation/citrate_rate"},
        {"Calcium gluconate per session", "/anticoagulation/calcium_gluconate_per_session"},
        {"Plasma removal rate", "/separation/plasma_removal_rate"},
        {"Whole blood processed per session", "/separation/whole_blood_processed"},
        {"Run time per session", "/separation/duration"},
        {"Extracorporeal volume, share of TBV", "/separation/extracorporeal_fraction_tbv"},
        {"FFP units for the course", "/replacement/ffp_units_per_course"},
    };
    for (const auto& [label, pointer] : orders) {
      INFO(std::string(label));
      const auto r_row = row(html, label);
      REQUIRE_FALSE(r_row.empty());
      CHECK(has(r_row, display(plan, pointer)));
    }
    CHECK(has(row(html, "Exchange volume per session"),
              display(plan, "/exchange/plasma_volumes_per_session") + " plasma volumes"));
    CHECK(has(row(html, "Exchange volume per session"),
              "protocol rule: percentage of ideal body weight"));
    CHECK(has(row(html, "Replacement fluid"), "fresh frozen plasma (FFP) only"));
    CHECK(has(row(html, "Albumin solution"), "none"));
    CHECK(has(row(html, "Fluid balance per session"), ">0 mL<br>"));
    CHECK(has(row(html, "Fluid balance per session"), "replacement equals the plasma removed"));
    CHECK(has(row(html, "Anticoagulant"), "citrate, <b>ACD-A</b>"));
    CHECK(has(row(html, "Inlet:AC ratio"), "10 : 1"));
    CHECK(has(row(html, "Citrate infusion rate to the patient"),
              "ABOVE</span> the limit of " + display(plan, "/anticoagulation/citrate_rate_limit")));
    for (const auto& check : plan.at("anticoagulation").at("ionised_calcium_checks")) {
      CHECK(has(row(html, "Ionised calcium checks"), check.get<std::string>()));
    }
    CHECK(has(row(html, "Technique"), "centrifugal separation"));
    CHECK(has(row(html, "Inlet flow limit"), "flow capped: no"));
    CHECK(has(row(html, "Run time per session"), " h "));

    // Schedule: one row per planned session, with its start (hours: no start date given).
    const auto schedule = between(html, "<table class=\"schedule\">", "</table>");
    const auto& sessions = plan.at("schedule").at("sessions");
    CHECK(count(schedule, "<tr class=\"session-row\">") == sessions.size());
    for (const auto& s : sessions) {
      const auto r_row = between(schedule,
                                 "<tr class=\"session-row\"><td class=\"num\">" +
                                     std::to_string(s.at("number").get<int>()) + "<",
                                 "</tr>");
      INFO(s.at("number"));
      CHECK(has(r_row, "+" + s.at("start_offset").at("display").get<std::string>()));
      CHECK(has(r_row, s.at("exchange_volume").at("display").get<std::string>()));
      CHECK(has(r_row, display(plan, "/replacement/ffp_units_per_session")));
      CHECK(has(r_row, s.at("reassess").get<bool>() ? "RE-ASSESS" : ">no<"));
    }
    CHECK(has(html, "No start date was given"));

    // Predicted labs: pre / post* / next day per solute, with the not-comparable note.
    CHECK(has(html, "Immediately-post values are not comparable"));
    const auto labs = between(html, "<table class=\"labs\">", "</table>");
    CHECK(has(labs, "<b>Bilirubin</b>"));
    CHECK(has(labs, plan.at("kinetics").at("bilirubin").at("pre").at(0).at("display")));
    CHECK(has(
        labs,
        plan.at("kinetics").at("bilirubin").at("post").at(0).at("band").get<std::string>() + "*"));
    CHECK(has(html, "Not predicted:"));  // fibrinogen: no replacement concentration

    // Stop criteria, warnings, unverified values.
    CHECK(has(between(html, "6. Stop criteria", "</ul>"), "<b>transplant</b>"));
    for (const auto& w : plan.at("warnings")) {
      CHECK(has(html, "Warning: " + report::html_escape(w.at("message").get<std::string>())));
    }
    CHECK(count(html, "<td class=\"mono\">anticoagulation.") >= 1);

    // Sessions performed against the plan, and the course summary.
    CHECK(has(html, "Session 1: Fri 20 Nov 2026 08:00 to 11:45 UTC, under plan record 1"));
    const auto performed = between(html, "<table class=\"performed\">", "</table>");
    CHECK(has(row(performed, "Plasma exchanged"), "9800 mL"));
    CHECK(has(row(performed, "Plasma exchanged"), "BEYOND TOLERANCE"));
    CHECK(has(row(performed, "Plasma exchanged"), "±1 %"));
    CHECK(has(row(performed, "Duration"), "not stated"));
    CHECK(has(html, "<b>Adverse events:</b> citrate reaction"));
    CHECK(has(row(html, "Bilirubin"), "4.2 mg/dL"));
    CHECK(has(html, "1 of " +
                        std::to_string(plan.at("schedule").at("sessions_planned").get<int>()) +
                        " planned"));
    CHECK(has(html, "9800 mL (plan: " + display(plan, "/exchange/volume_per_session")));
    CHECK(has(html, "40 units of " + display(plan, "/replacement/ffp_units_per_course")));
    CHECK(has(
        html,
        "Deviations beyond tolerance</th><td><span class=\"warn\">session 1: Plasma exchanged "));
    CHECK(has(html, "hash chain verified"));

    // Signature lines.
    const auto sign = between(html, "<table class=\"sign\">", "</table>");
    for (const char* text :
         {"Prescribing physician", "Checked by", "Apheresis nurse", "<th>Name</th>",
          "<th>Signature</th>", "<th>Date</th>", "<th>Time</th>"}) {
      INFO(std::string(text));
      CHECK(has(sign, text));
    }
    CHECK(has(html, "@page { size: A4"));
  }

  TEST_CASE("printable page: a plan with a start date shows dates in the schedule") {
    Request r;
    r.start = "2026-12-05T08:00";
    const auto [html, plan] = print(r);
    const auto schedule = between(html, "<table class=\"schedule\">", "</table>");
    CHECK(has(schedule, "<th class=\"col\">Date</th>"));
    const auto& sessions = plan.at("schedule").at("sessions");
    REQUIRE(sessions.size() >= 2);
    CHECK(count(schedule, "<tr class=\"session-row\">") == sessions.size());
    for (const auto& s : sessions) {
      const auto start =
          schedule::readable(*schedule::parse_local_time(s.at("start").get<std::string>()).value);
      const auto labs = schedule::readable(
          *schedule::parse_local_time(s.at("labs_due").get<std::string>()).value);
      const auto r_row = between(schedule,
                                 "<tr class=\"session-row\"><td class=\"num\">" +
                                     std::to_string(s.at("number").get<int>()) + "<",
                                 "</tr>");
      INFO(start);
      CHECK(has(r_row, "<td class=\"t\">" + start.substr(0, start.size() - 6) + "</td>"));  // date
      CHECK(has(r_row, "<td class=\"t\">" + start.substr(start.size() - 5)));               // time
      // The efficacy labs without the year: "Sun 6 Dec 02:26".
      CHECK(
          has(r_row, ">" + labs.substr(0, labs.size() - 11) + labs.substr(labs.size() - 6) + "<"));
    }
    CHECK(has(html, "Sat 5 Dec 2026 08:00 (local time)"));
    CHECK_FALSE(has(html, "No start date was given"));
    check_no_raw_keys(html);
  }

  TEST_CASE("printable page: heparin and membrane separation without citrate rows") {
    Request r;
    r.patient_id = records::PatientId("LB-ACLF-0004");
    r.patient_file = source("examples/aclf-hbv-si.yaml");
    r.protocol_file = source("protocols/pe-lf-china-nbal-2016.yaml");
    const auto [html, plan] = print(r);
    REQUIRE(plan.at("anticoagulation").at("method") == "heparin");
    CHECK(has(row(html, "Anticoagulant"), "<b>heparin</b>"));
    CHECK(has(row(html, "Heparin bolus at the start"), " IU"));
    CHECK(has(row(html, "Heparin infusion"), " IU/h"));
    CHECK(has(row(html, "Heparin per session"),
              display(plan, "/anticoagulation/heparin_per_session")));
    for (const char* citrate : {"Citrate infusion rate", "AC volume per session",
                                "Ionised calcium checks", "Calcium gluconate", "Inlet:AC"}) {
      INFO(std::string(citrate));
      CHECK(row(html, citrate).empty());
    }
    CHECK(has(row(html, "Technique"), "membrane plasma separation"));
    CHECK(has(row(html, "Blood flow"), display(plan, "/separation/flow")));
    CHECK(has(html, "No sessions recorded yet."));
    check_no_raw_keys(html);
  }

  TEST_CASE("printable page: albumin-only replacement orders no FFP") {
    Request r;
    r.patient_id = records::PatientId("LB-ACLF-0002");
    r.patient_file = source("examples/aclf-alcohol.yaml");
    r.protocol_file = source("protocols/pe-aclf-apache-pe-a5.yaml");
    const auto [html, plan] = print(r);
    REQUIRE(plan.at("replacement").at("mix") == "albumin");
    CHECK(has(row(html, "Replacement fluid"), "albumin solution only"));
    CHECK(has(row(html, "FFP<"), "none"));
    CHECK(has(row(html, "FFP for the course"), "none"));
    CHECK(row(html, "FFP units per session").empty());
    CHECK(has(row(html, "Albumin solution volume per session (5 % albumin, 50 g/L)"),
              display(plan, "/replacement/albumin_volume_per_session")));
    CHECK(has(row(html, "Albumin vials per session"),
              display(plan, "/replacement/albumin_vials_per_session")));
    CHECK(has(row(html, "Albumin vials per session"), "vials of 12.5 g"));
    CHECK(has(row(html, "Albumin vials for the course"),
              display(plan, "/replacement/albumin_vials_per_course")));
    CHECK_FALSE(has(html, "FFP units</th>"));  // no FFP column in the schedule
    check_no_raw_keys(html);
  }

  TEST_CASE("printable page: overrides are shown on their rule and in the approval") {
    Request r;
    r.patient_file = source("examples/alf-paracetamol.yaml");
    r.protocol_file = source("protocols/pe-lf-china-nbal-2016.yaml");
    r.overrides = {{model::RuleId("haemodynamic_instability"),
                    "noradrenaline weaning; ICU consultant agrees"}};
    const auto [html, plan] = print(r);
    const auto rules = between(html, "<table class=\"rules\">", "</table>");
    const auto r_row = between(rules, "haemodynamic_instability", "</tr>");
    CHECK(has(r_row, "noradrenaline weaning; ICU consultant agrees"));
    CHECK(has(r_row, "relative"));
    CHECK(has(r_row, "flagged"));
    CHECK(has(html, "Overrides recorded at approval</b>"));
    CHECK(has(html, "<li><span class=\"mono\">haemodynamic_instability</span>: noradrenaline"));
    CHECK(count(rules, "<tr class=\"rule triggered\">") >= 1);
    check_no_raw_keys(html);
  }

  TEST_CASE("printable page: a plan stored before the stable order fields shows the same sizes") {
    Request r;
    r.edit = [](json& j) {  // as a plan stored before replacement.ffp_unit_volume & co existed
      for (const char* key :
           {"ffp_unit_volume", "albumin_concentration", "albumin_vial_mass", "fluid_balance"}) {
        j["replacement"].erase(key);
      }
      j["anticoagulation"].erase("inlet_ac_ratio");
    };
    const auto [html, plan] = print(r);
    CHECK(has(row(html, "Inlet:AC ratio"), "10 : 1"));
    CHECK(has(row(html, "FFP units per session"), "units of 250 mL"));
  }

  TEST_CASE("printable page: limit crossings are the stored findings and never re-decided") {
    Request r;
    r.edit = [](json& j) {
      // Without the stored finding the page does not call the rate above its limit, whatever
      // the two numbers say; with a stored inlet-cap finding it says the flow was capped.
      auto& warnings = j["warnings"];
      json kept = json::array();
      for (const auto& w : warnings) {
        if (w["code"] != "citrate.rate_above_limit") kept.push_back(w);
      }
      kept.push_back({{"code", "separation.inlet_capped"}, {"message", "capped"}, {"figure", ""}});
      warnings = kept;
    };
    const auto [html, plan] = print(r);
    REQUIRE(plan.at("anticoagulation").at("citrate_rate").at("value").get<double>() >
            plan.at("anticoagulation").at("citrate_rate_limit").at("value").get<double>());
    CHECK(has(row(html, "Citrate infusion rate to the patient"), "within the limit of"));
    CHECK_FALSE(has(row(html, "Citrate infusion rate to the patient"), "ABOVE"));
    CHECK(has(row(html, "Inlet flow limit"), "flow capped: yes"));
  }

  TEST_CASE("printable page: the fluid balance reads stored volumes in any unit") {
    Request r;
    r.edit = [](json& j) {  // the replacement volume stored in litres, 100 mL above the exchange
      auto& v = j["replacement"]["replacement_volume_per_session"];
      v["value"] = (j["exchange"]["volume_per_session"]["value"].get<double>() + 100) / 1000;
      v["unit"] = "L";
    };
    const auto [html, plan] = print(r);
    CHECK(has(row(html, "Fluid balance per session"), ">+100 mL<br>"));
    CHECK(has(row(html, "Fluid balance per session"), "more replaced than removed"));
  }

  TEST_CASE("printable page: a plan without session orders or schedule or rules is not junk") {
    Request r;
    r.protocol_file = source("tests/records/data/test-kinetics.yaml");
    r.edit = [](json& j) {  // as an older plan that had no course and no eligibility
      j.erase("schedule");
      j.erase("kinetics");
      j["eligibility"] = nullptr;
      j["protocol"]["unverified"] = json::array();
    };
    const auto [html, plan] = print(r);
    for (const char* text :
         {"The protocol states no eligibility rules: no verdict.",
          "The protocol gives no replacement-fluid orders: not part of this plan.",
          "The protocol gives no anticoagulation orders: not part of this plan.",
          "The protocol gives no separation settings: not part of this plan.",
          "No replacement-fluid orders in this plan: nothing to order for the course.",
          "No schedule: the plan is for one session", "The protocol models no lab values",
          "The protocol states no stop criteria", "None: the protocol lists no unverified values.",
          "No sessions recorded yet.", "<th>Sessions performed</th><td>0</td>",
          "Overrides recorded at approval: none."}) {
      INFO(std::string(text));
      CHECK(has(html, text));
    }
    CHECK(has(row(html, "Exchange volume per session"),
              display(plan, "/exchange/volume_per_session")));
    CHECK_FALSE(has(html, "<table class=\"schedule\">"));
    check_no_raw_keys(html);
  }

  TEST_CASE("printable page: everything it prints is escaped") {
    Request r;
    r.approved_by = "Dr <b>Evil</b> & 'Co'";
    std::string session = io::read_file(kSession1);
    session.replace(session.find("perioral tingling"), 17, "<script>alert(1)</script>");
    r.session_files = {session};
    const auto [html, plan] = print(r);
    CHECK_FALSE(has(html, "<script"));
    CHECK_FALSE(has(html, "<b>Evil"));
    CHECK(has(html, "Dr &lt;b&gt;Evil&lt;/b&gt; &amp; &#39;Co&#39;"));
    CHECK(has(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    CHECK(report::html_escape("a<b & \"c\"") == "a&lt;b &amp; &quot;c&quot;");
  }

  TEST_CASE("printable page: a course without a plan cannot be printed") {
    lb::testing::TempDir dir;
    records::Store store(dir.file("records.db"));
    store.add_patient(records::PatientId("P1"), "nurse");
    CHECK_THROWS_AS(
        report::render_printable_html(records::review_course(store, records::PatientId("P1"))),
        std::invalid_argument);
  }
}
