// The bridge view over a records store: tags and anchors gathered from the session times
// and the patient file's `bridge:` section, the plan untouched (case 14: the plan JSON is
// byte-identical with the view on and off), and the "seen" acknowledgement in the audit trail.
#include <doctest/doctest.h>

#include "../records/records_fixture.hpp"
#include "bridge/gather.hpp"
#include "bridge/render.hpp"
#include "bridge/view.hpp"
#include "bridge_fixture.hpp"
#include "records/review.hpp"
#include "records/session_reader.hpp"

namespace {

using namespace lb;

const char* kContext = R"(
bridge:
  labs_drawn_at: 2026-11-20T06:00Z
  labs_tag: before_exchange
)";

std::string patient_text() { return io::read_file(testing::kExamplePatient) + kContext; }

records::PlanInput plan_of(const std::string& text) {
  auto request = testing::example_request();
  request.patient_text = text;
  auto capture = records::capture_plan(request);
  INFO(capture.error);
  REQUIRE(capture.input.has_value());
  return *capture.input;
}

/// Session 1, 08:00-15:00 on 20 Nov, INR 6.9 before and `post` after (1 h after by default).
void add_session(records::Store& store,
                 const std::string& post = "{drawn_at: 2026-11-20T16:00Z, inr: 1.3}") {
  const auto load = records::parse_session(R"(patient: LB-ALF-0001
started_at: 2026-11-20T08:00Z
ended_at: 2026-11-20T15:00Z
plasma_removed: 10000 mL
replaced: {ffp: 10000 mL}
labs:
  pre:  {drawn_at: 2026-11-20T07:30Z, inr: 6.9}
  post: )" + post + "\n",
                                           "s.yaml");
  REQUIRE(load.session.has_value());
  store.add_session(*load.session, "Nurse Test");
}

}  // namespace

