#include "report/scores_report.hpp"

#include <cmath>

#include "plan/plan.hpp"
#include "report/patient_summary.hpp"
#include "report/text_blocks.hpp"
#include "text/format.hpp"
#include "text/markdown.hpp"
#include "version.hpp"

namespace lb::report {

namespace {

constexpr const char* kDisclaimer = plan::kDisclaimer;

/// Whole numbers without decimals, others with two.
std::string number(double v) {
  const bool whole = std::fabs(v - std::round(v)) < 1e-9;
  return text::fixed(v, whole ? 0 : 2);
}

/// Values rounded to 6 decimals to drop binary noise in JSON.
double clean(double v) { return std::round(v * 1e6) / 1e6; }

std::string category_label(const std::string& key) {
  if (key == "child_pugh") return "class ";
  if (key == "aarc") return "grade ";
  return "";
}

std::string joined(const std::vector<std::string>& items, const std::string& sep) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : sep) + i;
  return out;
}

std::string component_line(const scores::Component& c) {
  std::string out = c.name + ": " + c.input;
  if (c.points)
    out += " [" +
           text::fixed(*c.points, std::fabs(*c.points - std::round(*c.points)) < 1e-9 ? 0 : 3) +
           "]";
  return out;
}

}  // namespace

nlohmann::json score_json(const scores::ScoreResult& r) {
  nlohmann::json components = nlohmann::json::array();
  for (const auto& c : r.components) {
    nlohmann::json j = {{"name", c.name}, {"input", c.input}};
    j["points"] = c.points ? nlohmann::json(clean(*c.points)) : nlohmann::json(nullptr);
    components.push_back(j);
  }
  nlohmann::json out = {{"name", r.name},
                        {"computed", r.computed()},
                        {"value", r.value ? nlohmann::json(clean(*r.value)) : nlohmann::json()},
                        {"version", r.version},
                        {"components", components},
                        {"bounds_applied", r.bounds_applied},
                        {"missing", r.missing},
                        {"notes", r.notes},
                        {"source", r.source}};
  if (r.raw) out["raw"] = clean(*r.raw);
  if (r.key == "child_pugh") out["class"] = r.category;
  if (r.key == "aarc") out["grade"] = r.category;
  if (r.key == "china_lf_stage") out["stage"] = r.category;
  if (r.key == "clif_c_of") {
    out["aclf_grade"] = r.category;
    out["organ_failures"] = r.organ_failures;
  }
  if (r.key == "kings_college" || r.key == "clichy") {
    out["met"] = r.met ? nlohmann::json(*r.met) : nlohmann::json();
  }
  return out;
}

nlohmann::json scores_json(const scores::ScoreSet& set) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& r : set.results) out[r.key] = score_json(r);
  return out;
}

nlohmann::json score_settings_json(const scores::ScoreSettings& s) {
  return {{"meld_na_formula", scores::to_string(s.meld_na_formula)},
          {"meld_3_cap", scores::to_string(s.meld_3_cap)},
          {"child_pugh_albumin_band", scores::to_string(s.child_pugh_albumin_band)},
          {"clif_c_of_liver", scores::to_string(s.clif_c_of_liver)},
          {"kcc_age", scores::to_string(s.kcc_age)},
          {"kcc_bilirubin", scores::to_string(s.kcc_bilirubin)},
          {"clichy_age", scores::to_string(s.clichy_age)},
          {"china_stage_basis", scores::to_string(s.china_stage_basis)}};
}

std::string score_headline(const scores::ScoreResult& r) {
  if (r.met) return *r.met ? "met" : "not met";
  if (!r.value) {
    const bool criteria = r.key == "kings_college" || r.key == "clichy";
    return criteria && !r.missing.empty() ? "not decidable" : "not computed";
  }
  std::string out = number(*r.value);
  if (!r.category.empty()) out += " \u00b7 " + category_label(r.key) + r.category;
  if (!r.organ_failures.empty()) {
    out += " \u00b7 organ failure: " + joined(r.organ_failures, ", ");
  }
  return out;
}

