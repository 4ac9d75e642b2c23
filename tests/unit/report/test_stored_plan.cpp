// The typed reader of stored plan JSON (core/report/stored_plan.*): a plan
// written by plan_json and read back gives the plan's own typed values, and a
// plan stored in the older layout (tests/data/stored_plans/) reads the same.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "io/atomic_write.hpp"
#include "io/sha256.hpp"
#include "patient/patient_loader.hpp"
#include "plan/build_plan.hpp"
#include "protocol/protocol_loader.hpp"
#include "report/plan_json.hpp"
#include "report/plan_text.hpp"
#include "report/stored_plan.hpp"
#include "text/format.hpp"
#include "units/compare.hpp"

using namespace lb;

namespace {

std::string source(const std::string& relative) {
  return std::string(LB_SOURCE_DIR) + "/" + relative;
}

struct Built {
  patient::Patient patient;
  protocol::Protocol protocol;
  plan::Plan plan;
};

/// The plan for an example patient under a bundled protocol, as build_plan makes it.
Built build(const std::string& patient_file, const std::string& protocol_id,
            std::optional<std::string> start = std::nullopt) {
  const auto pt = patient::load_patient_file(source(patient_file));
  const auto path = source("protocols/" + protocol_id + ".yaml");
  const auto pr = protocol::load_protocol_file(path);
  REQUIRE(pt.patient.has_value());
  REQUIRE(pr.protocol.has_value());
  Built b{*pt.patient, *pr.protocol, {}};
  std::optional<schedule::LocalTime> at;
  if (start) at = *schedule::parse_local_time(*start).value;
  b.plan = plan::build_plan(
      {b.patient, patient_file, b.protocol, path, io::sha256_hex(io::read_file(path)), {}, at});
  return b;
}

report::StoredPlan read_back(const plan::Plan& p) {
  const auto read = report::read_stored_plan(report::render_json(p));
  INFO(read.error);
  REQUIRE(read.plan.has_value());
  return *read.plan;
}

/// The JSON keeps 6 decimals of the display unit: equal within that rounding.
template <class Q>
void check_same(const std::optional<Q>& stored, Q original) {
  REQUIRE(stored.has_value());
  CHECK(std::abs(stored->value() - original.value()) <= 1e-6 * std::abs(original.value()) + 1e-12);
}

}  // namespace

