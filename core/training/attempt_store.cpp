#include "training/attempt_store.hpp"

#include "records/timestamp.hpp"
#include "training/attempt_check.hpp"

namespace lb::training {

namespace {

using records::Statement;

std::optional<std::int64_t> optional_integer(const Statement& s, int column) {
  if (s.is_null(column)) return std::nullopt;
  return s.integer(column);
}

std::optional<int> optional_int(const Statement& s, int column) {
  if (s.is_null(column)) return std::nullopt;
  return static_cast<int>(s.integer(column));
}

// The columns of a summary, in the order read_summary reads them; `a` is training_attempts.
constexpr const char* kSummaryColumns =
    "SELECT a.id, a.scenario_id, a.scenario_version, a.scenario_sha256, a.seed, "
    "a.program_version, a.timeline_sha256, a.duration_s, a.complete, a.trainee_actions, "
    "a.instructor_acts, a.alarms, a.composite_score, a.objectives_met, a.objectives_total, "
    "a.instructor, a.self_rating, a.parent_id, a.branch_at_s, a.started_at, a.ended_at, "
    "a.saved_by, a.saved_at, a.trace_csv IS NOT NULL, a.debrief_json IS NOT NULL "
    "FROM training_attempts a ";

AttemptSummary read_summary(const Statement& s) {
  AttemptSummary a;
  a.id = AttemptId(s.integer(0));
  a.scenario_id = s.text(1);
  a.scenario_version = s.text(2);
  a.scenario_sha256 = s.text(3);
  a.seed = s.text(4);
  a.program_version = s.text(5);
  a.timeline_sha256 = s.text(6);
  a.figures.duration_s = s.integer(7);
  a.figures.complete = s.integer(8) != 0;
  a.figures.trainee_actions = static_cast<int>(s.integer(9));
  a.figures.instructor_acts = static_cast<int>(s.integer(10));
  a.figures.alarms = static_cast<int>(s.integer(11));
  a.figures.composite_score = s.optional_real(12);
  a.figures.objectives_met = optional_int(s, 13);
  a.figures.objectives_total = optional_int(s, 14);
  a.instructor = s.text(15);
  a.self_rating = optional_int(s, 16);
  if (const auto parent = optional_integer(s, 17)) a.parent = AttemptId(*parent);
  a.branch_at_s = optional_integer(s, 18);
  a.started_at = s.text(19);
  a.ended_at = s.text(20);
  a.saved_by = s.text(21);
  a.saved_at = s.text(22);
  a.has_trace = s.integer(23) != 0;
  a.has_debrief = s.integer(24) != 0;
  return a;
}

std::optional<std::string> text_or_null(const std::optional<NamedText>& t) {
  return t ? std::optional<std::string>(t->text) : std::nullopt;
}

std::optional<std::string> optional_time(const std::optional<records::Timestamp>& t) {
  return t ? std::optional<std::string>(t->utc) : std::nullopt;
}

/// A retry must be of the same scenario file and seed as the attempt it branched from, and
/// restart within it.
void check_parent(records::Database& db, const AttemptInput& in, const CheckedAttempt& c) {
  auto s =
      db.prepare("SELECT scenario_sha256, seed, duration_s FROM training_attempts WHERE id = ?");
  s.bind(1, in.parent->raw());
  diag::Diagnostics d;
  const diag::Location where{"attempt", 0, 0};
  if (!s.step()) {
    d.error(where, "parent", "there is no stored attempt " + in.parent->str());
  } else if (s.text(0) != c.scenario_sha256 || s.text(1) != c.timeline.seed) {
    d.error(where, "parent",
            "attempt " + in.parent->str() +
                " is of another scenario file or seed: a retry replays the same run");
  } else if (*in.branch_at_s > s.integer(2)) {
    d.error(where, "branch_at_s",
            std::to_string(*in.branch_at_s) + " s is after the end of attempt " + in.parent->str() +
                " (" + std::to_string(s.integer(2)) + " s)");
  }
  if (d.has_errors()) throw AttemptRefused(std::move(d));
}

}  // namespace

SqliteAttemptStore::SqliteAttemptStore(const std::string& path) : records_(path) {}

AttemptId SqliteAttemptStore::save(const AttemptInput& in) {
  auto check = check_attempt(in);
  if (!check.attempt) throw AttemptRefused(std::move(check.diagnostics));
  const CheckedAttempt& c = *check.attempt;
  const AttemptFigures& f = c.timeline.figures;
  auto& db = records_.database();
  std::int64_t id = 0;
  db.write_transaction([&] {
    if (in.parent) check_parent(db, in, c);
    auto ins = db.prepare(
        "INSERT INTO training_attempts(scenario_id, scenario_version, scenario_sha256, seed, "
        "program_version, timeline_sha256, timeline_jsonl, trace_csv, debrief_json, duration_s, "
        "complete, trainee_actions, instructor_acts, alarms, composite_score, objectives_met, "
        "objectives_total, instructor, self_rating, parent_id, branch_at_s, started_at, "
        "ended_at, saved_by, saved_at) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    ins.bind(1, c.timeline.scenario_id).bind(2, c.timeline.scenario_version);
    ins.bind(3, c.scenario_sha256).bind(4, c.timeline.seed).bind(5, c.program_version);
    ins.bind(6, c.timeline_sha256).bind(7, in.timeline.text);
    ins.bind(8, text_or_null(in.trace)).bind(9, text_or_null(in.debrief));
    ins.bind(10, f.duration_s).bind(11, static_cast<std::int64_t>(f.complete ? 1 : 0));
    ins.bind(12, static_cast<std::int64_t>(f.trainee_actions));
    ins.bind(13, static_cast<std::int64_t>(f.instructor_acts));
    ins.bind(14, static_cast<std::int64_t>(f.alarms));
    ins.bind(15, f.composite_score);
    const auto bind_int = [&](int index, const std::optional<std::int64_t>& v) {
      if (v) {
        ins.bind(index, *v);
      } else {
        ins.bind_null(index);
      }
    };
    const auto widen = [](const std::optional<int>& v) -> std::optional<std::int64_t> {
      return v ? std::optional<std::int64_t>(*v) : std::nullopt;
    };
    bind_int(16, widen(f.objectives_met));
    bind_int(17, widen(f.objectives_total));
    ins.bind(18, in.instructor.empty() ? std::optional<std::string>() : in.instructor);
    bind_int(19, widen(c.self_rating));
    bind_int(20, in.parent ? std::optional<std::int64_t>(in.parent->raw()) : std::nullopt);
    bind_int(21, in.branch_at_s);
    ins.bind(22, optional_time(in.started)).bind(23, optional_time(in.ended));
    ins.bind(24, in.saved_by).bind(25, records::now_utc().utc);
    ins.run();
    id = db.last_insert_id();
    for (std::size_t i = 0; i < in.trainees.size(); ++i) {
      db.prepare("INSERT INTO training_attempt_trainees VALUES(?,?,?)")
          .bind(1, id)
          .bind(2, static_cast<std::int64_t>(i + 1))
          .bind(3, in.trainees[i])
          .run();
    }
  });
  return AttemptId(id);
}

std::vector<std::string> SqliteAttemptStore::trainees_of(AttemptId id) {
  std::vector<std::string> out;
  auto s = records_.database().prepare(
      "SELECT label FROM training_attempt_trainees WHERE attempt_id = ? ORDER BY position");
  s.bind(1, id.raw());
  while (s.step()) out.push_back(s.text(0));
  return out;
}

std::vector<AttemptSummary> SqliteAttemptStore::attempts(const AttemptFilter& filter) {
  std::vector<AttemptSummary> out;
  auto s = records_.database().prepare(
      std::string(kSummaryColumns) +
      "WHERE (?1 = '' OR a.scenario_id = ?1) AND (?2 = '' OR EXISTS (SELECT 1 FROM "
      "training_attempt_trainees t WHERE t.attempt_id = a.id AND t.label = ?2)) ORDER BY a.id");
  s.bind(1, filter.scenario_id).bind(2, filter.trainee);
  while (s.step()) out.push_back(read_summary(s));
  for (auto& a : out) a.trainees = trainees_of(a.id);
  return out;
}

std::optional<AttemptRecord> SqliteAttemptStore::attempt(AttemptId id) {
  auto& db = records_.database();
  auto s = db.prepare(std::string(kSummaryColumns) + "WHERE a.id = ?");
  s.bind(1, id.raw());
  if (!s.step()) return std::nullopt;
  AttemptRecord r;
  r.summary = read_summary(s);
  // The texts only here: a listing never reads them (a day's timeline is megabytes).
  auto texts = db.prepare(
      "SELECT timeline_jsonl, trace_csv, debrief_json FROM training_attempts WHERE id = ?");
  texts.bind(1, id.raw());
  if (!texts.step()) return std::nullopt;
  r.timeline_jsonl = texts.text(0);
  r.trace_csv = texts.optional_text(1);
  r.debrief_json = texts.optional_text(2);
  r.summary.trainees = trainees_of(id);
  return r;
}

}  // namespace lb::training
