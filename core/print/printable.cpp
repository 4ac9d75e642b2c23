// Assembles the printable page from its sections (sections.hpp), in the order a
// clinician checks and signs, on the typed stored plan (report/stored_plan.hpp).
#include "print/printable.hpp"

#include <stdexcept>

#include "print/page.hpp"
#include "print/sections.hpp"
#include "report/stored_plan.hpp"

namespace lb::report {

std::string html_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string render_printable_html(const records::CourseReview& course,
                                  const std::vector<records::SessionRecord>& performed) {
  if (course.plans.empty()) {
    throw std::invalid_argument("patient '" + course.patient.str() +
                                "' has no approved plan to print");
  }
  const auto& latest = course.plans.back();
  auto read = read_stored_plan(latest.plan.plan_json);
  if (!read.plan) throw std::invalid_argument(read.error);
  const StoredPlan& plan = *read.plan;

  print::Page p;
  p.o << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>TPE plan " << html_escape(course.patient.str()) << ", plan record "
      << latest.plan.id.str() << "</title>\n<style>" << print::kStyle << "</style></head><body>\n";
  print::header(p, course, plan);
  print::eligibility(p, plan, latest.plan);
  p.section("Orders per session");
  print::volume_orders(p, plan);
  print::replacement_orders(p, plan);
  print::anticoagulation_orders(p, plan);
  print::separation_orders(p, plan);
  print::course_totals(p, plan);
  print::schedule_section(p, plan);
  print::predicted_labs(p, plan);
  print::stop_criteria(p, plan);
  print::findings(p, plan);
  print::unverified(p, plan);
  print::sessions_performed(p, course);
  print::course_summary(p, course, plan, performed);
  print::signatures(p);
  p.o << "<p class=\"foot\">Patient " << html_escape(course.patient.str()) << " · plan record "
      << latest.plan.id.str() << " · protocol " << html_escape(latest.plan.protocol_id) << " "
      << html_escape(latest.plan.protocol_version) << " · " << html_escape(plan::kDisclaimer)
      << "</p>\n";
  p.o << "</body></html>\n";
  return p.o.str();
}

}  // namespace lb::report