TEST_SUITE("bridge") {
  TEST_CASE("case 14: the plan JSON is byte-identical with the bridge view on and off") {
    testing::TempDir dir;
    const auto off = plan_of(io::read_file(testing::kExamplePatient));
    const auto on = plan_of(patient_text());
    CHECK(on.plan_json == off.plan_json);  // the bridge section does not reach the plan
    records::Store store(dir.file("r.db"));
    store.add_patient(testing::kExamplePatientId, "Dr Test");
    const auto id = store.add_plan(on);
    add_session(store);
    const auto g =
        bridge::gather_inputs(store, testing::kExamplePatientId.str(), testing::at_hours(40));
    const auto view = bridge::build_view(testing::bundled_rules(), g.inputs);
    (void)bridge::render_text(view);
    store.acknowledge(testing::kExamplePatientId, "bridge view at test", "Dr Seen");
    CHECK(store.plan(id)->plan_json == off.plan_json);
    CHECK(plan_of(patient_text()).plan_json == off.plan_json);
    CHECK(store.plans_for(testing::kExamplePatientId).size() == 1);
  }

  TEST_CASE("gathered tags: patient file before exchange - session labs pre and immediately post") {
    testing::TempDir dir;
    records::Store store(dir.file("r.db"));
    store.add_patient(testing::kExamplePatientId, "Dr Test");
    store.add_plan(plan_of(patient_text()));
    add_session(store);
    const auto g =
        bridge::gather_inputs(store, testing::kExamplePatientId.str(), testing::at_hours(40));
    CHECK(g.diagnostics.empty());
    std::vector<const bridge::Observation*> inr;
    for (const auto& o : g.inputs.observations) {
      if (o.input == "inr") inr.push_back(&o);
    }
    REQUIRE(inr.size() == 3);
    CHECK(inr[0]->tag == bridge::Tag::before_exchange);
    CHECK_FALSE(inr[0]->after_exchange);
    CHECK(inr[1]->tag == bridge::Tag::pre_session);
    CHECK_FALSE(inr[1]->after_exchange);
    CHECK(inr[2]->tag == bridge::Tag::post_session);
    CHECK(inr[2]->after_exchange);
    // KCC is judged on the pre-exchange INR (the latest: 6.9 before the session), never on 1.3.
    const auto view = bridge::build_view(testing::bundled_rules(), g.inputs);
    const auto& kcc = testing::row(view.listing, "kcc-paracetamol");
    CHECK(kcc.status == bridge::Status::met);
    bool used_pre = false;
    for (const auto& c : kcc.criteria) {
      for (const auto& v : c.values) {
        if (v.used && c.label.rfind("INR", 0) == 0) used_pre = v.observation.text == "6.9";
      }
    }
    CHECK(used_pre);
  }

  TEST_CASE(
      "scores come from recorded labs newer than the patient file - inputs with time and tag") {
    testing::TempDir dir;
    records::Store store(dir.file("r.db"));
    store.add_patient(testing::kExamplePatientId, "Dr Test");
    store.add_plan(plan_of(patient_text()));  // labs drawn 2026-11-20T06:00Z
    // Post draw 20 h after the end (an efficacy draw): bilirubin 3.0 mg/dL and INR 1.9.
    add_session(store, "{drawn_at: 2026-11-21T11:00Z, bilirubin: 3.0 mg/dL, inr: 1.9}");
    const auto g =
        bridge::gather_inputs(store, testing::kExamplePatientId.str(), testing::at_hours(60));
    std::vector<const bridge::Observation*> meld;
    for (const auto& o : g.inputs.observations) {
      if (o.input == "meld") meld.push_back(&o);
    }
    REQUIRE(meld.size() == 2);
    CHECK(meld[0]->source == "patient file of plan 1");
    const auto& recorded = *meld[1];
    // MELD (on dialysis: creatinine 4.0 mg/dL) = 9.57·ln 4.0 + 3.78·ln 3.0 + 11.2·ln 1.9 + 6.43
    // = 13.2668 + 4.1528 + 7.1888 + 6.43 = 31.04, from the latest recorded bilirubin and INR.
    CHECK(static_cast<double>(recorded.value.get<units::Fraction>()) ==
          doctest::Approx(31.04).epsilon(1e-3));
    CHECK(recorded.at == records::parse_timestamp("2026-11-21T11:00Z").value->epoch_seconds);
    CHECK(recorded.tag == bridge::Tag::efficacy);
    CHECK(recorded.after_exchange);
    INFO(recorded.source);
    CHECK(recorded.source.find(
              "computed from the recorded Total bilirubin 3.0 mg/dL (session 1, post, "
              "2026-11-21T11:00:00Z, efficacy") == 0);
    CHECK(recorded.source.find("INR 1.9 (session 1, post, 2026-11-21T11:00:00Z") !=
          std::string::npos);
    CHECK(recorded.source.find("other inputs from the patient file of plan 1 "
                               "(2026-11-20T06:00:00Z)") != std::string::npos);
    CHECK(recorded.source.find("this score may understate severity") != std::string::npos);
    // Before the post draw only the pre-session INR is newer than the file: MELD with INR 6.9.
    const auto before =
        bridge::gather_inputs(store, testing::kExamplePatientId.str(), testing::at_hours(20));
    int counted = 0;
    for (const auto& o : before.inputs.observations) {
      if (o.input != "meld" || o.source.rfind("computed", 0) != 0) continue;
      ++counted;
      CHECK(o.tag == bridge::Tag::pre_session);
      CHECK(o.source.find("INR 6.9 (session 1, pre") != std::string::npos);
      CHECK(o.source.find("bilirubin") == std::string::npos);
    }
    CHECK(counted == 1);
  }

  TEST_CASE("a bad bridge section is reported at file:line:col") {
    testing::TempDir dir;
    records::Store store(dir.file("r.db"));
    store.add_patient(testing::kExamplePatientId, "Dr Test");
    store.add_plan(plan_of(io::read_file(testing::kExamplePatient) +
                           "\nbridge:\n  labs_drawn_at: 2026-11-20T06:00\n  icu_admited_at: x\n"));
    const auto g =
        bridge::gather_inputs(store, testing::kExamplePatientId.str(), testing::at_hours(40));
    std::string m;
    for (const auto& d : g.diagnostics.sorted()) m += diag::format(d) + "\n";
    INFO(m);
    CHECK(g.diagnostics.has_errors());
    CHECK(m.find("bridge.labs_drawn_at") != std::string::npos);
    CHECK(m.find("did you mean 'icu_admitted_at'") != std::string::npos);
    // Half a section is not read: the file's values carry no time and no tag, and a note says so.
    bool noted = false;
    for (const auto& n : g.inputs.notes)
      noted = noted || n.find("bridge: section") != std::string::npos;
    CHECK(noted);
    int from_file = 0;
    for (const auto& o : g.inputs.observations) {
      if (o.source.rfind("patient file", 0) != 0) continue;
      ++from_file;
      CHECK_FALSE(o.at.has_value());
      CHECK(o.tag == bridge::Tag::untagged);
    }
    CHECK(from_file > 5);
  }

  TEST_CASE("a post draw counts as an efficacy draw after the team's stated equilibration time") {
    const auto tag_of_post = [](const std::string& review_json) {
      testing::TempDir dir;
      records::Store store(dir.file("r.db"));
      store.add_patient(testing::kExamplePatientId, "Dr Test");
      auto request = testing::example_request(review_json);
      request.patient_text = patient_text();
      auto capture = records::capture_plan(request);
      REQUIRE(capture.input.has_value());
      store.add_plan(*capture.input);
      add_session(store, "{drawn_at: 2026-11-21T11:00Z, inr: 1.9}");
      const auto g =
          bridge::gather_inputs(store, testing::kExamplePatientId.str(), testing::at_hours(60));
      for (const auto& o : g.inputs.observations) {
        if (o.source == "session 1, post") return o.tag;
      }
      FAIL("no post draw");
      return bridge::Tag::untagged;
    };
    // Drawn 20 h after the end: an efficacy draw by ASFA's 12 h, not when the team states 24 h.
    CHECK(tag_of_post(records::make_review_json({}, "")) == bridge::Tag::efficacy);
    CHECK(tag_of_post(records::make_review_json({}, "24 h")) == bridge::Tag::post_session);
  }

  TEST_CASE("the transplant candidacy comes from the latest patient file that states it") {
    testing::TempDir dir;
    records::Store store(dir.file("r.db"));
    store.add_patient(testing::kExamplePatientId, "Dr Test");
    const std::string file = io::read_file(testing::kExamplePatient);
    store.add_plan(plan_of(file + "\nbridge:\n  transplant_candidacy: under_evaluation\n"));
    auto g = bridge::gather_inputs(store, testing::kExamplePatientId.str(), testing::at_hours(40));
    CHECK(g.inputs.candidacy == bridge::Candidacy::under_evaluation);
    store.add_plan(plan_of(file + "\nbridge:\n  transplant_candidacy: listed\n"));
    g = bridge::gather_inputs(store, testing::kExamplePatientId.str(), testing::at_hours(40));
    CHECK(g.inputs.candidacy == bridge::Candidacy::listed);
    store.add_plan(plan_of(file + "\nbridge:\n  transplant_candidacy: maybe\n"));
    g = bridge::gather_inputs(store, testing::kExamplePatientId.str(), testing::at_hours(40));
    std::string m;
    for (const auto& d : g.diagnostics.sorted()) m += diag::format(d) + "\n";
    CHECK(m.find("bridge.transplant_candidacy: 'maybe' is not one of: candidate, "
                 "under_evaluation, listed, not_candidate") != std::string::npos);
  }

  TEST_CASE("the seen acknowledgement is one audit entry with who and what - chained") {
    testing::TempDir dir;
    records::Store store(dir.file("r.db"));
    store.add_patient(testing::kExamplePatientId, "Dr Test");
    store.acknowledge(testing::kExamplePatientId, "bridge view at 2026-11-21T08:00:00Z", "Dr Seen");
    const auto audit = store.audit();
    REQUIRE(audit.size() == 2);
    CHECK(audit.back().actor == "Dr Seen");
    CHECK(audit.back().field == "seen");
    CHECK(audit.back().new_value == "bridge view at 2026-11-21T08:00:00Z");
    CHECK(store.verify_audit_chain().empty());
    CHECK_THROWS_AS(store.acknowledge(records::PatientId("nobody"), "x", "Dr Seen"),
                    records::InputError);
  }
}
