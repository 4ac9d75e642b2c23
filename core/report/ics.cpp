#include "report/ics.hpp"

#include <array>
#include <chrono>
#include <cstdio>

#include "text/format.hpp"

namespace lb::report {

namespace {

constexpr std::size_t kMaxOctets = 75;

/// Length of the UTF-8 sequence that starts with byte `c` (1 for invalid lead bytes).
std::size_t sequence_length(unsigned char c) {
  if (c >= 0xF0) return 4;
  if (c >= 0xE0) return 3;
  if (c >= 0xC0) return 2;
  return 1;
}

void line(std::string& out, const std::string& name, const std::string& value) {
  out += ics_fold(name + ":" + value);
}

std::string uid(const plan::Plan& plan, const std::string& what) {
  return plan.protocol.sha256.substr(0, 16) + "-" + plan.patient.id + "-" +
         schedule::ics_date_time(*plan.course->start) + "-" + what + "@liverbridge";
}

void event(std::string& out, const plan::Plan& plan, const std::string& what,
           const std::string& stamp, schedule::LocalTime start, schedule::LocalTime end,
           const std::string& summary, const std::string& description) {
  out += "BEGIN:VEVENT\r\n";
  line(out, "UID", ics_escape(uid(plan, what)));
  line(out, "DTSTAMP", stamp);
  line(out, "DTSTART", schedule::ics_date_time(start));
  line(out, "DTEND", schedule::ics_date_time(end));
  line(out, "SUMMARY", ics_escape(summary));
  line(out, "DESCRIPTION", ics_escape(description));
  out += "END:VEVENT\r\n";
}

/// The orders a ward needs on the calendar entry: fluids in whole units and the
/// anticoagulant with its volume; empty when the session engines did not run.
std::string session_orders(const plan::Plan& plan) {
  if (!plan.session) return "";
  std::string out;
  if (const auto& r = plan.session->replacement) {
    if (r->ffp_units.value > 0) {
      out += "FFP " + std::to_string(r->ffp_units.value) + " units (" +
             text::shown(r->ffp_volume.how.shown) + ")";
    }
    if (r->albumin_vials.value > 0) {
      if (!out.empty()) out += " + ";
      out += "albumin " + std::to_string(r->albumin_vials.value) + " vials (" +
             text::shown(r->albumin_grams.how.shown) + ")";
    }
    if (!r->ffp_last.empty()) out += "; " + r->ffp_last;
    if (!out.empty()) out += ".\n";
  }
  if (const auto& a = plan.session->anticoagulation) {
    out += "Anticoagulation: " + std::string(protocol::to_string(a->method));
    if (a->citrate) {
      out += " " + std::string(protocol::to_string(a->citrate->solution)) + ", " +
             text::shown(a->citrate->ac_volume.how.shown);
    }
    out += ".\n";
  }
  return out;
}

}  // namespace

std::string ics_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\n': out += "\\n"; break;
      case '\r': break;
      default: out += c;
    }
  }
  return out;
}

std::string ics_fold(std::string_view line) {
  std::string out;
  std::size_t used = 0;  // octets on the current physical line
  std::size_t i = 0;
  while (i < line.size()) {
    const std::size_t n =
        std::min(sequence_length(static_cast<unsigned char>(line[i])), line.size() - i);
    if (used + n > kMaxOctets) {
      out += "\r\n ";  // continuation lines start with one space, which counts as an octet
      used = 1;
    }
    out.append(line.substr(i, n));
    used += n;
    i += n;
  }
  return out + "\r\n";
}

std::string render_ics(const plan::Plan& plan, const std::string& stamp) {
  std::string out = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n";
  line(out, "PRODID", "-//LiverBridge//Plasma-exchange course//EN");
  out += "CALSCALE:GREGORIAN\r\n";
  if (!plan.course || !plan.course->start) return out + "END:VCALENDAR\r\n";
  const auto& c = *plan.course;
  const std::string who = plan.patient.id + " · " + plan.protocol.id;
  for (const auto& s : c.sessions) {
    const std::string n = std::to_string(s.timing.number);
    std::string description =
        "Exchange " + text::shown({units::in_milliliters(s.exchange_volume), "mL", 0}) +
        " (protocol " + plan.protocol.id + " v" + plan.protocol.version + ").\n" +
        session_orders(plan) + "Eligibility re-check: " + s.check.text + ".\n";
    if (!s.timing.moved.empty()) description += "Session " + s.timing.moved + ".\n";
    description += plan::kDisclaimer;
    event(out, plan, "session-" + n, stamp, *s.start_at, *s.end_at,
          "Plasma exchange " + n + "/" + std::to_string(c.sessions.size()) + " · " + who,
          description);
    const auto labs_end = *s.labs_at + std::chrono::minutes{15};
    event(out, plan, "labs-" + n, stamp, *s.labs_at, labs_end,
          "Efficacy labs after session " + n + (s.timing.reassess ? " + re-assess course" : "") +
              " · " + who,
          "Draw at least " + text::shown({units::in_hours(c.settings.labs_after), "h", 0}) +
              " after the session ends (ASFA 2023): values drawn immediately after a session are "
              "not comparable with pre-session values.\n" +
              plan::kDisclaimer);
  }
  return out + "END:VCALENDAR\r\n";
}

std::string ics_utc_stamp_now() {
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  const auto day = std::chrono::floor<std::chrono::days>(now);
  const std::chrono::year_month_day ymd{day};
  const std::chrono::hh_mm_ss hms{now - day};
  std::array<char, 32> b{};
  std::snprintf(b.data(), b.size(), "%04d%02u%02uT%02d%02d%02dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  return b.data();
}

}  // namespace lb::report