TEST_SUITE("report") {
  TEST_CASE("stored plan round trip: a citrate FFP plan reads back the plan's typed values") {
    const auto b = build("examples/alf-paracetamol.yaml", "hvp-alf-larsen-2016");
    const auto& p = b.plan;
    const auto s = read_back(p);
    CHECK(s.format == report::StoredFormat::stable_orders);
    CHECK(s.status == p.status());
    CHECK(s.protocol.id == p.protocol.id);
    CHECK(s.protocol.sha256 == p.protocol.sha256);
    CHECK(s.patient.diagnosis == p.patient.diagnosis);

    check_same(s.volumes.total_blood_volume.quantity, p.total_blood_volume.value);
    check_same(s.volumes.plasma_volume.quantity, p.plasma_volume.value);
    check_same(s.volumes.ideal_body_weight.quantity, p.ideal_body_weight.value);
    check_same(s.exchange.volume_per_session.quantity, p.exchange.volume.value);
    CHECK(s.exchange.rule == p.protocol.rule);
    CHECK(s.exchange.volume_per_session.display == text::shown(p.exchange.volume.how.shown));

    REQUIRE(p.session.has_value());
    REQUIRE(p.session->replacement.has_value());
    REQUIRE(s.replacement.has_value());
    const auto& r = *p.session->replacement;
    const auto& sr = *s.replacement;
    CHECK(sr.mix == r.mix);
    CHECK(sr.sessions == r.sessions);
    check_same(sr.replacement_volume.quantity, r.replacement_volume.value);
    check_same(sr.ffp_volume.quantity, r.ffp_volume.value);
    CHECK(sr.ffp_units.quantity == doctest::Approx(r.ffp_units.value));
    CHECK(sr.ffp_units_course.quantity == doctest::Approx(r.ffp_units_course.value));
    check_same(sr.albumin_volume.quantity, r.albumin_volume.value);
    check_same(sr.ffp_unit_volume.quantity, r.ffp_unit_volume);
    check_same(sr.albumin_concentration.quantity, r.albumin_concentration);
    check_same(sr.albumin_vial_mass.quantity, r.albumin_vial);

    REQUIRE(p.session->anticoagulation.has_value());
    REQUIRE(p.session->anticoagulation->citrate.has_value());
    REQUIRE(s.anticoagulation.has_value());
    CHECK(s.anticoagulation->method == protocol::Anticoagulant::citrate);
    CHECK(s.anticoagulation->inlet_ac_ratio.quantity ==
          doctest::Approx(units::in_parts(p.session->anticoagulation->citrate->inlet_to_ac_ratio)));
    const auto& c = *p.session->anticoagulation->citrate;
    const auto& sa = *s.anticoagulation;
    CHECK(sa.citrate_rate.display == text::shown(c.citrate_rate.how.shown));
    check_same(sa.citrate_rate.quantity, c.citrate_rate.value);
    check_same(sa.citrate_rate_limit.quantity, c.rate_limit.value);
    check_same(sa.citrate_concentration.quantity, c.citrate_concentration.value);
    check_same(sa.ac_volume.quantity, c.ac_volume.value);
    check_same(sa.ac_rate.quantity, c.ac_rate.value);
    check_same(sa.citrate_from_ac.quantity, c.citrate_from_ac.value);
    CHECK(sa.citrate_from_ffp.present() == c.citrate_from_ffp.has_value());
    if (c.citrate_from_ffp) check_same(sa.citrate_from_ffp.quantity, c.citrate_from_ffp->value);
    CHECK(sa.calcium_gluconate.present() == c.calcium_gluconate.has_value());
    if (c.calcium_gluconate) check_same(sa.calcium_gluconate.quantity, c.calcium_gluconate->value);
    // The crossing the engine decided is the finding the reader returns.
    CHECK(s.has_finding("citrate.rate_above_limit") ==
          units::above(c.citrate_rate.value, c.rate_limit.value));

    REQUIRE(p.session->separation.has_value());
    REQUIRE(s.separation.has_value());
    CHECK(s.separation->technique == p.session->separation->technique);
    const auto& run = *p.session->separation;
    const auto& ss = *s.separation;
    check_same(ss.duration.quantity, run.duration.value);
    check_same(ss.flow.quantity, run.flow.value);
    check_same(ss.whole_blood_flow.quantity, run.whole_blood_flow.value);
    check_same(ss.plasma_removal_rate.quantity, run.plasma_removal_rate.value);
    check_same(ss.whole_blood_processed.quantity, run.whole_blood_processed.value);
    CHECK(ss.inlet_flow_cap.present() == run.inlet_cap.has_value());
    if (run.inlet_cap) check_same(ss.inlet_flow_cap.quantity, run.inlet_cap->value);
    REQUIRE(run.extracorporeal_fraction_tbv.has_value());
    check_same(ss.extracorporeal_fraction_tbv.quantity, run.extracorporeal_fraction_tbv->value);
    check_same(ss.ac_returned_fraction.quantity, run.ac_returned.value);
    CHECK(ss.inlet_capped == run.inlet_capped);
    CHECK(s.has_finding("separation.inlet_capped") == run.inlet_capped);

    // Findings: every code and severity, errors first as the JSON lists them.
    std::vector<std::pair<diag::Severity, std::string>> expected;
    for (const auto sev : {diag::Severity::error, diag::Severity::warning}) {
      for (const auto& f : p.findings) {
        if (f.severity == sev) expected.emplace_back(f.severity, f.code);
      }
    }
    REQUIRE(s.findings.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
      CHECK(s.findings[i].severity == expected[i].first);
      CHECK(s.findings[i].code == expected[i].second);
      CHECK(s.has_finding(expected[i].second));
    }
    CHECK_FALSE(s.has_finding("no.such_code"));

    REQUIRE(p.eligibility.has_value());
    REQUIRE(s.eligibility.has_value());
    CHECK(s.eligibility->verdict == p.eligibility->verdict);
    REQUIRE(s.eligibility->rules.size() == p.eligibility->rules.size());
    for (std::size_t i = 0; i < p.eligibility->rules.size(); ++i) {
      CHECK(s.eligibility->rules[i].id == p.eligibility->rules[i].id.str());
      CHECK(s.eligibility->rules[i].outcome == p.eligibility->rules[i].outcome);
      CHECK(s.eligibility->rules[i].triggered == p.eligibility->rules[i].triggered);
    }

    REQUIRE(p.course.has_value());
    REQUIRE(s.schedule.has_value());
    CHECK(s.sessions_planned == p.course->settings.sessions);
    REQUIRE(s.schedule->sessions.size() == p.course->sessions.size());
    for (std::size_t i = 0; i < p.course->sessions.size(); ++i) {
      const auto& planned = p.course->sessions[i];
      CHECK(s.schedule->sessions[i].number == planned.timing.number);
      CHECK(s.schedule->sessions[i].day == planned.timing.day);
      CHECK(s.schedule->sessions[i].reassess == planned.timing.reassess);
      CHECK_FALSE(s.schedule->sessions[i].start.has_value());  // no --start
      check_same(s.schedule->sessions[i].exchange_volume.quantity, planned.exchange_volume);
    }
    CHECK(s.schedule->stop_criteria.size() == p.course->stop_criteria.size());
    CHECK(s.kinetics.size() == p.course->kinetics.size() + p.course->not_predicted.size());
  }

  TEST_CASE("ideal body weight not computed: no 0 kg in Markdown or JSON and none read back") {
    // A 90 cm adult under a plasma-volume rule: Devine extrapolated gives no positive
    // weight, the plan goes on (issue 11).
    auto b = build("examples/aclf-alcohol.yaml", "pe-aclf-plexar");
    b.protocol.ideal_body_weight.below_60_inches = protocol::ShortStaturePolicy::extrapolate;
    b.patient.height = units::centimeters(90);
    const auto p = plan::build_plan(
        {b.patient, "short.yaml", b.protocol, "plexar.yaml", io::sha256_hex("short"), {}, {}});
    REQUIRE_FALSE(explain::computed(p.ideal_body_weight.how));

    const std::string md = report::render_markdown(p);
    const auto row = md.find("| Ideal body weight | ");
    REQUIRE(row != std::string::npos);
    const std::string ibw_row = md.substr(row, md.find('\n', row) - row);
    CHECK(ibw_row.find("| Ideal body weight | not computed |") == 0);
    CHECK(ibw_row.find("0.0 kg") == std::string::npos);
    const auto j = report::plan_json(p)["volumes"]["ideal_body_weight"];
    CHECK(j["value"].is_null());
    CHECK(j["display"] == "not computed");
    CHECK(j["derivation"]["method"].get<std::string>().rfind("not computed: ", 0) == 0);

    const auto s = read_back(p);
    CHECK_FALSE(s.volumes.ideal_body_weight.quantity.has_value());
    CHECK(s.volumes.ideal_body_weight.display == "not computed");
    check_same(s.exchange.volume_per_session.quantity, p.exchange.volume.value);

    // A plan stored before this change kept the placeholder 0: read as not computed too.
    auto old = report::plan_json(p);
    old["volumes"]["ideal_body_weight"]["value"] = 0.0;
    old["volumes"]["ideal_body_weight"]["display"] = "0.0 kg";
    const auto read = report::read_stored_plan(old.dump());
    REQUIRE(read.plan.has_value());
    CHECK_FALSE(read.plan->volumes.ideal_body_weight.quantity.has_value());
    CHECK(read.plan->volumes.ideal_body_weight.display == "not computed");
  }

  TEST_CASE("stored plan round trip: heparin and membrane and a dated course") {
    const auto b = build("examples/aclf-hbv-si.yaml", "pe-lf-china-nbal-2016", "2026-12-05T08:00");
    const auto& p = b.plan;
    const auto s = read_back(p);
    REQUIRE(s.anticoagulation.has_value());
    CHECK(s.anticoagulation->method == protocol::Anticoagulant::heparin);
    CHECK_FALSE(s.anticoagulation->inlet_ac_ratio.present());
    CHECK(s.anticoagulation->heparin_bolus.present());  // {value, unit}: shown from the value
    CHECK(s.anticoagulation->heparin_bolus.display.find(" IU") != std::string::npos);
    REQUIRE(s.separation.has_value());
    CHECK(s.separation->technique == protocol::SeparationTechnique::membrane);
    REQUIRE(p.course.has_value());
    REQUIRE(s.schedule.has_value());
    REQUIRE(s.schedule->start.has_value());
    CHECK(*s.schedule->start == schedule::iso(*p.course->start));
    REQUIRE_FALSE(s.schedule->sessions.empty());
    CHECK(*s.schedule->sessions.front().start ==
          schedule::iso(*p.course->sessions.front().start_at));
  }

  TEST_CASE("stored plan: quantities convert from any unit of their dimension and only those") {
    nlohmann::json j = nlohmann::json::parse(
        report::render_json(build("examples/alf-paracetamol.yaml", "hvp-alf-larsen-2016").plan));
    const double ml = j["exchange"]["volume_per_session"]["value"].get<double>();
    j["exchange"]["volume_per_session"]["value"] = ml / 1000.0;
    j["exchange"]["volume_per_session"]["unit"] = "L";
    j["separation"]["duration"]["value"] = 2.5;
    j["separation"]["duration"]["unit"] = "h";
    j["replacement"]["replacement_volume_per_session"]["unit"] = "mg";  // not a volume
    const auto s = report::read_stored_plan(j.dump());
    REQUIRE(s.plan.has_value());
    REQUIRE(s.plan->exchange.volume_per_session.quantity.has_value());
    CHECK(units::in_milliliters(*s.plan->exchange.volume_per_session.quantity) ==
          doctest::Approx(ml));
    REQUIRE(s.plan->separation->duration.quantity.has_value());
    CHECK(units::in_minutes(*s.plan->separation->duration.quantity) == doctest::Approx(150));
    CHECK_FALSE(s.plan->replacement->replacement_volume.quantity.has_value());
    CHECK(s.plan->replacement->replacement_volume.present());  // still shown as stored
  }

  TEST_CASE("stored plan: the older layout reads the settings from the derivations") {
    // A plan stored before the stable order fields (unit sizes, albumin strength and the
    // inlet:AC ratio only as derivation inputs): FFP and albumin, citrate.
    const auto old = report::read_stored_plan(
        io::read_file(source("tests/data/stored_plans/plexar-derivation-inputs.json")));
    INFO(old.error);
    REQUIRE(old.plan.has_value());
    const auto& s = *old.plan;
    CHECK(s.format == report::StoredFormat::derivation_inputs);
    REQUIRE(s.replacement.has_value());
    check_same(s.replacement->ffp_unit_volume.quantity, units::milliliters(250));
    check_same(s.replacement->albumin_concentration.quantity, units::g_per_l(50));
    check_same(s.replacement->albumin_vial_mass.quantity, units::grams(12.5));
    CHECK(s.replacement->ffp_unit_volume.display == "250 mL");
    REQUIRE(s.anticoagulation.has_value());
    CHECK(s.anticoagulation->inlet_ac_ratio.quantity == doctest::Approx(10));
    CHECK(s.anticoagulation->inlet_ac_ratio.display == "10");

    // The same plan in the current layout gives the same values.
    auto j = nlohmann::json::parse(
        io::read_file(source("tests/data/stored_plans/plexar-derivation-inputs.json")));
    j["replacement"]["ffp_unit_volume"] = {{"value", 250}, {"unit", "mL"}, {"display", "250 mL"}};
    j["replacement"]["albumin_concentration"] = {
        {"value", 50}, {"unit", "g/L"}, {"display", "50 g/L"}};
    j["replacement"]["albumin_vial_mass"] = {{"value", 12.5}, {"unit", "g"}, {"display", "12.5 g"}};
    j["anticoagulation"]["inlet_ac_ratio"] = 10;
    const auto now = report::read_stored_plan(j.dump());
    REQUIRE(now.plan.has_value());
    CHECK(now.plan->format == report::StoredFormat::stable_orders);
    CHECK(units::in_milliliters(*now.plan->replacement->ffp_unit_volume.quantity) ==
          doctest::Approx(units::in_milliliters(*s.replacement->ffp_unit_volume.quantity)));
    CHECK(now.plan->anticoagulation->inlet_ac_ratio.quantity ==
          s.anticoagulation->inlet_ac_ratio.quantity);
  }

  TEST_CASE("stored plan: the plan JSON states its layout and the reader follows it") {
    const auto b = build("examples/aclf-alcohol.yaml", "pe-aclf-plexar");
    const auto j = nlohmann::json::parse(report::render_json(b.plan));
    REQUIRE(j.contains(report::kFormatKey));
    CHECK(j[report::kFormatKey] == static_cast<int>(report::kCurrentFormat));
    CHECK(read_back(b.plan).format == report::kCurrentFormat);

    // The stated number wins over what the plan holds: a current-looking plan that
    // says it is the older layout is read as one, and a plan from a newer program
    // (a number this one does not know) is read as the newest layout it knows.
    auto stated_old = j;
    stated_old[report::kFormatKey] = static_cast<int>(report::StoredFormat::derivation_inputs);
    CHECK(report::read_stored_plan(stated_old.dump()).plan->format ==
          report::StoredFormat::derivation_inputs);
    auto newer = nlohmann::json::parse(
        io::read_file(source("tests/data/stored_plans/plexar-derivation-inputs.json")));
    REQUIRE_FALSE(newer.contains(report::kFormatKey));  // the older fixture predates the key
    newer[report::kFormatKey] = 99;
    CHECK(report::read_stored_plan(newer.dump()).plan->format == report::kCurrentFormat);
  }

  TEST_CASE("stored plan: what cannot be read says why") {
    CHECK(report::read_stored_plan("{not json").error == "the stored plan is not JSON");
    CHECK(report::read_stored_plan("[1, 2]").error == "the stored plan is not a JSON object");
    // JSON objects that are not plans (an empty object, a patient, a debrief) are refused,
    // each saying what a plan has that it lacks, rather than read as an empty plan.
    CHECK(report::read_stored_plan("{}").error ==
          "the stored JSON is not a LiverBridge plan: it has no liverbridge_version");
    const auto b = build("examples/aclf-alcohol.yaml", "pe-aclf-plexar");
    const auto full = nlohmann::json::parse(report::render_json(b.plan));
    for (const char* key : {"protocol", "volumes", "exchange"}) {
      CAPTURE(key);
      auto j = full;
      j.erase(key);
      const auto r = report::read_stored_plan(j.dump());
      CHECK_FALSE(r.plan.has_value());
      CHECK(r.error == std::string("the stored JSON is not a LiverBridge plan: it has no '") + key +
                           "' object");
    }
    auto odd_status = full;
    odd_status["status"] = "approved";
    CHECK(report::read_stored_plan(odd_status.dump()).error ==
          "the stored JSON is not a LiverBridge plan: its status 'approved' is not ready, "
          "ready_with_warnings or not_ready");
    const nlohmann::json debrief = {{"liverbridge_version", "0.1.0"}, {"scenario", "x"}};
    CHECK_FALSE(report::read_stored_plan(debrief.dump()).plan.has_value());

    // The sections a plan may lack (no eligibility rules, no replacement, no schedule) are
    // absent in what is read, not refused.
    auto minimal = full;
    for (const char* key : {"eligibility", "replacement", "schedule"}) minimal.erase(key);
    const auto m = report::read_stored_plan(minimal.dump());
    INFO(m.error);
    REQUIRE(m.plan.has_value());
    CHECK_FALSE(m.plan->eligibility.has_value());
    CHECK_FALSE(m.plan->replacement.has_value());
    CHECK_FALSE(m.plan->schedule.has_value());
    CHECK_FALSE(m.plan->sessions_planned.has_value());
    CHECK(m.plan->status.value.has_value());
  }
}
