// schedule: number of sessions, the day pattern, timing (earliest start,
// minimum gap, session duration, efficacy labs), re-assessment points and
// stop criteria (LiverBridge clinical reference §8; efficacy labs §2.2 / ASFA 2023).
#include "protocol/loader/course_fields.hpp"
#include "protocol/loader/sections.hpp"
#include "protocol/names.hpp"
#include "units/compare.hpp"
#include "yaml/guarded_load.hpp"

namespace lb::protocol::detail {

using yaml::MapReader;
using yaml::Need;

namespace {

/// At most this many sessions in one course (APACHE: up to 9; Wilson: up to 11).
constexpr int kMaxSessions = 30;
/// Day numbers and course_days_max: a course longer than this is not a TPE course.
constexpr int kMaxCourseDay = 90;

void reject_unless(MapReader& r, const std::string& key, bool applies, const std::string& pattern) {
  if (applies || !r.has(key)) return;
  r.node(key, Need::optional);
  r.error_at(key, "applies only to pattern '" + pattern + "'; remove it or change the pattern");
}

void read_pattern(MapReader& r, ScheduleSettings& out, int sessions) {
  auto pattern = r.choice("pattern", Need::required, names::kSchedulePattern.options());
  if (pattern) out.pattern = *pattern;
  const bool then_alt = pattern == SchedulePattern::daily_then_alternate;
  const bool custom = pattern == SchedulePattern::custom;
  reject_unless(r, "daily_sessions", !pattern || then_alt, "daily_then_alternate");
  reject_unless(r, "days", !pattern || custom, "custom");
  if (then_alt) {
    if (auto n = r.integer("daily_sessions", Need::required, 1, kMaxSessions)) {
      if (sessions > 0 && *n > sessions) {
        r.error_at("daily_sessions", "is " + std::to_string(*n) + ", more than the " +
                                         std::to_string(sessions) +
                                         " sessions of the course; expected at most 'sessions'");
      } else {
        out.daily_sessions = *n;
      }
    }
  }
  if (custom) {
    if (auto days = read_int_list(r, "days", Need::required, 1, kMaxCourseDay)) {
      for (std::size_t i = 1; i < days->size(); ++i) {
        if ((*days)[i] <= (*days)[i - 1]) {
          r.error_at("days", "day " + std::to_string((*days)[i]) + " follows day " +
                                 std::to_string((*days)[i - 1]) +
                                 "; expected increasing day numbers, one session per day");
          return;
        }
      }
      if (sessions > 0 && static_cast<int>(days->size()) != sessions) {
        r.error_at("days", "lists " + std::to_string(days->size()) + " days for " +
                               std::to_string(sessions) +
                               " sessions; expected one day per session");
        return;
      }
      out.days = *days;
    }
  }
}

std::optional<StopCriterion> read_stop(MapReader& r) {
  const bool has_lab = r.has("lab");
  const bool has_event = r.has("event");
  if (has_lab == has_event) {
    r.diagnostics().error(r.location(), r.path(),
                          has_lab ? "has both 'lab' and 'event'; expected one of them"
                                  : "expected 'lab' with 'below' or 'above' (e.g. {lab: "
                                    "bilirubin, below: 5 mg/dL}) or 'event' (e.g. {event: "
                                    "transplant})");
    r.node("lab", Need::optional);
    r.node("event", Need::optional);
    return std::nullopt;
  }
  StopCriterion c;
  if (has_event) {
    std::vector<std::pair<std::string, std::string>> events;
    for (const auto& e : stop_event_words()) events.emplace_back(e, e);
    auto event = r.choice("event", Need::required, events);
    if (!event) return std::nullopt;
    c.event = *event;
    return c;
  }
  auto lab = r.choice("lab", Need::required, solute_words());
  const bool below = r.has("below");
  const bool above = r.has("above");
  if (below == above) {
    r.diagnostics().error(r.location(), r.path(),
                          below ? "has both 'below' and 'above'; expected one of them"
                                : "expected 'below' or 'above' with the target value");
    r.node("below", Need::optional);
    r.node("above", Need::optional);
    return std::nullopt;
  }
  if (!lab) {
    r.node(below ? "below" : "above", Need::optional);
    return std::nullopt;
  }
  const std::string key = below ? "below" : "above";
  auto target = read_lab_value(r, key, Need::required, *lab, /*allow_zero=*/false);
  if (!target) return std::nullopt;
  c.lab = *lab;
  c.comparison = below ? StopComparison::below : StopComparison::above;
  c.target = target->value;
  c.target_text = target->text;
  return c;
}

void read_stop_when(MapReader& r, ScheduleSettings& out) {
  auto list = r.node("stop_when", Need::optional);
  if (!list) return;
  if (!list->IsSequence()) {
    r.error_at("stop_when", "expected a list of '- {lab: ..., below: ...}' or '- {event: ...}'");
    return;
  }
  std::size_t index = 0;
  for (const auto& item : *list) {
    MapReader c(item, r.file(), r.key_path("stop_when") + "[" + std::to_string(index++) + "]",
                r.diagnostics());
    if (!c.valid()) continue;  // the reader reported "expected a mapping"
    if (auto stop = read_stop(c)) out.stop_when.push_back(*stop);
    c.finish();
  }
}

}  // namespace

void read_schedule(MapReader& top, ScheduleSettings& out, const std::vector<Source>* sources) {
  if (!top.has("schedule")) return;
  MapReader r = top.child("schedule", Need::optional);
  if (!r.valid()) return;
  out.given = true;
  auto sessions = r.integer("sessions", Need::required, 1, kMaxSessions);
  if (sessions) out.sessions = *sessions;
  read_pattern(r, out, sessions.value_or(0));
  if (auto v = read_duration(r, "earliest_start", Need::optional, true, kCourseDurationCeiling)) {
    out.earliest_start = v->value;
  }
  if (auto v = read_duration(r, "min_gap", Need::optional, false, kCourseDurationCeiling)) {
    out.min_gap = v->value;
  }
  constexpr Ceiling kSessionCeiling{24.0 * 3600.0, "24 h", "check the number and its unit",
                                    10.0 * 60.0, "10 min"};
  if (auto v = read_duration(r, "session_duration", Need::optional, false, kSessionCeiling)) {
    out.session_duration = v->value;
  }
  if (auto v = read_duration(r, "labs_after", Need::optional, false, kCourseDurationCeiling)) {
    // ASFA 2023 (ALF fact sheet): efficacy labs "the following day (>=12 hours or more after
    // TPE)"; earlier draws still show the intravascular dip (LiverBridge clinical reference §7.3).
    if (units::below(v->value, units::hours(12))) {
      r.error_at("labs_after", "'" + v->text +
                                   "' is less than 12 h; efficacy labs are due at least 12 h after "
                                   "a session (ASFA 2023), when redistribution has taken place");
    } else {
      out.labs_after = v->value;
    }
  }
  if (auto v = r.integer("course_days_max", Need::optional, 1, kMaxCourseDay)) {
    out.course_days_max = *v;
  }
  if (auto v = read_int_list(r, "reassess_after", Need::optional, 1, kMaxSessions)) {
    bool ok = true;
    for (int s : *v) {
      if (sessions && s > *sessions) {
        r.error_at("reassess_after", "session " + std::to_string(s) + " is beyond the " +
                                         std::to_string(*sessions) +
                                         " sessions of the course; expected 1 to 'sessions'");
        ok = false;
        break;
      }
    }
    if (ok) out.reassess_after = *v;
  }
  if (out.course_days_max && !session_days(out).empty() &&
      session_days(out).back() > *out.course_days_max) {
    r.error_at("course_days_max", "the pattern places session " + std::to_string(out.sessions) +
                                      " on day " + std::to_string(session_days(out).back()) +
                                      ", after day " + std::to_string(*out.course_days_max) +
                                      "; expected fewer sessions or a later last day");
  }
  read_stop_when(r, out);
  if (auto id = source_id(r, "source", Need::optional, sources)) out.source = *id;
  r.finish();
}

}  // namespace lb::protocol::detail
