// The course review as text (terminal), Markdown (notes, tickets) and JSON
// (stable names, docs/records.md). Deviations beyond tolerance are marked
// "!!" in text and bold in Markdown; every re-fitted figure says "model estimate".
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "records/review.hpp"

namespace lb::records {

nlohmann::json review_json(const CourseReview& review);
std::string render_review_text(const CourseReview& review);
std::string render_review_markdown(const CourseReview& review);

/// "f (intravascular fraction): 0.32 from pre 1 (…), post 1 (…); published: protocol 0.25
/// (range 0.20–0.30)": a fitted value always beside the protocol's.
std::string fitted_line(const FittedParameter& p);
/// A refitted lab's estimate: immediately after and at the efficacy labs, as bands.
std::string refit_estimate_line(const CourseRefit& r);

}  // namespace lb::records
