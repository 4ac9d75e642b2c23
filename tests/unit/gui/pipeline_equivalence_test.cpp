// One patient, one protocol, the same overrides and course start, through the
// code of every front end that makes a plan: the command line (cli::run_plan),
// the window (gui::recompute), record capture (records::capture_plan), a
// stored plan re-run (records::reproduce_plan on the database row) and the
// cohort's full plan (cohort::Evaluator). Each must give the same plan JSON,
// byte for byte: a front end that hashes, overrides or names files its own way
// shows up here. Lives with the GUI tests because it links the window too.
#include <doctest/doctest.h>
#include <stdlib.h>

#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cohort/evaluate.hpp"
#include "gui/app_state.hpp"
#include "io/atomic_write.hpp"
#include "patient/patient_loader.hpp"
#include "plan/plan_sources.hpp"
#include "protocol/protocol_loader.hpp"
#include "records/plan_capture.hpp"
#include "records/reproduce.hpp"
#include "records/review.hpp"
#include "records/store.hpp"
#include "report/plan_json.hpp"

namespace {

namespace fs = std::filesystem;

constexpr const char* kPatientId = "LB-ALF-0001";  // examples/alf-paracetamol.yaml
constexpr const char* kProtocol = LB_SOURCE_DIR "/protocols/dpmas-half-pe.yaml";
constexpr const char* kRule = "severe_sepsis";  // a relative rule of dpmas-half-pe
constexpr const char* kReason = "source controlled, 48 h of antibiotics";
constexpr const char* kStart = "2026-12-05T08:00";

/// A temporary directory for the patient file and the records database.
struct Workspace {
  std::string dir;
  Workspace() {
    std::string tmpl = (fs::temp_directory_path() / "lb-pipeline-XXXXXX").string();
    REQUIRE(mkdtemp(tmpl.data()) != nullptr);
    dir = tmpl;
  }
  ~Workspace() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;
};

/// What every front end is given: a patient file, the protocol file, the choices.
struct Inputs {
  std::string patient_file, patient_text, protocol_text;
  std::string start;                             ///< "" for day numbers
  std::map<std::string, std::string> overrides;  ///< rule -> reason
};

Inputs inputs_in(const Workspace& w, bool sepsis, bool with_choices) {
  Inputs in;
  in.patient_text = lb::io::read_file(LB_SOURCE_DIR "/examples/alf-paracetamol.yaml");
  if (sepsis) {
    const auto at = in.patient_text.find("sepsis: false");
    REQUIRE(at != std::string::npos);
    in.patient_text.replace(at, 13, "sepsis: true");
  }
  in.patient_file = w.dir + "/patient.yaml";
  lb::io::atomic_write(in.patient_file, in.patient_text);
  in.protocol_text = lb::io::read_file(kProtocol);
  if (with_choices) {
    in.start = kStart;
    in.overrides[kRule] = kReason;
  }
  return in;
}

lb::eligibility::Overrides as_overrides(const Inputs& in) {
  return {in.overrides.begin(), in.overrides.end()};
}

std::string via_command_line(const Inputs& in) {
  lb::cli::PlanOptions o;
  o.patient = in.patient_file;
  o.protocol = kProtocol;
  o.format = "json";
  o.start = in.start;
  for (const auto& [rule, reason] : in.overrides) o.overrides.push_back(rule + "=" + reason);
  std::ostringstream out, err;
  const int code = lb::cli::run_plan(o, out, err);
  INFO(err.str());
  CHECK(code == lb::cli::kExitOk);
  return out.str();
}

/// The window as opened with the patient file and the protocol file, nothing persisted.
lb::gui::AppState window_on(const Inputs& in) {
  lb::gui::AppOptions o;
  o.bundled_protocols_dir = LB_SOURCE_DIR "/protocols";
  o.persist = false;
  o.patient_file = in.patient_file;
  o.protocol = kProtocol;
  return lb::gui::make_app_state(o);
}

std::string via_window(const Inputs& in) {
  auto s = window_on(in);
  s.course_start = in.start;
  for (const auto& [rule, reason] : in.overrides) s.override_reasons[rule] = reason;
  lb::gui::recompute(s);
  INFO(s.plan.why_not_current.size());
  REQUIRE(s.plan.current);
  CHECK(s.plan.set_aside.empty());
  return lb::report::render_json(*s.plan.plan);
}

lb::records::PlanCapture capture(const Inputs& in) {
  return lb::records::capture_plan({.patient = lb::records::PatientId(kPatientId),
                                    .patient_text = in.patient_text,
                                    .patient_file = in.patient_file,
                                    .protocol_text = in.protocol_text,
                                    .protocol_file = kProtocol,
                                    .overrides = as_overrides(in),
                                    .review_json = lb::records::make_review_json({}, ""),
                                    .approved_by = "Dr Test",
                                    .course_start = in.start});
}

std::string via_capture(const Inputs& in) {
  const auto c = capture(in);
  INFO(c.error);
  REQUIRE(c.input.has_value());
  return c.input->plan_json;
}

std::string via_reproduce(const Workspace& w, const Inputs& in) {
  const auto c = capture(in);
  REQUIRE(c.input.has_value());
  lb::records::Store store(w.dir + "/records.db");
  store.add_patient(lb::records::PatientId(kPatientId), "RN Seed");
  store.add_plan(*c.input);
  const auto plans = store.plans_for(lb::records::PatientId(kPatientId));
  REQUIRE(plans.size() == 1);
  const auto r = lb::records::reproduce_plan(plans.front());
  INFO(r.failure);
  CHECK(r.reproduced);
  return r.rerun_json;
}

std::string via_cohort(const Inputs& in) {
  const lb::cohort::Evaluator evaluator(
      lb::plan::prepare_protocol(lb::protocol::load_protocol_file(kProtocol)));
  const auto patient = lb::patient::load_patient_file(in.patient_file);
  REQUIRE(patient.patient.has_value());
  const auto attempt = evaluator.full_plan(*patient.patient, in.patient_file);
  REQUIRE(attempt.plan.has_value());
  return lb::report::render_json(*attempt.plan);
}

}  // namespace

