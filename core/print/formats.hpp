// How the printable page writes what it reads from a stored plan and the
// records: codes in report::wording's words (the page never prints a raw code
// where a clinician reads it, nor words of its own), lab names by the field
// catalogue's labels, and its ways of writing times and shares.
#pragma once

#include <string>

#include "report/stored_plan.hpp"
#include "report/wording.hpp"
#include "units/quantities.hpp"

namespace lb::print {

/// A stored code in report::wording's words; the stored text for a code this
/// program does not know (a plan from a newer version).
template <class E>
std::string code_words(const report::StoredCode<E>& c) {
  return c.value ? std::string(report::words_for(*c.value)) : c.text;
}
/// The status as every output heads it: "NOT READY: a hard limit or ...".
std::string status_headline(const report::StoredCode<plan::Status>& s);
/// A verdict or a rule's outcome in its short form ("ELIGIBLE WITH CAUTIONS", "met").
std::string short_words(const report::StoredCode<eligibility::Verdict>& v);
std::string short_words(const report::StoredCode<eligibility::Outcome>& o);

/// "ionized_calcium" -> the field catalogue's label; unknown keys capitalised with spaces.
std::string analyte_label(const std::string& analyte);
/// "citrate_reaction" -> "citrate reaction".
std::string event_words(const std::string& event);

/// 125 -> "2 h 5 min".
std::string minutes_words(double minutes);
/// 0.034 -> "+3.4 %".
std::string signed_percent(units::Fraction deviation);

/// "2026-12-05T08:00" (local wall time) -> "Sat 5 Dec 2026 08:00".
std::string local_when(const std::string& iso);
/// "2026-11-20T08:00:00Z" (records, UTC) -> "Fri 20 Nov 2026 08:00" (the caller
/// names the zone); the stamp itself when it is not in that form.
std::string utc_readable(const std::string& stamp);
/// utc_readable + " UTC".
std::string utc_when(const std::string& stamp);
/// The clock ("08:00") and the date ("Sat 5 Dec 2026") of a readable time.
std::string clock_of(const std::string& readable);
std::string date_of(const std::string& readable);
/// "Sun 6 Dec 2026 02:26" -> "Sun 6 Dec 02:26" (the year is in the schedule's heading).
std::string without_year(const std::string& readable);

}  // namespace lb::print
