// The page's header: who, under which protocol (with its hash), approved by
// whom, whether the stored plan still reproduces, and the plan's status.
#include "print/formats.hpp"
#include "print/printable.hpp"
#include "print/sections.hpp"

namespace lb::print {

namespace {
using report::html_escape;

/// "LB-ALF-0001 (male, 42 years, 70 kg, ...)" with the id in bold.
std::string patient_html(const records::CourseReview& course, const StoredPlan& plan) {
  const auto& patient = plan.patient;
  std::string details;
  const auto add = [&](const std::string& s) {
    if (!s.empty()) details += (details.empty() ? "" : ", ") + s;
  };
  add(patient.sex);
  add(patient.age.display);
  add(patient.weight.display);
  add(patient.height.display);
  if (patient.hematocrit.present()) add("haematocrit " + patient.hematocrit.display);
  if (!patient.diagnosis.text.empty()) add(code_words(patient.diagnosis));
  std::string who = "<b>" + html_escape(course.patient) + "</b>";
  return details.empty() ? who : who + " (" + html_escape(details) + ")";
}

std::string reproduction_html(const records::Reproduction& r) {
  if (r.reproduced) {
    return "reproduced: re-running the stored patient and protocol text with LiverBridge " +
           html_escape(r.current_version) + " gives the stored plan";
  }
  if (!r.failure.empty()) {
    return "<span class=\"flag\">NOT reproduced</span>: " + html_escape(r.failure);
  }
  std::string out =
      "<span class=\"flag\">NOT reproduced</span>: " + std::to_string(r.differences.size()) +
      (r.differences.size() == 1 ? " value differs" : " values differ") + " with LiverBridge " +
      html_escape(r.current_version);
  // Paths for the support team; long values (whole JSON subtrees) are not printed.
  const auto brief = [](const std::string& v) {
    return v.size() <= 60 ? html_escape(v) : std::string("(a longer value)");
  };
  const auto& diffs = r.differences;
  out += "<ul class=\"repro\">";
  for (std::size_t i = 0; i < diffs.size() && i < 6; ++i) {
    out += "<li><span class=\"mono\">" + html_escape(diffs[i].path) + "</span>: stored " +
           brief(diffs[i].stored) + ", now " + brief(diffs[i].rerun) + "</li>";
  }
  if (diffs.size() > 6) {
    out += "<li>and " + std::to_string(diffs.size() - 6) +
           " more (liverbridge review lists them all)</li>";
  }
  return out + "</ul>";
}

}  // namespace

void header(Page& p, const records::CourseReview& course, const StoredPlan& plan) {
  const auto& latest = course.plans.back();
  const auto& rec = latest.plan;
  p.o << "<h1>Therapeutic plasma exchange: plan and course record</h1>\n";
  p.para("Liver failure · printed from LiverBridge for checking and signature", "sub");
  p.para(html_escape(plan::kDisclaimer) +
             " The figures below are computed from the protocol; check every order against "
             "the patient before it is given.",
         "disclaimer");

  p.kv_open();
  p.kv("Patient (pseudonymous id)", patient_html(course, plan));
  std::string proto =
      "<b>" + html_escape(rec.protocol_id) + "</b> version " + html_escape(rec.protocol_version);
  if (!plan.protocol.title.empty()) proto += "<br>" + html_escape(plan.protocol.title);
  p.kv("Protocol", proto);
  p.kv("Protocol SHA-256", "<span class=\"mono\">" + html_escape(rec.protocol_sha256) + "</span>");
  p.kv("Plan record", "record " + std::to_string(rec.id) + ", made with LiverBridge " +
                          html_escape(rec.software_version));
  p.kv("Approved by",
       "<b>" + html_escape(rec.approved_by) + "</b> at " + html_escape(utc_when(rec.approved_at)));
  p.kv("Reproducibility", reproduction_html(latest.reproduction));
  if (course.plans.size() > 1) {
    std::string earlier;
    for (std::size_t i = 0; i + 1 < course.plans.size(); ++i) {
      const auto& e = course.plans[i].plan;
      earlier += (earlier.empty() ? "" : "<br>") + std::string("record ") + std::to_string(e.id) +
                 ": " + html_escape(e.protocol_id) + " " + html_escape(e.protocol_version) +
                 ", approved by " + html_escape(e.approved_by) + " at " +
                 html_escape(utc_when(e.approved_at));
    }
    p.kv("Earlier plans (superseded)", earlier);
  }
  p.table_close();
  p.o << "<div class=\"status " << html_escape(plan.status.text)
      << "\">Plan status: " << html_escape(status_headline(plan.status)) << "</div>\n";
}

}  // namespace lb::print
