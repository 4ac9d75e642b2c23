// Drives one untrusted input through a loader and, when it loads, on through
// planning and every output format (text, Markdown, JSON, iCalendar, scores,
// records review and export). Shared by the libFuzzer targets (fuzz/) and the
// property tests (tests/unit/hostile/): the same code path, so that what the
// fuzzer explores is what the tests pin down.
//
// The properties: a loader never throws; an input that does not load carries at
// least one error diagnostic naming the file; an input that loads gives
// outputs that are valid UTF-8 with no control character but line feed and tab
// (and CR before LF in iCalendar). A violation is reported through `fail`,
// which the fuzz targets turn into a crash and the tests into a failed check.
#pragma once

#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "cohort/cohort.hpp"
#include "diag/diagnostic.hpp"
#include "fhir/import.hpp"
#include "patient/patient_loader.hpp"
#include "plan/build_plan.hpp"
#include "protocol/protocol_loader.hpp"
#include "records/export.hpp"
#include "records/plan_capture.hpp"
#include "records/review.hpp"
#include "records/review_render.hpp"
#include "records/session_reader.hpp"
#include "records/store.hpp"
#include "report/ics.hpp"
#include "report/plan_json.hpp"
#include "report/plan_text.hpp"
#include "report/scores_report.hpp"
#include "scores/score_set.hpp"
#include "text/utf8.hpp"
#include "units/parse.hpp"

