// The sections of the printable page, in the order render_printable_html writes
// them; each reads the typed stored plan (report/stored_plan.hpp) and the course
// review, and decides no clinical fact itself: limit crossings come from the
// stored finding codes, flags from the stored rule outcomes and the review.
#pragma once

#include <vector>

#include "print/page.hpp"
#include "records/model.hpp"
#include "records/review.hpp"
#include "report/stored_plan.hpp"

namespace lb::print {

using report::StoredPlan;

/// Title, disclaimer, patient, protocol with hash, approval, reproducibility, status.
void header(Page& p, const records::CourseReview& course, const StoredPlan& plan);
/// The verdict, every rule with its deciding values, and the overrides recorded.
void eligibility(Page& p, const StoredPlan& plan, const records::PlanRecord& record);

// Orders per session (sub-sections of one numbered section).
void volume_orders(Page& p, const StoredPlan& plan);
void replacement_orders(Page& p, const StoredPlan& plan);
void anticoagulation_orders(Page& p, const StoredPlan& plan);
void separation_orders(Page& p, const StoredPlan& plan);

void course_totals(Page& p, const StoredPlan& plan);
void schedule_section(Page& p, const StoredPlan& plan);
void predicted_labs(Page& p, const StoredPlan& plan);
void stop_criteria(Page& p, const StoredPlan& plan);
void findings(Page& p, const StoredPlan& plan);
void unverified(Page& p, const StoredPlan& plan);

void sessions_performed(Page& p, const records::CourseReview& course);
/// Counts, delivered totals from `performed` against the plan, deviations, events,
/// the model estimate for the next session and the audit chain.
void course_summary(Page& p, const records::CourseReview& course, const StoredPlan& plan,
                    const std::vector<records::SessionRecord>& performed);
void signatures(Page& p);

}  // namespace lb::print