std::string scores_text(const scores::ScoreSet& set) {
  std::string out = "\nScores\n------\n";
  const std::string pad = "      ";
  for (const auto& r : set.results) {
    const std::string headline = score_headline(r);
    out += "  " + text::dot_leader(r.name, kTextLabelWidth) + headline + "\n";
    out += pad + "version  " + r.version + "\n";
    if (!r.missing.empty()) out += pad + "missing  " + joined(r.missing, "; ") + "\n";
    if (r.raw && r.value && std::fabs(*r.raw - *r.value) > 1e-9) {
      out += pad + "raw      " + text::fixed(*r.raw, 3) + "\n";
    }
    for (const auto& c : r.components) out += pad + "input    " + component_line(c) + "\n";
    for (const auto& b : r.bounds_applied) out += pad + "bound    " + b + "\n";
    for (const auto& n : r.notes) out += pad + "note     " + n + "\n";
    out += pad + "source   " + r.source + "\n";
  }
  return out;
}

std::string scores_markdown(const scores::ScoreSet& set) {
  std::string out = "\n## Scores\n\n| Score | Result | Version | Missing | Bounds applied |\n";
  out += "|---|---|---|---|---|\n";
  for (const auto& r : set.results) {
    const std::string headline = score_headline(r);
    out += "| " + text::md_escape(r.name) + " | **" + text::md_escape(headline) + "** | " +
           text::md_escape(r.version) + " | " + text::md_escape(joined(r.missing, "; ")) + " | " +
           text::md_escape(joined(r.bounds_applied, "; ")) + " |\n";
  }
  // How each score was reached: the inputs used, with their points or terms.
  out += "\n### How each score was reached\n";
  for (const auto& r : set.results) {
    out += "\n**" + text::md_escape(r.name) + "** (" + text::md_escape(r.version) + ")\n\n";
    for (const auto& c : r.components) out += "- " + text::md_escape(component_line(c)) + "\n";
    for (const auto& b : r.bounds_applied) out += "- bound: " + text::md_escape(b) + "\n";
    for (const auto& n : r.notes) out += "- note: " + text::md_escape(n) + "\n";
    if (r.components.empty() && r.bounds_applied.empty() && r.notes.empty()) {
      out += "- missing: " + text::md_escape(joined(r.missing, "; ")) + "\n";
    }
  }
  return out;
}

std::string render_scores_text(const patient::Patient& p, const std::string& patient_file,
                               const scores::ScoreSet& set) {
  std::string out;
  const std::string title = std::string("LiverBridge ") + kVersion + " \u00b7 prognostic scores";
  out += title + "\n" + std::string(text::display_width(title), '=') + "\n";
  out += std::string(kDisclaimer) + "\n\n";
  out += text::pad_right("Patient", 10) + p.id + " (" + patient_file + ")\n";
  out += text::pad_right("", 10) + patient_one_line(p) + "\n";
  out += scores_text(set);
  return out;
}

std::string render_scores_markdown(const patient::Patient& p, const std::string& patient_file,
                                   const scores::ScoreSet& set) {
  std::string out = "# Prognostic scores: " + text::md_escape(p.id) + "\n\n";
  out += "> " + std::string(kDisclaimer) + "\n\n";
  out += "- **Patient:** " + text::md_escape(p.id) + " (" + text::md_escape(patient_file) + "), " +
         text::md_escape(patient_one_line(p)) + "\n";
  out += "- **LiverBridge:** " + std::string(kVersion) + "\n";
  out += scores_markdown(set);
  out += "\n## Sources\n\n";
  for (const auto& r : set.results)
    out += "- " + text::md_escape(r.name) + ": " + text::md_escape(r.source) + "\n";
  return out;
}

std::string render_scores_json(const patient::Patient& p, const std::string& patient_file,
                               const scores::ScoreSet& set, const scores::ScoreSettings& settings) {
  const nlohmann::json out = {
      {"liverbridge_version", kVersion},
      {"disclaimer", kDisclaimer},
      {"patient",
       {{"id", p.id},
        {"file", patient_file},
        {"sex", model::to_string(p.sex)},
        {"diagnosis", patient::to_string(p.diagnosis)},
        {"etiology",
         p.etiology ? nlohmann::json(patient::to_string(*p.etiology)) : nlohmann::json()}}},
      {"score_settings", score_settings_json(settings)},
      {"scores", scores_json(set)}};
  return out.dump(2) + "\n";
}

}  // namespace lb::report
