// The words the printable page uses for the stored plan's codes, and its ways of
// writing times: the page never prints a raw code where a clinician reads it.
#pragma once

#include <string>

#include "report/stored_plan.hpp"

namespace lb::print {

std::string status_words(const report::StoredCode<plan::Status>& s);
std::string verdict_words(const report::StoredCode<eligibility::Verdict>& v);
std::string diagnosis_words(const report::StoredCode<patient::Diagnosis>& d);
std::string outcome_words(const report::StoredCode<eligibility::Outcome>& o);
std::string rule_words(const report::StoredCode<protocol::ExchangeRule>& r);
std::string mix_words(const report::StoredCode<protocol::ReplacementMix>& m);
std::string technique_words(const report::StoredCode<protocol::SeparationTechnique>& t);
std::string model_words(const report::StoredCode<protocol::KineticModel>& m);
/// "ionized_calcium" -> "Ionised calcium"; unknown keys capitalised with spaces.
std::string analyte_words(const std::string& analyte);
/// "citrate_reaction" -> "citrate reaction".
std::string event_words(const std::string& event);

/// 125 -> "2 h 5 min".
std::string minutes_words(double minutes);
/// 0.034 -> "+3.4 %".
std::string signed_percent(double fraction);

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
