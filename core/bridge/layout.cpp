#include "bridge/layout.hpp"

#include <algorithm>

#include "bridge/inputs.hpp"
#include "bridge/names.hpp"
#include "text/format.hpp"

namespace lb::bridge {

namespace {

std::string percent(units::Fraction f) {
  return text::fixed(static_cast<double>(f) * 100.0, 1) + " %";
}

std::string value_line(const ValueSeen& v) {
  const auto& o = v.observation;
  std::string out = o.text;
  if (!o.shown_as.empty()) out += " (shown elsewhere as " + o.shown_as + " after rounding)";
  if (!v.in_threshold_unit.empty()) out += " = " + v.in_threshold_unit;
  out += " — " + o.source + ", " + time_text(o.at) + ", " + std::string(tag_words(o.tag));
  if (!v.used) out += " — not used";
  if (!v.flags.empty()) out += " [" + text::join(v.flags, "; ") + "]";
  return out;
}

std::string citation_line(const Rule& r) {
  std::string out = r.citation;
  if (!r.doi.empty()) out += ", doi:" + r.doi;
  if (!r.pmid.empty()) out += ", PMID " + r.pmid;
  if (!r.registry.empty() && r.citation.find(r.registry) == std::string::npos) {
    out += ", " + r.registry;
  }
  return out;
}

LayoutRow rule_row(const RuleResult& res) {
  const Rule& r = *res.rule;
  LayoutRow row;
  row.collapsed = !res.evaluated;
  row.status = res.evaluated ? std::string(status_words(res.status)) : "listed, not evaluated";
  row.title = r.id;
  if (row.collapsed) {
    row.lines.emplace_back("rule", r.wording);
    row.lines.emplace_back("source", citation_line(r) + "; verification: " +
                                         std::string(kVerificationNames.name(r.verification)));
    return row;
  }
  for (const auto& c : res.criteria) {
    std::string label = std::string(static_cast<std::size_t>(c.depth) * 2, ' ') + c.label;
    std::string text = std::string(status_words(c.status));
    if (!c.reason.empty()) text += " (" + c.reason + ")";
    row.lines.emplace_back("criterion", label + ": " + text);
    for (const auto& v : c.values) {
      row.lines.emplace_back(
          "value", std::string(static_cast<std::size_t>(c.depth) * 2 + 2, ' ') + value_line(v));
    }
  }
  // Reasons already named at a comparison are not repeated (a window not open yet has none).
  for (const auto& reason : res.reasons) {
    const bool shown = std::any_of(res.criteria.begin(), res.criteria.end(),
                                   [&](const LeafResult& c) { return c.reason == reason; });
    if (!shown) row.lines.emplace_back("not evaluable", reason);
  }
  if (!res.readings.empty()) row.lines.emplace_back("readings", res.readings);
  row.lines.emplace_back("rule", "“" + r.wording + "”");
  if (!r.wording_original.empty()) row.lines.emplace_back("original", r.wording_original);
  row.lines.emplace_back("boundary", r.boundary);
  if (res.window_from || res.window_to) {
    row.lines.emplace_back(
        "window", std::string(anchor_words(r.anchor)) + ": " +
                      (res.window_from ? "from " + time_text(res.window_from) : std::string()) +
                      (res.window_to ? " to " + time_text(res.window_to) : ""));
  } else if (r.anchor == Anchor::before_first_exchange) {
    row.lines.emplace_back("window", std::string(anchor_words(r.anchor)));
  }
  row.lines.emplace_back(
      "outcome",
      r.outcome + (r.horizon_text.empty() ? std::string() : " (horizon " + r.horizon_text + ")"));
  row.lines.emplace_back("population", r.population);
  for (const auto& d : res.differences) row.lines.emplace_back("this patient", d);
  if (!r.note.empty()) row.lines.emplace_back("note", r.note);
  row.lines.emplace_back("source", citation_line(r) + "; verification: " +
                                       std::string(kVerificationNames.name(r.verification)));
  return row;
}

LayoutSection block_section(const Block& b) {
  LayoutSection s;
  s.title = b.title;
  for (const auto& r : b.rows) s.rows.push_back(rule_row(r));
  for (const auto& d : b.disagreements) {
    s.notes.push_back("sources disagree: " + d.first + " " +
                      std::string(status_words(d.first_status)) + ", " + d.second + " " +
                      std::string(status_words(d.second_status)));
  }
  if (s.rows.empty()) s.notes.emplace_back("no rule of the set applies to this diagnosis");
  return s;
}

LayoutRow prediction_row(const PredictionRow& p) {
  LayoutRow row;
  row.title = p.rule->id + ", session " + std::to_string(p.session);
  row.status = "measured " + std::string(status_words(p.measured)) + ", prediction " +
               std::string(status_words(p.predicted));
  row.lines.emplace_back("band", p.band_text + "; met = inside mean ± 2 SD");
  row.lines.emplace_back(
      "measured", (p.measured_fall ? percent(*p.measured_fall) + " fall: " + p.measured_values
                                   : std::string("—")) +
                      (p.measured_reason.empty() ? "" : " (" + p.measured_reason + ")"));
  row.lines.emplace_back(
      "predicted", (p.predicted_fall ? percent(*p.predicted_fall) + " fall: " + p.predicted_values
                                     : std::string("—")) +
                       (p.predicted_reason.empty() ? "" : " (" + p.predicted_reason + ")"));
  if (!p.note.empty()) row.lines.emplace_back("note", p.note);
  row.lines.emplace_back("population", p.rule->population);
  if (!p.rule->note.empty()) row.lines.emplace_back("note", p.rule->note);
  row.lines.emplace_back("source", citation_line(*p.rule) + "; verification: " +
                                       std::string(kVerificationNames.name(p.rule->verification)));
  return row;
}

}  // namespace

std::string_view bridge_disclaimer() {
  return "Published rules and their status on the recorded values. The view makes no decision "
         "and does not change the plan; every decision is the treating team's.";
}

Layout layout_view(const BridgeView& v) {
  Layout l;
  l.heading = "Bridge view for " + v.patient + " at " + time_text(v.at);
  l.preface.emplace_back(bridge_disclaimer());
  l.preface.push_back(
      "Diagnosis: " + (v.diagnosis.empty() ? std::string("not stated") : v.diagnosis) +
      (v.protocol.empty() ? "" : "; protocol of the latest plan: " + v.protocol));
  l.preface.push_back("Transplant candidacy: " +
                      (v.candidacy ? std::string(candidacy_words(*v.candidacy))
                                   : std::string("not stated (bridge.transplant_candidacy)")));
  for (const auto& n : v.notes) l.preface.push_back(n);
  l.sections.push_back(block_section(v.futility));
  l.sections.push_back(block_section(v.listing));
  LayoutSection course = block_section(v.course);
  LayoutRow figures;
  figures.title = "course figures (measured values only)";
  figures.status = "shown";
  for (const auto& o : v.course_figures) {
    const InputSpec* spec = find_input(o.input);
    figures.lines.emplace_back(spec != nullptr ? std::string(spec->label) : o.input, o.text);
  }
  course.rows.insert(course.rows.begin(), figures);
  l.sections.push_back(std::move(course));
  LayoutSection pred;
  pred.title = std::string(family_words(Family::prediction));
  for (const auto& p : v.predictions) pred.rows.push_back(prediction_row(p));
  for (const auto& r : v.prediction_rules_unverified) pred.rows.push_back(rule_row(r));
  pred.notes.emplace_back(
      "Predictions are compared here only; no other block reads a predicted value.");
  l.sections.push_back(std::move(pred));
  return l;
}

}  // namespace lb::bridge
