#include "print/formats.hpp"

#include <cmath>

#include "patient/catalogue.hpp"
#include "schedule/calendar.hpp"
#include "text/format.hpp"

namespace lb::print {

std::string minutes_words(double minutes) {
  const auto total = static_cast<long>(std::lround(minutes));
  return std::to_string(total / 60) + " h " + std::to_string(total % 60) + " min";
}

std::string status_headline(const report::StoredCode<plan::Status>& s) {
  if (s.value) return report::headline(report::status_words(*s.value));
  return s.text.empty() ? "not stated" : s.text;
}

std::string short_words(const report::StoredCode<eligibility::Verdict>& v) {
  return v.value ? std::string(report::verdict_words(*v.value).short_form) : v.text;
}

std::string short_words(const report::StoredCode<eligibility::Outcome>& o) {
  return o.value ? std::string(report::outcome_words(*o.value).short_form) : o.text;
}

std::string analyte_label(const std::string& a) {
  if (const auto* f = patient::find_field("labs." + a)) return std::string(f->label);
  std::string out = a;
  for (auto& c : out) c = c == '_' ? ' ' : c;
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 32);
  return out;
}

std::string event_words(const std::string& e) {
  std::string out = e;
  for (auto& c : out) c = c == '_' ? ' ' : c;
  return out;
}

std::string local_when(const std::string& iso) {
  const auto p = schedule::parse_local_time(iso);
  return p.value ? schedule::readable(*p.value) : iso;
}

std::string utc_readable(const std::string& stamp) {
  if (stamp.size() < 16 || stamp.back() != 'Z') return stamp;
  const auto p = schedule::parse_local_time(stamp.substr(0, 16));
  return p.value ? schedule::readable(*p.value) : stamp;
}

std::string utc_when(const std::string& stamp) { return utc_readable(stamp) + " UTC"; }

std::string clock_of(const std::string& readable) {
  return readable.size() >= 5 ? readable.substr(readable.size() - 5) : readable;
}

std::string date_of(const std::string& readable) {
  return readable.size() > 6 ? readable.substr(0, readable.size() - 6) : readable;
}

std::string without_year(const std::string& readable) {
  const auto clock = readable.rfind(' ');
  const auto year = clock == std::string::npos ? clock : readable.rfind(' ', clock - 1);
  if (year == std::string::npos) return readable;
  return readable.substr(0, year) + readable.substr(clock);
}

std::string signed_percent(units::Fraction deviation) {
  const double p = units::in_percent(deviation);
  return (p > 0 ? "+" : "") + text::fixed(p, 1) + " %";
}

}  // namespace lb::print