namespace lb::hostile {

using Fail = std::function<void(const std::string& what)>;

/// Outcome of one input: whether it loaded, and how many outputs were checked.
struct Outcome {
  bool loaded = false;
  int outputs_checked = 0;
};

/// Reads a file of the repository (seed inputs, bundled protocols).
inline std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// Valid UTF-8, and no control character except LF and tab (CR only before LF when
/// `crlf` is allowed, as iCalendar requires).
inline void check_output(std::string_view what, std::string_view out, const Fail& fail,
                         bool crlf = false) {
  if (const auto bad = text::invalid_utf8_at(out)) {
    fail(std::string(what) + ": invalid UTF-8 at byte " + std::to_string(*bad));
    return;
  }
  std::size_t from = 0;
  while (from < out.size()) {
    const auto r = text::refused_character_at(out.substr(from), /*allow_line_breaks=*/true);
    if (!r) return;
    const std::size_t at = from + r->offset;
    if (!(crlf && r->code_point == '\r' && at + 1 < out.size() && out[at + 1] == '\n')) {
      fail(std::string(what) + ": control character " + text::code_point_name(r->code_point) +
           " at byte " + std::to_string(at) + ": " + text::escaped(out.substr(at, 80)));
      return;
    }
    from = at + 1;
  }
}

/// A loader's diagnostics for an input that did not load.
inline void check_refusal(std::string_view what, const diag::Diagnostics& d,
                          const std::string& file, const Fail& fail) {
  if (!d.has_errors()) {
    fail(std::string(what) + ": not loaded, but no error says why");
    return;
  }
  for (const auto& item : d.items()) {
    if (item.where.file != file) fail(std::string(what) + ": a diagnostic names no file");
    if (item.message.empty()) fail(std::string(what) + ": an empty diagnostic");
    check_output(what, diag::format(item), fail);
  }
}

inline const std::string& source_dir() {
  static const std::string dir = LB_SOURCE_DIR;
  return dir;
}

inline const protocol::ProtocolLoad& bundled_protocol(const std::string& id) {
  static std::map<std::string, protocol::ProtocolLoad> cache;
  auto it = cache.find(id);
  if (it == cache.end()) {
    it = cache.emplace(id, protocol::resolve_protocol(id, source_dir() + "/protocols")).first;
    if (!it->second.protocol) throw std::logic_error("bundled protocol " + id + " does not load");
  }
  return it->second;
}

inline const patient::PatientLoad& example_patient() {
  static const patient::PatientLoad load = patient::parse_patient(
      slurp(source_dir() + "/examples/aclf-alcohol.yaml"), "examples/aclf-alcohol.yaml");
  if (!load.patient) throw std::logic_error("the example patient does not load");
  return load;
}

inline schedule::LocalTime course_start() {
  static const auto start = *schedule::parse_local_time("2026-12-05T08:00").value;
  return start;
}

/// Every protocol the fuzzers plan with: different sections and models.
inline const std::vector<std::string>& protocol_ids() {
  static const std::vector<std::string> ids = {"pe-aclf-plexar", "hvp-alf-larsen-2016",
                                               "dpmas-half-pe", "pe-lf-china-nbal-2016"};
  return ids;
}

/// The plan and every rendering of it. Formula refusals (std::invalid_argument,
/// std::domain_error) are bad input, as the CLI reports them; anything else propagates.
inline int plan_everything(const patient::Patient& p, const protocol::ProtocolLoad& proto,
                           const Fail& fail) {
  std::optional<plan::Plan> plan;
  try {
    plan = plan::build_plan(plan::PlanRequest{
        p, "patient.yaml", *proto.protocol, proto.file, "0000", {}, course_start()});
  } catch (const std::invalid_argument&) {
    return 0;
  } catch (const std::domain_error&) {
    return 0;
  }
  check_output("plan text", report::render_text(*plan), fail);
  check_output("plan markdown", report::render_markdown(*plan), fail);
  check_output("plan json", report::render_json(*plan), fail);
  check_output("plan ics", report::render_ics(*plan, "20261204T000000Z"), fail, true);
  return 4;
}

inline int scores_everything(const patient::Patient& p, const Fail& fail) {
  const scores::ScoreSettings settings;
  const auto set = scores::compute_scores(p, settings);
  check_output("scores text", report::render_scores_text(p, "patient.yaml", set), fail);
  check_output("scores markdown", report::render_scores_markdown(p, "patient.yaml", set), fail);
  check_output("scores json", report::render_scores_json(p, "patient.yaml", set, settings), fail);
  return 3;
}

inline Outcome drive_patient(std::string_view text, const Fail& fail) {
  const std::string file = "patient.yaml";
  const auto load = patient::parse_patient(text, file);
  if (!load.patient) {
    check_refusal("patient", load.diagnostics, file, fail);
    return {};
  }
  Outcome o{true, scores_everything(*load.patient, fail)};
  for (const auto& id : protocol_ids()) {
    o.outputs_checked += plan_everything(*load.patient, bundled_protocol(id), fail);
  }
  return o;
}

inline Outcome drive_protocol(std::string_view text, const Fail& fail) {
  const std::string file = "protocol.yaml";
  auto load = protocol::parse_protocol(text, file);
  if (!load.protocol) {
    check_refusal("protocol", load.diagnostics, file, fail);
    return {};
  }
  return {true, plan_everything(*example_patient().patient, load, fail)};
}

inline Outcome drive_quantity(std::string_view text, const Fail& fail) {
  const auto q = units::parse_quantity(text, /*allow_bare_fraction=*/true);
  if (!q) {
    if (q.error.empty()) fail("quantity: refused without a reason");
    if (q.error.size() > 2000) fail("quantity: the message quotes too much of the input");
    return {};
  }
  if (!std::isfinite(q.value->si_value)) fail("quantity: a non-finite value was accepted");
  return {true, 0};
}

/// A cohort CSV through the real reader, header included. `with_header` puts a valid
/// header in front, so the fuzzer also reaches the rows without finding one first.
inline Outcome drive_cohort(std::string_view text, bool with_header, const Fail& fail) {
  static const std::string kHeader =
      "id,sex,age[years],height[cm],weight[kg],hematocrit[%],diagnosis,bilirubin[mg/dL],"
      "creatinine[mg/dL],lactate[mmol/L],inr,hepatic_encephalopathy_grade,platelets[10^9/L],"
      "ammonia[umol/L],albumin[g/L],sodium[mmol/L]\n";
  std::istringstream in(with_header ? kHeader + std::string(text) : std::string(text));
  std::ostringstream out, problems;
  cohort::Options options;
  options.threads = 1;
  options.chunk_rows = 7;
  static const auto protocol = plan::prepare_protocol(bundled_protocol("pe-aclf-plexar"));
  const auto run = cohort::run_cohort(in, out, problems, protocol, options);
  check_output("cohort results", out.str(), fail);
  check_output("cohort problems", problems.str(), fail);
  for (const auto& e : run.header_errors) check_output("cohort header", e, fail);
  if (!run.summary) {
    if (run.header_errors.empty()) fail("cohort: no summary and no header error");
    return {};
  }
  const auto& s = *run.summary;
  if (s.evaluated + s.skipped + s.not_planned != s.rows) fail("cohort: rows do not add up");
  return {true, 2};
}

/// A records database in a private temporary directory, removed on exit.
class ScratchDatabase {
 public:
  ScratchDatabase() {
    const char* shm = "/dev/shm";
    const std::string base = ::access(shm, W_OK) == 0 ? shm : "/tmp";
    dir_ = base + "/lb-hostile-" + std::to_string(::getpid()) + "-" + std::to_string(++counter());
    std::filesystem::remove_all(dir_);
    path_ = dir_ + "/records.db";
  }
  ~ScratchDatabase() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  ScratchDatabase(const ScratchDatabase&) = delete;
  ScratchDatabase& operator=(const ScratchDatabase&) = delete;
  [[nodiscard]] const std::string& path() const { return path_; }

