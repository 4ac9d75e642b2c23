#include "bridge/prediction_check.hpp"

#include <cmath>

#include "bridge/compare_values.hpp"
#include "bridge/evaluate.hpp"
#include "bridge/names.hpp"
#include "text/format.hpp"
#include "units/compare.hpp"

namespace lb::bridge {

namespace {

using units::Fraction;

double pct(Fraction f) { return static_cast<double>(f) * 100.0; }

std::string band_text(const Band& b) {
  std::string out = text::fixed(pct(b.mean_fall), 1);
  if (b.sd) out += " ± " + text::fixed(pct(*b.sd), 1);
  return out + " % fall (n = " + std::to_string(b.n) + ", " + b.modality + ")";
}

/// Inside mean ± 2 SD (boundary included), or not evaluable without a published spread.
void judge(const Band& b, const std::optional<Fraction>& fall, Status& status, std::string& reason,
           std::string& note, const char* what) {
  if (!fall) return;
  if (!b.sd) {
    reason = "the publication gives a mean without a spread";
    const double d = pct(*fall) - pct(b.mean_fall);
    if (std::fabs(d) >= 0.05) {
      note += std::string(note.empty() ? "" : "; ") + what + " fall " + text::fixed(pct(*fall), 1) +
              " % differs from the published mean fall " + text::fixed(pct(b.mean_fall), 1) +
              " % by " + text::fixed(std::fabs(d), 1) + " percentage points";
    }
    return;
  }
  const Fraction two_sd = *b.sd * 2.0;
  const bool inside =
      units::at_least(*fall, b.mean_fall - two_sd) && units::at_most(*fall, b.mean_fall + two_sd);
  status = inside ? Status::met : Status::not_met;
}

/// The published end-of-session draws were taken within the hour after the session; efficacy
/// draws 12 h or more after it. Two hours separates the two with room on both sides.
const units::Duration kEndOfSessionWindow = units::hours(2);

std::string value_text(const Observation& o) {
  return o.text + " (" + o.source + ", " + time_text(o.at) + ")";
}

}  // namespace

std::vector<PredictionRow> prediction_rows(const Rule& rule, const BridgeInputs& in) {
  std::vector<PredictionRow> out;
  if (!rule.band) return out;
  const Band& b = *rule.band;
  // Predicted end-of-session values are compared with bands measured at the session end, the
  // planner's efficacy-draw values with bands measured later. A band measured within
  // kEndOfSessionWindow of the end is an end-of-session band (docs/bridge-rules.md).
  const bool end_of_session = units::at_most(*b.after_end.to, kEndOfSessionWindow);
  std::vector<int> numbers;
  for (const auto& s : in.sessions) {
    if (s.started <= in.at) numbers.push_back(s.number);
  }
  if (numbers.empty()) numbers.push_back(1);
  for (const int n : numbers) {
    PredictionRow row;
    row.rule = &rule;
    row.session = n;
    row.solute = b.solute;
    row.band_text = band_text(b);
    const SessionTime* s = nullptr;
    for (const auto& st : in.sessions) {
      if (st.number == n) s = &st;
    }
    const Observation *pre = nullptr, *post = nullptr;
    if (s != nullptr) {
      const Epoch prev_end = n > 1 && static_cast<std::size_t>(n - 2) < in.sessions.size()
                                 ? in.sessions[static_cast<std::size_t>(n - 2)].ended
                                 : 0;
      const Epoch next_start = static_cast<std::size_t>(n) < in.sessions.size()
                                   ? in.sessions[static_cast<std::size_t>(n)].started
                                   : in.at;
      for (const auto& o : in.observations) {
        if (o.input != b.solute || !o.at || *o.at > in.at) continue;
        // By draw time, never by storage order (patient files come before session labs): the
        // latest value before the session, the earliest in the band's time after it.
        if (*o.at >= prev_end && *o.at <= s->started && o.tag != Tag::post_session &&
            (pre == nullptr || *o.at > *pre->at)) {
          pre = &o;
        }
        if (*o.at >= s->ended && *o.at <= next_start && (post == nullptr || *o.at < *post->at)) {
          const auto after = units::elapsed_between(s->ended, *o.at);
          const bool in_band = (!b.after_end.from || units::at_least(after, *b.after_end.from)) &&
                               units::at_most(after, *b.after_end.to);
          if (in_band) post = &o;
        }
      }
    }
    if (pre != nullptr && post != nullptr) {
      const auto pv = detail::in_threshold_dimension(post->value, post->analyte, pre->value);
      if (pv) {
        row.measured_fall = pre->value.visit([&](auto q) -> std::optional<Fraction> {
          using Q = decltype(q);
          if (!units::above(q, Q::from_value(0.0))) return std::nullopt;
          return Fraction::from_value(1.0) - Fraction(pv->template get<Q>() / q);
        });
      }
      row.measured_values = value_text(*pre) + " → " + value_text(*post);
    }
    if (!row.measured_fall) {
      row.measured_reason =
          s == nullptr ? "no session recorded yet"
                       : "no measured pair: a pre-session value and a draw " +
                             std::string(end_of_session ? "at the session end"
                                                        : "in the band's time after the session");
    }
    for (const auto& p : in.predicted) {
      if (p.solute != b.solute || p.session != n) continue;
      row.predicted_fall = end_of_session ? p.fall_end_of_session : p.fall_efficacy;
      row.predicted_values =
          p.pre_text + " → " + (end_of_session ? p.post_text : p.next_day_text) + " (planner)";
    }
    if (!row.predicted_fall) row.predicted_reason = "the plan predicts no value for this draw";
    judge(b, row.measured_fall, row.measured, row.measured_reason, row.note, "measured");
    judge(b, row.predicted_fall, row.predicted, row.predicted_reason, row.note, "predicted");
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace lb::bridge
