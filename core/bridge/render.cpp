#include "bridge/render.hpp"

#include <sstream>

#include "bridge/layout.hpp"
#include "bridge/names.hpp"
#include "text/format.hpp"
#include "text/markdown.hpp"
#include "text/utf8.hpp"

namespace lb::bridge {

using nlohmann::json;

namespace {

// Text from a database or a patient file may hold control characters: printed escaped.
std::string e(const std::string& s) { return text::escaped(s); }
std::string md(const std::string& s) { return text::md_escape(text::escaped(s)); }

json observation_json(const Observation& o) {
  json j = {{"input", o.input},
            {"text", o.text},
            {"at", o.at ? json(time_text(o.at)) : json(nullptr)},
            {"tag", kTagNames.name(o.tag)},
            {"after_exchange", o.after_exchange},
            {"source", o.source}};
  if (!o.shown_as.empty()) j["shown_as"] = o.shown_as;
  return j;
}

json rule_json(const RuleResult& r) {
  json j = {{"id", r.rule->id},
            {"family", kFamilyNames.name(r.rule->family)},
            {"verification", kVerificationNames.name(r.rule->verification)},
            {"evaluated", r.evaluated},
            {"status", kStatusNames.name(r.status)},
            {"reasons", r.reasons},
            {"differences", r.differences},
            {"wording", r.rule->wording},
            {"boundary", r.rule->boundary},
            {"outcome", r.rule->outcome},
            {"population", r.rule->population},
            {"citation", r.rule->citation},
            {"doi", r.rule->doi},
            {"pmid", r.rule->pmid},
            {"registry", r.rule->registry}};
  if (!r.readings.empty()) j["readings"] = r.readings;
  if (r.window_from) j["window_from"] = time_text(r.window_from);
  if (r.window_to) j["window_to"] = time_text(r.window_to);
  json criteria = json::array();
  for (const auto& c : r.criteria) {
    json values = json::array();
    for (const auto& v : c.values) {
      json jv = observation_json(v.observation);
      jv["used"] = v.used;
      jv["flags"] = v.flags;
      if (!v.in_threshold_unit.empty()) jv["in_threshold_unit"] = v.in_threshold_unit;
      values.push_back(std::move(jv));
    }
    criteria.push_back({{"depth", c.depth},
                        {"label", c.label},
                        {"status", kStatusNames.name(c.status)},
                        {"reason", c.reason},
                        {"values", std::move(values)}});
  }
  j["criteria"] = std::move(criteria);
  return j;
}

json block_json(const Block& b) {
  json rows = json::array();
  for (const auto& r : b.rows) rows.push_back(rule_json(r));
  json dis = json::array();
  for (const auto& d : b.disagreements) {
    dis.push_back({{"first", d.first},
                   {"first_status", kStatusNames.name(d.first_status)},
                   {"second", d.second},
                   {"second_status", kStatusNames.name(d.second_status)}});
  }
  return {{"title", b.title}, {"rules", std::move(rows)}, {"disagreements", std::move(dis)}};
}

json fall_json(const std::optional<units::Fraction>& f) {
  return f ? json(static_cast<double>(*f)) : json(nullptr);
}

}  // namespace

std::string render_text(const BridgeView& view) {
  const Layout l = layout_view(view);
  std::ostringstream out;
  out << e(l.heading) << "\n";
  for (const auto& p : l.preface) out << e(p) << "\n";
  for (const auto& s : l.sections) {
    out << "\n== " << e(s.title) << " ==\n";
    for (const auto& r : s.rows) {
      out << "\n[" << r.status << "] " << e(r.title) << "\n";
      for (const auto& [label, line] : r.lines) out << "  " << label << ": " << e(line) << "\n";
    }
    for (const auto& n : s.notes) out << "  * " << e(n) << "\n";
  }
  return out.str();
}

std::string render_markdown(const BridgeView& view) {
  const Layout l = layout_view(view);
  std::ostringstream out;
  out << "# " << md(l.heading) << "\n\n";
  for (const auto& p : l.preface) out << md(p) << "\n\n";
  for (const auto& s : l.sections) {
    out << "## " << md(s.title) << "\n\n";
    for (const auto& r : s.rows) {
      out << "### " << md(r.title) << " — " << md(r.status) << "\n\n";
      for (const auto& [label, line] : r.lines) {
        out << "- **" << md(label) << "**: " << md(text::trimmed(line)) << "\n";
      }
      out << "\n";
    }
    for (const auto& n : s.notes) out << "> " << md(n) << "\n\n";
  }
  return out.str();
}

json view_json(const BridgeView& v) {
  json predictions = json::array();
  for (const auto& p : v.predictions) {
    predictions.push_back({{"rule", p.rule->id},
                           {"session", p.session},
                           {"solute", p.solute},
                           {"band", p.band_text},
                           {"measured_fall", fall_json(p.measured_fall)},
                           {"measured_values", p.measured_values},
                           {"measured_status", kStatusNames.name(p.measured)},
                           {"measured_reason", p.measured_reason},
                           {"predicted_fall", fall_json(p.predicted_fall)},
                           {"predicted_values", p.predicted_values},
                           {"predicted_status", kStatusNames.name(p.predicted)},
                           {"predicted_reason", p.predicted_reason},
                           {"note", p.note}});
  }
  json figures = json::array();
  for (const auto& o : v.course_figures) figures.push_back(observation_json(o));
  json unverified = json::array();
  for (const auto& r : v.prediction_rules_unverified) unverified.push_back(rule_json(r));
  return {{"patient", v.patient},
          {"diagnosis", v.diagnosis},
          {"transplant_candidacy",
           v.candidacy ? json(kCandidacyNames.name(*v.candidacy)) : json(nullptr)},
          {"protocol", v.protocol},
          {"at", time_text(v.at)},
          {"disclaimer", std::string(bridge_disclaimer())},
          {"notes", v.notes},
          {"futility", block_json(v.futility)},
          {"listing", block_json(v.listing)},
          {"course", block_json(v.course)},
          {"course_figures", std::move(figures)},
          {"predictions", std::move(predictions)},
          {"prediction_rules_unverified", std::move(unverified)}};
}

}  // namespace lb::bridge