TEST_SUITE("gui") {
  TEST_CASE("every front end makes the same plan JSON from the same inputs") {
    Workspace w;
    const Inputs in = inputs_in(w, /*sepsis=*/false, /*with_choices=*/false);
    const std::string cli = via_command_line(in);
    REQUIRE(cli.find("\"sha256\"") != std::string::npos);
    CHECK(via_window(in) == cli);
    CHECK(via_capture(in) == cli);
    CHECK(via_reproduce(w, in) == cli);
    CHECK(via_cohort(in) == cli);  // a cohort row has no overrides and no start
  }

  TEST_CASE("every front end that takes overrides and a start makes the same plan JSON") {
    Workspace w;
    const Inputs in = inputs_in(w, /*sepsis=*/true, /*with_choices=*/true);
    const std::string cli = via_command_line(in);
    // The override and the start reached the plan (not silently dropped by every path alike).
    REQUIRE(cli.find(kReason) != std::string::npos);
    REQUIRE(cli.find(kStart) != std::string::npos);
    CHECK(via_window(in) == cli);
    CHECK(via_capture(in) == cli);
    CHECK(via_reproduce(w, in) == cli);
  }

  TEST_CASE("an override the protocol does not allow is refused alike by every strict front end") {
    Workspace w;
    Inputs in = inputs_in(w, /*sepsis=*/false, /*with_choices=*/false);
    in.overrides["no_such_rule"] = "typed elsewhere";

    lb::cli::PlanOptions o;
    o.patient = in.patient_file;
    o.protocol = kProtocol;
    o.overrides = {"no_such_rule=typed elsewhere"};
    std::ostringstream out, err;
    CHECK(lb::cli::run_plan(o, out, err) == lb::cli::kExitBadInput);
    CHECK(out.str().empty());
    CHECK(err.str().find("no eligibility rule 'no_such_rule'") != std::string::npos);

    const auto c = capture(in);
    CHECK_FALSE(c.input.has_value());
    CHECK(c.error.find("no eligibility rule 'no_such_rule'") != std::string::npos);

    // A stored plan whose overrides its protocol no longer allows does not reproduce.
    const auto good = capture(inputs_in(w, false, false));
    REQUIRE(good.input.has_value());
    lb::records::PlanRecord stored;
    stored.patient_text = good.input->patient_text;
    stored.patient_file = good.input->patient_file;
    stored.protocol_text = good.input->protocol_text;
    stored.protocol_file = good.input->protocol_file;
    stored.plan_json = good.input->plan_json;
    stored.overrides_json = lb::records::overrides_json(as_overrides(in));
    const auto r = lb::records::reproduce_plan(stored);
    CHECK_FALSE(r.reproduced);
    CHECK(r.failure.find("no eligibility rule 'no_such_rule'") != std::string::npos);

    // The window keeps the reason (typed under another protocol) but says it is not used.
    auto s = window_on(in);
    s.override_reasons["no_such_rule"] = "typed elsewhere";
    lb::gui::recompute(s);
    REQUIRE(s.plan.current);
    REQUIRE(s.plan.set_aside.size() == 1);
    CHECK(s.plan.set_aside.front().find("'no_such_rule'") != std::string::npos);
    CHECK(lb::report::render_json(*s.plan.plan) == via_command_line(inputs_in(w, false, false)));
  }
}
