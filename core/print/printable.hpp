// The printable plan and course record: one self-contained HTML page (inline
// CSS, no scripts, no external files) that prints on A4 from any browser.
// Chosen over PDF because it needs no extra library or font files, renders the
// same everywhere, and its content can be tested as text (docs/records.md).
#pragma once

#include <string>
#include <vector>

#include "records/model.hpp"
#include "records/review.hpp"

namespace lb::report {

/// The latest approved plan of the course, read from its stored plan JSON, in
/// the order a clinician checks and signs it: header (patient, protocol with
/// version and SHA-256, approval, reproducibility), eligibility with every
/// rule and override, the orders per session, course totals for the blood
/// bank, the schedule, predicted labs, stop criteria, warnings and errors,
/// unverified protocol values, the sessions performed against the plan, a
/// course summary and signature lines. `performed` (the patient's session
/// records, as Store::sessions_for returns them) adds the delivered totals to
/// the course summary; without it the summary states only counts. Throws
/// std::invalid_argument when the course has no plan or its JSON is broken.
std::string render_printable_html(const records::CourseReview& course,
                                  const std::vector<records::SessionRecord>& performed = {});

/// Escapes & < > " ' for HTML text and attributes.
std::string html_escape(const std::string& text);

}  // namespace lb::report