 private:
  static int& counter() {
    static int n = 0;
    return n;
  }
  std::string dir_, path_;
};

/// Review, export and print of whatever the database holds for `patient`.
inline int review_everything(records::Store& store, const records::PatientId& patient,
                             const Fail& fail) {
  const auto review = records::review_course(store, patient);
  check_output("review json", records::review_json(review).dump(2), fail);
  check_output("review text", records::render_review_text(review), fail);
  check_output("review markdown", records::render_review_markdown(review), fail);
  check_output("export json", records::export_json(store, patient), fail);
  check_output("export csv", records::export_csv(store, patient), fail, true);
  return 5;
}

/// The records import paths: a patient file stored as an approved plan (capture_plan,
/// as `record plan` does), or a performed-session file stored against the example
/// patient's plan (`record session`); then review and export. Both under the
/// bundled HVP protocol, as in tests/records.
inline Outcome drive_records(std::string_view text, bool as_session, const Fail& fail) {
  ScratchDatabase scratch;
  const auto& proto = bundled_protocol("hvp-alf-larsen-2016");
  const std::string review_json = records::make_review_json({}, "");
  // As `record plan` captures it, under the bundled protocol, dated as in tests/records.
  const auto request = [&](const records::PatientId& id, std::string patient_text) {
    return records::PlanCaptureRequest{.patient = id,
                                       .patient_text = std::move(patient_text),
                                       .patient_file = "patient.yaml",
                                       .protocol_text = proto.text,
                                       .protocol_file = proto.file,
                                       .overrides = {},
                                       .review_json = review_json,
                                       .approved_by = "fuzzer",
                                       .course_start = "2026-12-05T08:00"};
  };
  if (!as_session) {
    const auto patient = patient::parse_patient(text, "patient.yaml");
    if (!patient.patient) {
      check_refusal("records patient", patient.diagnostics, "patient.yaml", fail);
      return {};
    }
    const records::PatientId id(patient.patient->id);
    const auto capture = records::capture_plan(request(id, std::string(text)));
    if (!capture.input) return {true, 0};
    records::Store store(scratch.path());
    store.add_patient(id, "fuzzer");
    store.add_plan(*capture.input);
    return {true, review_everything(store, id, fail)};
  }
  const auto session = records::parse_session(text, "session.yaml");
  if (!session.session) {
    check_refusal("records session", session.diagnostics, "session.yaml", fail);
    return {};
  }
  // The session files of tests/records/data are for this patient.
  static const std::string patient_text = slurp(source_dir() + "/examples/alf-paracetamol.yaml");
  static const auto example = patient::parse_patient(patient_text, "patient.yaml");
  if (!example.patient) throw std::logic_error("the records example patient does not load");
  if (session.session->patient != records::PatientId(example.patient->id)) return {true, 0};
  const auto capture = records::capture_plan(request(session.session->patient, patient_text));
  if (!capture.input) throw std::logic_error("the example plan cannot be captured");
  records::Store store(scratch.path());
  store.add_patient(session.session->patient, "fuzzer");
  store.add_plan(*capture.input);
  try {
    store.add_session(*session.session, "fuzzer");
  } catch (const records::InputError&) {
    return {true, 0};  // refused as `record session` refuses it (exit 2)
  }
  return {true, review_everything(store, session.session->patient, fail)};
}

/// A FHIR Bundle through `import --fhir`: the import never throws; every problem names a
/// JSON pointer and prints clean (a code or unit the Bundle spells with JSON escapes such as
/// \u001b reaches the terminal through these messages); a Bundle without errors gives a
/// clean patient file that loads or is refused with a located error, and is then scored.
inline Outcome drive_fhir_import(std::string_view text, const Fail& fail) {
  const auto r = fhir::import_bundle(text);
  for (const auto& p : r.problems) {
    if (p.message.empty()) fail("fhir import: an empty problem");
    if (!p.pointer.empty() && p.pointer.front() != '/') {
      fail("fhir import: a pointer that is no JSON pointer: " + text::escaped(p.pointer));
    }
    check_output("fhir import problem", fhir::format_problem("bundle.json", p), fail);
  }
  if (r.has_errors()) {
    if (!r.yaml.empty()) fail("fhir import: a patient file written despite errors");
    return {};
  }
  check_output("fhir import yaml", r.yaml, fail);
  const auto load = patient::parse_patient(r.yaml, "imported.yaml");
  if (!load.patient) {
    check_refusal("fhir imported patient", load.diagnostics, "imported.yaml", fail);
    return {true, 1};
  }
  return {true, 1 + scores_everything(*load.patient, fail)};
}

}  // namespace lb::hostile
