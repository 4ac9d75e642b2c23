#include "bridge/derive.hpp"

#include <algorithm>
#include <cmath>

#include "bridge/compare_values.hpp"
#include "text/format.hpp"
#include "units/compare.hpp"

namespace lb::bridge {

namespace {

using units::AnyQuantity;
using units::Fraction;

std::string percent(double f) {
  return (f < 0 ? "−" : "+") + text::fixed(std::fabs(f) * 100.0, 1) + " %";
}

/// The measured values of `input` at or before `at`, oldest first (undated ones first).
std::vector<const Observation*> series(const BridgeInputs& in, const std::string& input) {
  std::vector<const Observation*> out;
  for (const auto& o : in.observations) {
    if (o.input == input && (!o.at || *o.at <= in.at)) out.push_back(&o);
  }
  std::stable_sort(out.begin(), out.end(), [](const Observation* a, const Observation* b) {
    return a->at.value_or(-1) < b->at.value_or(-1);
  });
  return out;
}

/// b / a (a lab in the other unit system converted through its molar mass); empty when
/// they cannot be compared or a is not positive.
std::optional<double> ratio(const Observation& a, const Observation& b) {
  const auto bv = detail::in_threshold_dimension(b.value, b.analyte, a.value);
  if (!bv) return std::nullopt;
  return a.value.visit([&](auto qa) -> std::optional<double> {
    using Q = decltype(qa);
    const Q qb = bv->get<Q>();
    if (!units::above(qa, Q::from_value(0.0))) return std::nullopt;
    const Fraction r = qb / qa;
    return static_cast<double>(r);
  });
}

Observation derived(const BridgeInputs& in, std::string input, const Observation* last,
                    double value, std::string text,
                    std::string source = "computed from measured values") {
  Observation o;
  o.input = std::move(input);
  o.value = AnyQuantity::of(Fraction::from_value(value));
  o.text = std::move(text);
  o.at = last != nullptr ? last->at : std::optional<Epoch>(in.at);
  o.tag = last != nullptr ? last->tag : Tag::untagged;
  o.source = std::move(source);
  return o;
}

/// TBRR = (pre-session value − previous post-session value) / previous post-session value.
void add_tbrr(const BridgeInputs& in, std::vector<Observation>& out) {
  const auto bili = series(in, "bilirubin");
  for (std::size_t n = in.sessions.size(); n-- > 1;) {
    const auto& prev = in.sessions[n - 1];
    const auto& next = in.sessions[n];
    if (next.started > in.at) continue;
    const Observation *post = nullptr, *pre = nullptr;
    for (const auto* o : bili) {
      if (!o->at) continue;
      if ((o->tag == Tag::post_session || o->tag == Tag::efficacy) && *o->at >= prev.ended &&
          *o->at <= next.started) {
        if (post == nullptr) post = o;  // the first draw after the session: its post value
      }
      if (o->tag == Tag::pre_session && *o->at >= prev.ended && *o->at <= next.started) pre = o;
    }
    if (post == nullptr || pre == nullptr) continue;
    const auto r = ratio(*post, *pre);
    if (!r) continue;
    out.push_back(derived(in, "tbrr", pre, *r - 1.0,
                          percent(*r - 1.0) + " (post-session " + std::to_string(prev.number) +
                              " " + post->text + " → pre-session " + std::to_string(next.number) +
                              " " + pre->text + ")"));
    return;  // the latest pair only
  }
}

void add_change(const BridgeInputs& in, const std::string& input, bool absolute,
                std::vector<Observation>& out) {
  std::vector<const Observation*> valid;
  for (const auto* o : series(in, input)) {
    if (equilibrated(*o, in.equilibration)) valid.push_back(o);
  }
  if (valid.size() < 2) return;
  const auto* first = valid.front();
  const auto* last = valid.back();
  std::string both = " (" + first->text + " → " + last->text + ")";
  if (absolute) {
    // Grades are ordinal: the change is a difference of grades, not a ratio.
    const double a = static_cast<double>(first->value.get<Fraction>());
    const double b = static_cast<double>(last->value.get<Fraction>());
    out.push_back(derived(in, input + "_change", last, b - a,
                          (b - a >= 0 ? "+" : "−") + text::fixed(std::fabs(b - a), 0) + both));
    return;
  }
  const auto r = ratio(*first, *last);
  if (!r) return;
  out.push_back(derived(in, input + "_change", last, *r - 1.0, percent(*r - 1.0) + both));
}

}  // namespace

bool equilibrated(const Observation& o, units::Duration equilibration) {
  if (o.tag == Tag::post_session) return false;
  return !(o.after_session && units::below(*o.after_session, equilibration));
}

std::vector<Observation> derived_observations(const BridgeInputs& in) {
  std::vector<Observation> out;
  const auto given = std::count_if(in.sessions.begin(), in.sessions.end(),
                                   [&](const SessionTime& s) { return s.started <= in.at; });
  std::string planned =
      in.sessions_planned ? " of " + std::to_string(*in.sessions_planned) + " planned" : "";
  out.push_back(derived(in, "sessions_given", nullptr, static_cast<double>(given),
                        std::to_string(given) + planned, "counted from the recorded sessions"));
  add_tbrr(in, out);
  for (const char* input : {"bilirubin", "inr", "pta", "ammonia"})
    add_change(in, input, false, out);
  add_change(in, "he_grade", true, out);
  return out;
}

}  // namespace lb::bridge
