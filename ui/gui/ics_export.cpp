#include "gui/ics_export.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

#include "schedule/calendar.hpp"
#include "text/format.hpp"
#include "units/quantities.hpp"

namespace lb::gui {

namespace {

/// RFC 5545 §3.3.11: backslash, semicolon, comma and newline are escaped in TEXT.
std::string escaped(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

/// RFC 5545 §3.1: lines longer than 75 octets are folded (CRLF + space),
/// never inside a UTF-8 sequence.
void add_line(std::string& out, const std::string& line) {
  std::size_t start = 0;
  std::size_t limit = 75;
  while (line.size() - start > limit) {
    std::size_t cut = start + limit;
    while (cut > start && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    out += line.substr(start, cut - start) + "\r\n ";
    start = cut;
    limit = 74;  // the leading space counts
  }
  out += line.substr(start) + "\r\n";
}

void add_event(std::string& out, const std::string& uid, std::string_view stamp,
               schedule::LocalTime from, schedule::LocalTime to, const std::string& summary,
               const std::string& description) {
  add_line(out, "BEGIN:VEVENT");
  add_line(out, "UID:" + uid);
  add_line(out, "DTSTAMP:" + std::string(stamp));
  add_line(out, "DTSTART:" + schedule::ics_date_time(from));
  add_line(out, "DTEND:" + schedule::ics_date_time(to));
  add_line(out, "SUMMARY:" + escaped(summary));
  add_line(out, "DESCRIPTION:" + escaped(description));
  add_line(out, "END:VEVENT");
}

}  // namespace

std::string schedule_ics(const plan::Plan& plan, std::string_view dtstamp_utc) {
  if (!plan.course || !plan.course->start) return {};
  const course::Course& c = *plan.course;
  // The protocol's hash keeps UIDs of different plans apart; the session number within one.
  const std::string uid_base =
      plan.patient.id + "-" + plan.protocol.id + "-" + plan.protocol.sha256.substr(0, 12);
  std::string ffp;
  if (plan.session && plan.session->replacement) {
    ffp = ", FFP " + text::shown(plan.session->replacement->ffp_units.how.shown);
  }
  std::string out;
  add_line(out, "BEGIN:VCALENDAR");
  add_line(out, "VERSION:2.0");
  add_line(out, "PRODID:-//LiverBridge//plasma-exchange planner//EN");
  add_line(out, "CALSCALE:GREGORIAN");
  for (const auto& s : c.sessions) {
    if (!s.start_at || !s.end_at) continue;
    const std::string n = std::to_string(s.timing.number);
    const std::string volume = text::grouped(units::in_milliliters(s.exchange_volume), 0) + " mL";
    std::string description = "Plasma exchange " + volume + ffp + ". Protocol " + plan.protocol.id +
                              " v" + plan.protocol.version + ".";
    if (s.check.evaluated) description += "\nEligibility re-check: " + s.check.text;
    if (!s.timing.moved.empty()) description += "\nMoved: " + s.timing.moved;
    description += std::string("\n") + plan::kDisclaimer;
    add_event(out, uid_base + "-session-" + n + "@liverbridge", dtstamp_utc, *s.start_at, *s.end_at,
              "TPE session " + n + " \u00b7 " + plan.patient.id, description);
    if (s.labs_at) {
      add_event(out, uid_base + "-labs-" + n + "@liverbridge", dtstamp_utc, *s.labs_at,
                *s.labs_at + std::chrono::minutes(15),
                "Efficacy labs after session " + n + " \u00b7 " + plan.patient.id,
                std::string(s.timing.reassess ? "Re-assess the course after these labs. " : "") +
                    plan::kDisclaimer);
    }
  }
  add_line(out, "END:VCALENDAR");
  return out;
}

std::string utc_stamp_now() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buf[32];
  (void)std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &utc);
  return buf;
}

}  // namespace lb::gui
