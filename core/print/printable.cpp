#include "print/printable.hpp"

#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string_view>

#include "plan/plan.hpp"
#include "schedule/calendar.hpp"
#include "text/format.hpp"
#include "units/quantities.hpp"

namespace lb::report {

namespace {
using nlohmann::json;

// A4 portrait. Shading helps but never carries meaning alone: every flag is also in
// words ("flagged", "ABOVE", "BEYOND TOLERANCE"), so a print without backgrounds reads
// the same.
constexpr const char* kStyle = R"css(
@page { size: A4 portrait; margin: 14mm 12mm 16mm 12mm; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 9.5pt;
       line-height: 1.3; color: #000; background: #fff; margin: 0 auto; padding: 10mm 8mm;
       max-width: 186mm; }
h1 { font-size: 15pt; margin: 0 0 2pt 0; }
.sub { margin: 0 0 6pt 0; color: #333; }
h2 { font-size: 11.5pt; margin: 12pt 0 4pt 0; padding-bottom: 1pt; border-bottom: 1.5px solid #000;
     break-after: avoid; page-break-after: avoid; }
h3 { font-size: 10pt; margin: 8pt 0 3pt 0; break-after: avoid; page-break-after: avoid; }
p { margin: 3pt 0; }
table { border-collapse: collapse; width: 100%; margin: 3pt 0 6pt 0; }
th, td { border: 1px solid #888; padding: 2pt 4pt; text-align: left; vertical-align: top; }
thead th, th.col { background: #e6e6e6; font-weight: bold; }
table.kv th { width: 30%; background: #f2f2f2; font-weight: bold; }
table.orders td:first-child { width: 30%; }
table.orders td.val { width: 24%; font-weight: bold; }
td.num { text-align: right; white-space: nowrap; } th.num { text-align: right; }
table.schedule { font-size: 9pt; }
.basis { font-size: 8pt; color: #333; }
.formula { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 7.5pt;
           color: #333; overflow-wrap: break-word; }
.mono { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 8.5pt;
        overflow-wrap: break-word; }
td.t { white-space: nowrap; }
table.unverified td:first-child { width: 34%; overflow-wrap: anywhere; }
table.rules { table-layout: fixed; } table.rules td { overflow-wrap: break-word; }
table.rules { font-size: 9pt; }
table.rules th:nth-child(1) { width: 16%; } table.rules th:nth-child(2) { width: 15.5%; }
table.rules th:nth-child(3) { width: 9%; } table.rules th:nth-child(4) { width: 20%; }
table.rules th:nth-child(6) { width: 14.5%; }
.warn { font-weight: bold; }
.flag { font-weight: bold; text-decoration: underline; }
.muted { color: #444; font-style: italic; }
.note { font-size: 8.5pt; color: #222; font-weight: normal; }
.disclaimer { border: 2px solid #000; padding: 4pt 6pt; margin: 6pt 0; font-weight: bold; }
.status { border: 2px solid #000; padding: 4pt 6pt; margin: 6pt 0; font-weight: bold; }
.status.ready { background: #e3f4e6; } .status.ready_with_warnings { background: #fdf0d5; }
.status.not_ready { background: #fbe1df; }
tr.triggered td { background: #fdf0d5; }
tr.beyond td { background: #fbe1df; }
ul { margin: 2pt 0 4pt 0; padding-left: 16pt; } li { margin: 1pt 0; }
table.sign { margin-top: 8pt; break-inside: avoid; page-break-inside: avoid; }
table.sign td { height: 22pt; vertical-align: bottom; width: 33%; }
table.sign th { width: auto; }
.sign-block { break-inside: avoid; page-break-inside: avoid; }
.foot { margin-top: 10pt; font-size: 8pt; color: #333; border-top: 1px solid #888; padding-top: 2pt; }
@media print {
  body { padding: 0; max-width: none; }
  tr, li { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
}
)css";

const json& null_json() {
  static const json kNull;
  return kNull;
}

/// j[key] when j is an object holding key, else null.
const json& get(const json& j, const char* key) {
  if (!j.is_object()) return null_json();
  const auto it = j.find(key);
  return it == j.end() ? null_json() : *it;
}

std::string str(const json& j) { return j.is_string() ? j.get<std::string>() : std::string(); }

std::string number_text(double v) {
  if (std::abs(v - std::round(v)) < 1e-9) return text::grouped(v, 0);
  return text::fixed(v, 2);
}

/// The display text of a quantity ({"display": ...} or {"value", "unit"}) or a scalar.
std::string value_text(const json& q) {
  if (q.is_object()) {
    if (get(q, "display").is_string()) return q["display"].get<std::string>();
    if (get(q, "value").is_number()) {
      const std::string unit = str(get(q, "unit"));
      return number_text(q["value"].get<double>()) + (unit.empty() ? "" : " " + unit);
    }
    return "";
  }
  if (q.is_string()) return q.get<std::string>();
  if (q.is_number()) return number_text(q.get<double>());
  if (q.is_boolean()) return q.get<bool>() ? "yes" : "no";
  return "";
}

std::optional<double> number(const json& q) {
  const auto& v = q.is_object() ? get(q, "value") : q;
  if (v.is_number()) return v.get<double>();
  return std::nullopt;
}

bool present(const json& q) { return !q.is_null() && !value_text(q).empty(); }

/// A figure's derivation input by name ("inlet:AC ratio"), or null.
const json& derivation_input(const json& figure, std::string_view name) {
  for (const auto& in : get(get(figure, "derivation"), "inputs")) {
    if (in.is_object() && str(get(in, "name")) == name) return in;
  }
  return null_json();
}

/// A stable field of the plan JSON, or, for plans stored before it existed, the
/// same value from a figure's derivation input.
const json& setting(const json& section, std::string_view key, const json& figure,
                    std::string_view input_name) {
  const json& stable = get(section, std::string(key).c_str());
  return stable.is_null() ? derivation_input(figure, input_name) : stable;
}

std::string minutes_words(double minutes) {
  const auto total = static_cast<long>(std::lround(minutes));
  return std::to_string(total / 60) + " h " + std::to_string(total % 60) + " min";
}

// ---- words for the plan's stable codes ----------------------------------------------------

std::string status_words(const std::string& s) {
  if (s == "ready") return "READY: no findings";
  if (s == "ready_with_warnings") return "READY WITH WARNINGS: read the warnings before ordering";
  if (s == "not_ready") return "NOT READY: a hard limit of the protocol cannot be met";
  return s.empty() ? "not stated" : s;
}

std::string verdict_words(const std::string& v) {
  if (v == "eligible") return "ELIGIBLE";
  if (v == "eligible_with_cautions") return "ELIGIBLE WITH CAUTIONS";
  if (v == "relative_contraindication") return "RELATIVE CONTRAINDICATION";
  if (v == "not_eligible") return "NOT ELIGIBLE";
  if (v == "cannot_decide") return "CANNOT DECIDE (missing data)";
  return v;
}

std::string diagnosis_words(const std::string& d) {
  if (d == "alf") return "acute liver failure";
  if (d == "subacute_lf") return "subacute liver failure";
  if (d == "aclf") return "acute-on-chronic liver failure";
  if (d == "chronic_lf") return "chronic liver failure";
  return "diagnosis " + d;
}

std::string outcome_words(const std::string& o) {
  if (o == "met") return "met";
  if (o == "not_met") return "not met";
  if (o == "cannot_decide") return "cannot decide (missing data)";
  return o;
}

std::string rule_words(const std::string& r) {
  if (r == "plasma_volumes") return "multiple of the plasma volume";
  if (r == "percent_ibw") return "percentage of ideal body weight (kg read as litres)";
  if (r == "per_kg") return "volume per kg body weight";
  if (r == "fixed") return "fixed volume";
  return r;
}

std::string mix_words(const std::string& m) {
  if (m == "ffp") return "fresh frozen plasma (FFP) only";
  if (m == "albumin") return "albumin solution only";
  if (m == "fractions") return "FFP and albumin solution in fixed shares";
  if (m == "ffp_units") return "a set number of FFP units, the rest albumin solution";
  return m;
}

std::string technique_words(const std::string& t) {
  if (t == "centrifugal") return "centrifugal separation";
  if (t == "membrane") return "membrane plasma separation";
  return t;
}

std::string model_words(const std::string& m) {
  if (m == "one_compartment") return "one-compartment";
  if (m == "two_compartment") return "two-compartment (redistribution)";
  if (m == "replacement_aware") return "mixing with the replacement fluid";
  return m;
}

std::string analyte_words(const std::string& a) {
  static const std::pair<const char*, const char*> kNames[] = {
      {"bilirubin", "Bilirubin"},
      {"creatinine", "Creatinine"},
      {"ammonia", "Ammonia"},
      {"lactate", "Lactate"},
      {"ionized_calcium", "Ionised calcium"},
      {"total_calcium", "Total calcium"},
      {"glucose", "Glucose"},
      {"phosphate", "Phosphate"},
      {"sodium", "Sodium"},
      {"potassium", "Potassium"},
      {"bicarbonate", "Bicarbonate"},
      {"albumin", "Albumin"},
      {"fibrinogen", "Fibrinogen"},
      {"igg", "IgG"},
      {"platelets", "Platelets"},
      {"wbc", "White cells"},
      {"factor_v", "Factor V"},
      {"pta", "Prothrombin activity (PTA)"},
      {"inr", "INR"},
  };
  for (const auto& [key, name] : kNames) {
    if (a == key) return name;
  }
  std::string out = a;
  for (auto& c : out) c = c == '_' ? ' ' : c;
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 32);
  return out;
}

std::string event_words(const std::string& e) {
  std::string out = e;
  for (auto& c : out) c = c == '_' ? ' ' : c;
  return out;
}

/// "2026-12-05T08:00" (local wall time) -> "Sat 05 Dec 2026 08:00".
std::string local_when(const std::string& iso) {
  const auto p = schedule::parse_local_time(iso);
  return p.value ? schedule::readable(*p.value) : iso;
}

/// "2026-11-20T08:00:00Z" (records, UTC) -> "Fri 20 Nov 2026 08:00" (minutes; the
/// caller names the zone); the stamp itself when it is not in that form.
std::string utc_readable(const std::string& stamp) {
  if (stamp.size() < 16 || stamp.back() != 'Z') return stamp;
  const auto p = schedule::parse_local_time(stamp.substr(0, 16));
  return p.value ? schedule::readable(*p.value) : stamp;
}

std::string utc_when(const std::string& stamp) { return utc_readable(stamp) + " UTC"; }

std::string clock_of(const std::string& readable) {
  return readable.size() >= 5 ? readable.substr(readable.size() - 5) : readable;
}

std::string date_of(const std::string& readable) {
  return readable.size() > 6 ? readable.substr(0, readable.size() - 6) : readable;
}

/// "Sun 6 Dec 2026 02:26" -> "Sun 6 Dec 02:26" (the year is in the schedule's heading).
std::string without_year(const std::string& readable) {
  const auto clock = readable.rfind(' ');
  const auto year = clock == std::string::npos ? clock : readable.rfind(' ', clock - 1);
  if (year == std::string::npos) return readable;
  return readable.substr(0, year) + readable.substr(clock);
}

std::string signed_percent(double fraction) {
  const double p = fraction * 100;
  return (p > 0 ? "+" : "") + text::fixed(p, 1) + " %";
}

// ---- the page -----------------------------------------------------------------------------

class Page {
 public:
  std::ostringstream o;

  void section(const std::string& title) { o << "<h2>" << ++number_ << ". " << title << "</h2>\n"; }
  void sub(const std::string& title) { o << "<h3>" << title << "</h3>\n"; }
  void para(const std::string& html, const char* cls = nullptr) {
    o << "<p" << (cls != nullptr ? std::string(" class=\"") + cls + "\"" : "") << ">" << html
      << "</p>\n";
  }
  void missing(const std::string& what) { para(html_escape(what), "muted"); }

  void kv_open() { o << "<table class=\"kv\">\n"; }
  void kv(const std::string& key, const std::string& value_html) {
    o << "<tr><th>" << html_escape(key) << "</th><td>" << value_html << "</td></tr>\n";
  }
  void table_close() { o << "</table>\n"; }

  void orders_open() {
    o << "<table class=\"orders\"><thead><tr><th class=\"col\">Order</th><th "
         "class=\"col\">Value</th><th class=\"col\">Basis (method, formula)</th></tr></thead>\n"
         "<tbody>\n";
  }
  void orders_close() { o << "</tbody></table>\n"; }
  /// One order from a figure of the plan JSON; nothing when the plan lacks it.
  bool order(const std::string& label, const json& figure, const std::string& extra_html = "",
             const std::string& basis_note = "") {
    if (!present(figure)) return false;
    const auto& d = get(figure, "derivation");
    std::string basis;
    if (!str(get(d, "method")).empty()) basis += html_escape(str(get(d, "method")));
    if (!str(get(d, "formula")).empty()) {
      basis += (basis.empty() ? "" : "<br>") + std::string("<span class=\"formula\">") +
               html_escape(str(get(d, "formula"))) + "</span>";
    }
    if (!basis_note.empty()) {
      basis += (basis.empty() ? "" : "<br>") + std::string("<span class=\"note\">") +
               html_escape(basis_note) + "</span>";
    }
    for (const auto& w : get(d, "warnings")) {
      if (w.is_string()) basis += "<br><span class=\"warn\">! " + html_escape(w) + "</span>";
    }
    order_row(label, html_escape(value_text(figure)) + extra_html, basis);
    return true;
  }
  void order_row(const std::string& label, const std::string& value_html,
                 const std::string& basis_html = "") {
    o << "<tr><td>" << html_escape(label) << "</td><td class=\"val\">" << value_html
      << "</td><td class=\"basis\">" << basis_html << "</td></tr>\n";
  }

 private:
  int number_ = 0;
};

// ---- header ---------------------------------------------------------------------------------

void header(Page& p, const records::CourseReview& course, const records::PlanReview& latest,
            const json& plan) {
  const auto& rec = latest.plan;
  const auto& protocol = get(plan, "protocol");
  const auto& patient = get(plan, "patient");
  p.o << "<h1>Therapeutic plasma exchange: plan and course record</h1>\n";
  p.para("Liver failure · printed from LiverBridge for checking and signature", "sub");
  p.para(html_escape(plan::kDisclaimer) +
             " The figures below are computed from the protocol; check every order against "
             "the patient before it is given.",
         "disclaimer");

  p.kv_open();
  std::string who = "<b>" + html_escape(course.patient) + "</b>";
  std::string details;
  const auto add = [&](const std::string& s) {
    if (!s.empty()) details += (details.empty() ? "" : ", ") + s;
  };
  add(str(get(patient, "sex")));
  if (present(get(patient, "age"))) add(value_text(get(patient, "age")));
  if (present(get(patient, "weight"))) add(value_text(get(patient, "weight")));
  if (present(get(patient, "height"))) add(value_text(get(patient, "height")));
  if (present(get(patient, "hematocrit")))
    add("haematocrit " + value_text(get(patient, "hematocrit")));
  if (!str(get(patient, "diagnosis")).empty()) add(diagnosis_words(str(get(patient, "diagnosis"))));
  if (!details.empty()) who += " (" + html_escape(details) + ")";
  p.kv("Patient (pseudonymous id)", who);
  std::string proto =
      "<b>" + html_escape(rec.protocol_id) + "</b> version " + html_escape(rec.protocol_version);
  if (!str(get(protocol, "title")).empty()) {
    proto += "<br>" + html_escape(str(get(protocol, "title")));
  }
  p.kv("Protocol", proto);
  p.kv("Protocol SHA-256", "<span class=\"mono\">" + html_escape(rec.protocol_sha256) + "</span>");
  p.kv("Plan record", "record " + std::to_string(rec.id) + ", made with LiverBridge " +
                          html_escape(rec.software_version));
  p.kv("Approved by",
       "<b>" + html_escape(rec.approved_by) + "</b> at " + html_escape(utc_when(rec.approved_at)));
  std::string repro;
  if (latest.reproduction.reproduced) {
    repro = "reproduced: re-running the stored patient and protocol text with LiverBridge " +
            html_escape(latest.reproduction.current_version) + " gives the stored plan";
  } else if (!latest.reproduction.failure.empty()) {
    repro =
        "<span class=\"flag\">NOT reproduced</span>: " + html_escape(latest.reproduction.failure);
  } else {
    repro = "<span class=\"flag\">NOT reproduced</span>: " +
            std::to_string(latest.reproduction.differences.size()) +
            (latest.reproduction.differences.size() == 1 ? " value differs" : " values differ") +
            " with LiverBridge " + html_escape(latest.reproduction.current_version);
    // Paths for the support team; long values (whole JSON subtrees) are not printed.
    const auto brief = [](const std::string& v) {
      return v.size() <= 60 ? html_escape(v) : std::string("(a longer value)");
    };
    const auto& diffs = latest.reproduction.differences;
    repro += "<ul class=\"repro\">";
    for (std::size_t i = 0; i < diffs.size() && i < 6; ++i) {
      repro += "<li><span class=\"mono\">" + html_escape(diffs[i].path) + "</span>: stored " +
               brief(diffs[i].stored) + ", now " + brief(diffs[i].rerun) + "</li>";
    }
    if (diffs.size() > 6) {
      repro += "<li>and " + std::to_string(diffs.size() - 6) +
               " more (liverbridge review lists them all)</li>";
    }
    repro += "</ul>";
  }
  p.kv("Reproducibility", repro);
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
  const std::string status = str(get(plan, "status"));
  p.o << "<div class=\"status " << html_escape(status)
      << "\">Plan status: " << html_escape(status_words(status)) << "</div>\n";
}

// ---- eligibility ----------------------------------------------------------------------------

std::string decided_by_html(const json& rule) {
  std::string out;
  for (const auto& d : get(rule, "decided_by")) {
    std::string shown = value_text(get(d, "display"));
    if (shown == "true" || shown == "false") shown = shown == "true" ? "yes" : "no";
    std::string line = html_escape(str(get(d, "name"))) + " = <b>" + html_escape(shown) + "</b>";
    if (!str(get(d, "condition")).empty()) {
      line += " <span class=\"note\">(rule: " + html_escape(str(get(d, "condition"))) + ")</span>";
    }
    out += (out.empty() ? "" : "<br>") + line;
  }
  return out.empty() ? "<span class=\"muted\">no value</span>" : out;
}

void eligibility(Page& p, const json& plan, const records::PlanRecord& rec) {
  p.section("Eligibility");
  const auto& e = get(plan, "eligibility");
  if (!e.is_object()) {
    p.missing("The protocol states no eligibility rules: no verdict.");
  } else {
    bool overridden = false;
    for (const auto& r : get(e, "rules"))
      overridden = overridden || !str(get(r, "override_reason")).empty();
    p.para("Verdict: <b>" + html_escape(verdict_words(str(get(e, "verdict")))) + "</b>" +
           (overridden ? " (proceeding under the override recorded below)" : ""));
    const auto& asfa = get(e, "asfa");
    if (!str(get(asfa, "text")).empty()) {
      p.para("ASFA 2023: " + html_escape(str(get(asfa, "text"))));
    }
    const auto& rules = get(e, "rules");
    if (!rules.is_array() || rules.empty()) {
      p.missing("The protocol states no eligibility rules.");
    } else {
      p.o << "<table class=\"rules\"><thead><tr><th class=\"col\">Rule</th><th "
             "class=\"col\">Kind / severity</th><th class=\"col\">Outcome</th><th "
             "class=\"col\">Deciding values</th><th class=\"col\">Message (source)</th><th "
             "class=\"col\">Override reason</th></tr></thead><tbody>\n";
      for (const auto& r : rules) {
        const bool triggered = get(r, "triggered").is_boolean() && r["triggered"].get<bool>();
        const std::string reason = str(get(r, "override_reason"));
        p.o << "<tr class=\"rule" << (triggered ? " triggered" : "") << "\"><td class=\"mono\">"
            << html_escape(str(get(r, "id"))) << "</td><td>" << html_escape(str(get(r, "kind")))
            << ", " << html_escape(str(get(r, "severity"))) << "</td><td>"
            << html_escape(outcome_words(str(get(r, "outcome"))))
            << (triggered ? "<br><span class=\"flag\">flagged</span>" : "") << "</td><td>"
            << decided_by_html(r) << "</td><td>" << html_escape(str(get(r, "message")))
            << (str(get(r, "source")).empty()
                    ? ""
                    : " <span class=\"note\">(" + html_escape(str(get(r, "source"))) + ")</span>")
            << "</td><td" << (reason.empty() ? ">" : " class=\"warn\">")
            << (reason.empty() ? "" : html_escape(reason)) << "</td></tr>\n";
      }
      p.o << "</tbody></table>\n";
      p.para(
          "Flagged: the rule counts against the verdict (an indication not met or a "
          "contraindication present).",
          "note");
    }
  }
  const auto overrides = json::parse(rec.overrides_json, nullptr, false);
  std::string list;
  if (overrides.is_array()) {
    for (const auto& pair : overrides) {
      if (pair.is_array() && pair.size() == 2 && pair[0].is_string() && pair[1].is_string()) {
        list += "<li><span class=\"mono\">" + html_escape(pair[0].get<std::string>()) +
                "</span>: " + html_escape(pair[1].get<std::string>()) + "</li>";
      }
    }
  }
  if (list.empty()) {
    p.para("Overrides recorded at approval: none.");
  } else {
    p.para(
        "<b>Overrides recorded at approval</b> (relative contraindications the team chose to "
        "accept, with the reason):");
    p.o << "<ul>" << list << "</ul>\n";
  }
}

// ---- orders per session ----------------------------------------------------------------------

void volume_orders(Page& p, const json& plan) {
  const auto& v = get(plan, "volumes");
  const auto& x = get(plan, "exchange");
  p.sub("Exchange volume");
  p.orders_open();
  std::string extra;
  if (present(get(x, "plasma_volumes_per_session"))) {
    extra = "<br><span class=\"note\">= " +
            html_escape(value_text(get(x, "plasma_volumes_per_session"))) +
            " plasma volumes</span>";
  }
  const std::string rule =
      str(get(x, "rule")).empty() ? "" : "protocol rule: " + rule_words(str(get(x, "rule")));
  if (!p.order("Exchange volume per session (plasma removed)", get(x, "volume_per_session"), extra,
               rule)) {
    p.order_row("Exchange volume per session", "<span class=\"muted\">not in the plan</span>");
  }
  p.order("Plasma volume", get(v, "plasma_volume"));
  p.order("Total blood volume", get(v, "total_blood_volume"));
  p.order("Ideal body weight", get(v, "ideal_body_weight"));
  p.order("Body mass index", get(v, "bmi"));
  p.orders_close();
}

void replacement_orders(Page& p, const json& plan) {
  p.sub("Replacement fluid");
  const auto& r = get(plan, "replacement");
  if (!r.is_object()) {
    p.missing("The protocol gives no replacement-fluid orders: not part of this plan.");
    return;
  }
  p.orders_open();
  std::string mix = html_escape(mix_words(str(get(r, "mix"))));
  const auto& albumin_volume = get(r, "albumin_volume_per_session");
  if (str(get(r, "mix")) == "fractions" || str(get(r, "mix")) == "ffp_units") {
    const auto shares = str(get(get(albumin_volume, "derivation"), "method"));
    if (!shares.empty()) mix += "<br><span class=\"note\">" + html_escape(shares) + "</span>";
  }
  p.order_row("Replacement fluid", mix);
  if (!str(get(r, "ffp_last")).empty()) {
    p.order_row("Order of the fluids",
                "<span class=\"warn\">" + html_escape(str(get(r, "ffp_last"))) + "</span>");
  }
  p.order("Replacement volume per session", get(r, "replacement_volume_per_session"));

  const auto ffp_ml = number(get(r, "ffp_volume_per_session"));
  if (ffp_ml && *ffp_ml <= 0) {
    p.order_row("FFP", "none");
  } else {
    p.order("FFP volume per session", get(r, "ffp_volume_per_session"));
    std::string unit_size;
    const auto& unit_volume =
        setting(r, "ffp_unit_volume", get(r, "ffp_units_per_session"), "FFP unit volume");
    if (present(unit_volume)) {
      unit_size =
          "<br><span class=\"note\">units of " + html_escape(value_text(unit_volume)) + "</span>";
    }
    p.order("FFP units per session (whole units)", get(r, "ffp_units_per_session"), unit_size);
  }

  const auto albumin_ml = number(albumin_volume);
  if (albumin_ml && *albumin_ml <= 0) {
    p.order_row("Albumin solution", "none");
  } else {
    std::string strength;
    const auto& c =
        setting(r, "albumin_concentration", get(r, "albumin_vials_per_session"), "c_albumin");
    if (const auto g_per_l = number(c)) {
      strength = " (" + text::fixed(*g_per_l / 10.0, 0) + " % albumin, " +
                 html_escape(value_text(c)) + ")";
    }
    p.order("Albumin solution volume per session" + strength, albumin_volume);
    std::string vial;
    const auto& vial_mass =
        setting(r, "albumin_vial_mass", get(r, "albumin_vials_per_session"), "vial");
    if (present(vial_mass)) {
      vial = "<br><span class=\"note\">vials of " + html_escape(value_text(vial_mass)) +
             " albumin</span>";
    }
    p.order("Albumin vials per session (whole vials)", get(r, "albumin_vials_per_session"), vial);
    p.order("Albumin per session", get(r, "albumin_grams_per_session"));
  }

  const auto& exchange = get(get(plan, "exchange"), "volume_per_session");
  const auto replaced = number(get(r, "replacement_volume_per_session"));
  const auto removed = number(exchange);
  if (replaced && removed && str(get(get(r, "replacement_volume_per_session"), "unit")) == "mL" &&
      str(get(exchange, "unit")) == "mL") {
    const double balance = std::round(*replaced - *removed);
    const bool even = std::abs(balance) < 0.5;
    const std::string amount =
        even ? "0 mL" : (balance > 0 ? "+" : "") + text::grouped(balance, 0) + " mL";
    const std::string words = even            ? "replacement equals the plasma removed"
                              : balance > 0.0 ? "more replaced than removed"
                                              : "less replaced than removed";
    p.order_row("Fluid balance per session (replacement − plasma removed)",
                html_escape(amount) + "<br><span class=\"note\">" + words + "</span>",
                "<span class=\"note\">anticoagulant, saline priming and rinse-back are not "
                "included</span>");
  }
  p.orders_close();
}

void anticoagulation_orders(Page& p, const json& plan) {
  p.sub("Anticoagulation and calcium");
  const auto& a = get(plan, "anticoagulation");
  if (!a.is_object()) {
    p.missing("The protocol gives no anticoagulation orders: not part of this plan.");
    return;
  }
  const std::string method = str(get(a, "method"));
  p.orders_open();
  if (method == "citrate") {
    p.order_row("Anticoagulant", "citrate, <b>" + html_escape(str(get(a, "solution"))) + "</b>");
    const auto& stable_ratio = get(a, "inlet_ac_ratio");
    const auto& ratio = stable_ratio.is_null()
                            ? derivation_input(get(a, "ac_rate"), "inlet:AC ratio")
                            : stable_ratio;
    if (const auto r = number(ratio)) {
      p.order_row("Inlet:AC ratio", html_escape(number_text(*r)) + " : 1",
                  "<span class=\"note\">inlet blood to anticoagulant</span>");
    }
    p.order("AC volume per session", get(a, "ac_volume"));
    p.order("AC infusion rate", get(a, "ac_rate"));
    p.order("Citrate in the AC", get(a, "citrate_concentration"));
    p.order("Citrate to the patient from the AC", get(a, "citrate_from_ac"));
    p.order("Citrate to the patient from FFP", get(a, "citrate_from_ffp"));
    std::string versus;
    const auto rate = number(get(a, "citrate_rate"));
    const auto limit = number(get(a, "citrate_rate_limit"));
    if (present(get(a, "citrate_rate_limit"))) {
      const bool above = rate && limit && *rate > *limit;
      versus = std::string("<br>") + (above ? "<span class=\"flag\">ABOVE</span>" : "within") +
               " the limit of " + html_escape(value_text(get(a, "citrate_rate_limit")));
    }
    p.order("Citrate infusion rate to the patient", get(a, "citrate_rate"), versus);
    p.order("Calcium gluconate per session (separate infusion)",
            get(a, "calcium_gluconate_per_session"));
    std::string checks;
    for (const auto& c : get(a, "ionised_calcium_checks")) {
      if (c.is_string()) checks += (checks.empty() ? "" : ", ") + c.get<std::string>();
    }
    p.order_row("Ionised calcium checks",
                checks.empty() ? "<span class=\"muted\">none listed by the protocol</span>"
                               : html_escape(checks),
                "<span class=\"note\">minutes from the start of the run</span>");
    p.order("Total/ionised calcium ratio (before)", get(a, "calcium_ratio"));
  } else if (method == "heparin") {
    p.order_row("Anticoagulant", "<b>heparin</b> (unfractionated)");
    p.order("Heparin bolus at the start", get(a, "heparin_bolus"));
    p.order("Heparin infusion", get(a, "heparin_per_hour"));
    p.order("Heparin per session", get(a, "heparin_per_session"));
  } else if (method == "none") {
    p.order_row("Anticoagulant", "none",
                "<span class=\"note\">the protocol orders no anticoagulant</span>");
  } else {
    p.order_row("Anticoagulant", html_escape(method.empty() ? "not stated" : method));
  }
  p.orders_close();
}

void separation_orders(Page& p, const json& plan) {
  p.sub("Separation and run time");
  const auto& s = get(plan, "separation");
  if (!s.is_object()) {
    p.missing("The protocol gives no separation settings: not part of this plan.");
    return;
  }
  p.orders_open();
  p.order_row("Technique", html_escape(technique_words(str(get(s, "technique")))));
  const std::string flow_label = str(get(get(get(s, "flow"), "derivation"), "label"));
  p.order(flow_label.empty() ? "Flow" : flow_label, get(s, "flow"));
  if (present(get(s, "inlet_flow_cap"))) {
    const bool capped = get(s, "inlet_capped").is_boolean() && s["inlet_capped"].get<bool>();
    p.order("Inlet flow limit (AC infusion rate)", get(s, "inlet_flow_cap"),
            std::string("<br>") +
                (capped ? "<span class=\"flag\">flow capped: yes</span>" : "flow capped: no"));
  } else if (get(s, "inlet_capped").is_boolean()) {
    p.order_row("Flow capped by the AC infusion limit",
                s["inlet_capped"].get<bool>() ? "<span class=\"flag\">yes</span>" : "no");
  }
  p.order("Whole blood flow", get(s, "whole_blood_flow"));
  p.order("Plasma removal rate", get(s, "plasma_removal_rate"));
  p.order("Whole blood processed per session", get(s, "whole_blood_processed"));
  std::string hours;
  const auto& duration = get(s, "duration");
  if (const auto m = number(duration); m && str(get(duration, "unit")) == "min") {
    hours = "<br><span class=\"note\">= " + minutes_words(*m) + "</span>";
  }
  p.order("Run time per session", duration, hours);
  p.order("Extracorporeal volume, share of TBV", get(s, "extracorporeal_fraction_tbv"));
  p.order("Share of the AC returned to the patient", get(s, "ac_returned_fraction"));
  p.orders_close();
}

void course_totals(Page& p, const json& plan) {
  const auto& r = get(plan, "replacement");
  p.section("Course totals for the blood bank and pharmacy");
  if (!r.is_object()) {
    p.missing("No replacement-fluid orders in this plan: nothing to order for the course.");
    return;
  }
  p.orders_open();
  if (get(r, "sessions").is_number()) {
    p.order_row("Sessions in the course", html_escape(value_text(get(r, "sessions"))));
  }
  const auto ffp = number(get(r, "ffp_volume_per_course"));
  if (ffp && *ffp <= 0) {
    p.order_row("FFP for the course", "none");
  } else {
    p.order("FFP units for the course", get(r, "ffp_units_per_course"));
    p.order("FFP volume for the course", get(r, "ffp_volume_per_course"));
  }
  const auto vials = number(get(r, "albumin_vials_per_course"));
  if (vials && *vials <= 0) {
    p.order_row("Albumin for the course", "none");
  } else {
    p.order("Albumin vials for the course", get(r, "albumin_vials_per_course"));
    p.order("Albumin for the course", get(r, "albumin_grams_per_course"));
  }
  p.orders_close();
}

// ---- schedule, predicted labs, stop criteria ----------------------------------------------

void schedule_section(Page& p, const json& plan) {
  p.section("Schedule");
  const auto& s = get(plan, "schedule");
  if (!s.is_object()) {
    p.missing("No schedule: the plan is for one session; book each session separately.");
    return;
  }
  const bool dated = get(s, "start").is_string();
  std::string intro = html_escape(str(get(s, "summary")));
  intro += dated ? ", starting " + html_escape(local_when(str(get(s, "start")))) + " (local time)"
                 : ". No start date was given: times are hours from the start of session 1.";
  p.para(intro);
  std::string facts;
  if (present(get(s, "session_duration"))) {
    facts += "Session time used for the schedule: " +
             html_escape(value_text(get(s, "session_duration"))) + ". ";
  }
  if (present(get(s, "labs_after"))) {
    facts += "Efficacy labs " + html_escape(value_text(get(s, "labs_after"))) +
             " after the end of each session (ASFA 2023: at least 12 h, after redistribution).";
  }
  if (!facts.empty()) p.para(facts, "note");

  const auto& ffp_units = get(get(plan, "replacement"), "ffp_units_per_session");
  const bool ffp = present(ffp_units) && number(ffp_units).value_or(0) > 0;
  p.o << "<table class=\"schedule\"><thead><tr><th class=\"col num\">#</th><th "
         "class=\"col num\">Day</th>"
      << (dated ? "<th class=\"col\">Date</th>" : "")
      << "<th class=\"col\">Start</th><th class=\"col\">End</th><th class=\"col num\">Exchange "
         "volume</th>"
      << (ffp ? "<th class=\"col num\">FFP units</th>" : "")
      << "<th class=\"col\">Efficacy labs due</th><th class=\"col\">Re-assess</th><th "
         "class=\"col\">Eligibility re-check</th></tr></thead><tbody>\n";
  const auto& sessions = get(s, "sessions");
  for (const auto& row : sessions) {
    std::string start, end, labs, date;
    if (dated && get(row, "start").is_string()) {
      const std::string st = local_when(str(get(row, "start")));
      const std::string en = local_when(str(get(row, "end")));
      date = date_of(st);
      start = clock_of(st);
      end = clock_of(en) + (date_of(en) != date ? " (" + date_of(en) + ")" : "");
      labs = without_year(local_when(str(get(row, "labs_due"))));
    } else {
      start = "+" + value_text(get(row, "start_offset"));
      end = "+" + value_text(get(row, "end_offset"));
      labs = "+" + value_text(get(row, "labs_due_offset"));
    }
    const bool reassess = get(row, "reassess").is_boolean() && row["reassess"].get<bool>();
    std::string check = str(get(get(row, "eligibility"), "text"));
    const std::string moved = str(get(row, "moved"));
    p.o << "<tr class=\"session-row\"><td class=\"num\">"
        << html_escape(value_text(get(row, "number"))) << "</td><td class=\"num\">"
        << html_escape(value_text(get(row, "day"))) << "</td>"
        << (dated ? "<td class=\"t\">" + html_escape(date) + "</td>" : "") << "<td class=\"t\">"
        << html_escape(start)
        << (moved.empty() ? "" : "<br><span class=\"note\">" + html_escape(moved) + "</span>")
        << "</td><td class=\"t\">" << html_escape(end) << "</td><td class=\"num\">"
        << html_escape(value_text(get(row, "exchange_volume"))) << "</td>"
        << (ffp ? "<td class=\"num\">" + html_escape(value_text(ffp_units)) + "</td>" : "")
        << "<td class=\"t\">" << html_escape(labs) << "</td><td>"
        << (reassess ? "<span class=\"flag\">RE-ASSESS</span>" : "no") << "</td><td>"
        << html_escape(check) << "</td></tr>\n";
  }
  if (!sessions.is_array() || sessions.empty()) {
    p.o << "<tr><td colspan=\"10\" class=\"muted\">no sessions scheduled</td></tr>\n";
  }
  p.o << "</tbody></table>\n";
  std::string warnings;
  for (const auto& w : get(s, "warnings")) {
    if (w.is_string())
      warnings += "<li class=\"warn\">" + html_escape(w.get<std::string>()) + "</li>";
  }
  if (!warnings.empty()) p.o << "<ul>" << warnings << "</ul>\n";
}

void predicted_labs(Page& p, const json& plan) {
  p.section("Predicted labs");
  const auto& k = get(plan, "kinetics");
  if (!k.is_object() || k.empty()) {
    p.missing("The protocol models no lab values: no prediction.");
    return;
  }
  p.para(
      "Before the session → immediately after* → at the efficacy labs. <b>*Immediately-post "
      "values are not comparable with pre-session values</b>: the extravascular pool refills "
      "the plasma afterwards; judge the effect on the efficacy labs.",
      "note");
  p.o << "<table class=\"labs\"><thead><tr><th class=\"col\">Lab (model)</th><th "
         "class=\"col num\">Session</th><th class=\"col num\">Before</th><th class=\"col "
         "num\">Immediately after*</th><th class=\"col num\">At the efficacy labs</th></tr>"
         "</thead><tbody>\n";
  std::string not_predicted;
  for (const auto& [solute, v] : k.items()) {
    const bool predicted = get(v, "predicted").is_boolean() && v["predicted"].get<bool>();
    if (!predicted) {
      not_predicted += "<li>" + html_escape(analyte_words(solute)) + ": " +
                       html_escape(str(get(v, "reason"))) + "</li>";
      continue;
    }
    const auto& pre = get(v, "pre");
    const auto& post = get(v, "post");
    const auto& next = get(v, "next_day");
    const std::size_t n = pre.is_array() ? pre.size() : 0;
    for (std::size_t i = 0; i < n; ++i) {
      p.o << "<tr>";
      if (i == 0) {
        p.o << "<td rowspan=\"" << n << "\"><b>" << html_escape(analyte_words(solute))
            << "</b><br><span class=\"note\">" << html_escape(model_words(str(get(v, "model"))))
            << "</span></td>";
      }
      const auto at = [](const json& list, std::size_t j) {
        return list.is_array() && j < list.size() ? html_escape(value_text(list[j])) : "";
      };
      p.o << "<td class=\"num\">" << i + 1 << "</td><td class=\"num\">" << at(pre, i)
          << "</td><td class=\"num\">" << at(post, i) << "*</td><td class=\"num\">" << at(next, i)
          << "</td></tr>\n";
    }
  }
  p.o << "</tbody></table>\n";
  if (!not_predicted.empty()) p.o << "<p>Not predicted:</p><ul>" << not_predicted << "</ul>\n";
}

void stop_criteria(Page& p, const json& plan) {
  p.section("Stop criteria");
  const auto& stops = get(get(plan, "schedule"), "stop_criteria");
  if (!stops.is_array() || stops.empty()) {
    p.missing("The protocol states no stop criteria: the team decides when to stop.");
    return;
  }
  p.o << "<ul>\n";
  for (const auto& s : stops) {
    std::string when = str(get(s, "text"));
    if (get(s, "met_after").is_number()) {
      when += " (predicted to be met after session " + value_text(get(s, "met_after")) + ")";
    }
    p.o << "<li><b>" << html_escape(str(get(s, "criterion"))) << "</b>: " << html_escape(when)
        << "</li>\n";
  }
  p.o << "</ul>\n";
}

void findings(Page& p, const json& plan) {
  p.section("Warnings and errors");
  std::string items;
  for (const char* key : {"errors", "warnings"}) {
    const bool error = std::string_view(key) == "errors";
    for (const auto& f : get(plan, key)) {
      items += std::string("<li class=\"warn\">") + (error ? "ERROR: " : "Warning: ") +
               html_escape(str(get(f, "message"))) + "</li>\n";
    }
  }
  if (items.empty()) {
    p.para("None: the plan has no warnings or errors.");
  } else {
    p.o << "<ul>\n" << items << "</ul>\n";
  }
}

void unverified(Page& p, const json& plan) {
  p.section("Unverified protocol values");
  const auto& list = get(get(plan, "protocol"), "unverified");
  if (!list.is_array() || list.empty()) {
    p.para("None: the protocol lists no unverified values.");
    return;
  }
  p.para(
      "The protocol's authors list these values as not verified against a source. Check them "
      "locally before relying on the figures that use them.",
      "note");
  p.o << "<table class=\"unverified\"><thead><tr><th class=\"col\">Protocol value</th><th "
         "class=\"col\">Why it is "
         "unverified</th></tr></thead><tbody>\n";
  for (const auto& u : list) {
    p.o << "<tr><td class=\"mono\">" << html_escape(str(get(u, "key"))) << "</td><td>"
        << html_escape(str(get(u, "note"))) << "</td></tr>\n";
  }
  p.o << "</tbody></table>\n";
}

// ---- sessions performed and the course summary --------------------------------------------

std::string assessment_html(const records::Comparison& c) {
  if (c.beyond_tolerance) return "<span class=\"flag\">BEYOND TOLERANCE</span>";
  if (c.deviation && c.tolerance) return "within tolerance";
  return c.note.empty() ? "—" : html_escape(c.note);
}

void sessions_performed(Page& p, const records::CourseReview& course) {
  p.section("Sessions performed");
  if (course.sessions.empty()) {
    p.missing("No sessions recorded yet.");
    return;
  }
  for (const auto& s : course.sessions) {
    const std::string start = utc_readable(s.started), end = utc_readable(s.ended);
    p.sub("Session " + std::to_string(s.number) + ": " + html_escape(start) + " to " +
          html_escape(date_of(end) == date_of(start) ? clock_of(end) : end) +
          " UTC, under plan record " + std::to_string(s.plan_id));
    p.o << "<table class=\"performed\"><thead><tr><th class=\"col\">Item</th><th class=\"col "
           "num\">Planned</th><th class=\"col num\">Actual</th><th class=\"col "
           "num\">Deviation</th><th class=\"col num\">Tolerance</th><th "
           "class=\"col\">Assessment</th></tr></thead><tbody>\n";
    for (const auto& c : s.comparisons) {
      p.o << "<tr" << (c.beyond_tolerance ? " class=\"beyond\"" : "") << "><td>"
          << html_escape(c.label) << "</td><td class=\"num\">"
          << (c.planned.empty() ? "—" : html_escape(c.planned)) << "</td><td class=\"num\">"
          << (c.actual.empty() ? "—" : html_escape(c.actual)) << "</td><td class=\"num\">"
          << (c.deviation ? html_escape(signed_percent(*c.deviation)) : "—")
          << "</td><td class=\"num\">"
          << (c.tolerance ? "±" + text::fixed(*c.tolerance * 100, 0) + " %" : "not stated")
          << "</td><td>" << assessment_html(c) << "</td></tr>\n";
    }
    p.o << "</tbody></table>\n";
    std::string events;
    for (const auto& e : s.adverse_events) events += (events.empty() ? "" : ", ") + event_words(e);
    p.para("<b>Adverse events:</b> " +
           (events.empty() ? std::string("none recorded") : html_escape(events)) +
           (s.adverse_event_notes.empty() ? "" : ". Note: " + html_escape(s.adverse_event_notes)));
    if (!s.labs.empty()) {
      p.o << "<table class=\"observed\"><thead><tr><th class=\"col\">Lab</th><th class=\"col "
             "num\">Pre</th><th class=\"col num\">Post</th><th class=\"col num\">Post drawn "
             "after the end</th><th class=\"col num\">Post/pre</th><th class=\"col\">Note</th>"
             "</tr></thead><tbody>\n";
      for (const auto& l : s.labs) {
        p.o << "<tr><td>" << html_escape(analyte_words(l.analyte)) << "</td><td class=\"num\">"
            << html_escape(l.pre) << "</td><td class=\"num\">" << html_escape(l.post)
            << "</td><td class=\"num\">" << text::fixed(l.hours_after_end, 1) << " h"
            << (l.equilibrated ? "" : " (early)") << "</td><td class=\"num\">"
            << (l.observed_ratio ? text::fixed(*l.observed_ratio, 2) : "—") << "</td><td>"
            << html_escape(l.note) << "</td></tr>\n";
      }
      p.o << "</tbody></table>\n";
    }
    if (!s.corrections.empty()) {
      p.para("<b>Corrections to this record</b> (from the audit trail):");
      p.o << "<ul>\n";
      for (const auto& c : s.corrections) {
        p.o << "<li>" << html_escape(c.field) << ": " << html_escape(c.previous_value) << " → "
            << html_escape(c.new_value) << ", by " << html_escape(c.actor) << " at "
            << html_escape(utc_when(c.at_utc)) << ", reason: " << html_escape(c.reason)
            << "</li>\n";
      }
      p.o << "</ul>\n";
    }
  }
}

struct Totals {
  double plasma_ml = 0, albumin_g = 0;
  long ffp_units = 0;
  bool plasma = false, albumin = false, ffp = false;
};

Totals delivered(const std::vector<records::SessionRecord>& performed) {
  Totals t;
  for (const auto& s : performed) {
    if (s.data.plasma_removed.dimension == units::Dimension::volume) {
      t.plasma_ml += units::in_milliliters(units::Volume::from_value(s.data.plasma_removed.si));
      t.plasma = true;
    }
    if (s.data.ffp_units) {
      t.ffp_units += *s.data.ffp_units;
      t.ffp = true;
    }
    if (s.data.albumin_used && s.data.albumin_used->dimension == units::Dimension::mass) {
      t.albumin_g += units::in_grams(units::Mass::from_value(s.data.albumin_used->si));
      t.albumin = true;
    }
  }
  return t;
}

void course_summary(Page& p, const records::CourseReview& course, const json& plan,
                    const std::vector<records::SessionRecord>& performed) {
  p.section("Course summary");
  p.kv_open();
  const auto& planned = get(get(plan, "schedule"), "sessions_planned").is_number()
                            ? get(get(plan, "schedule"), "sessions_planned")
                            : get(get(plan, "replacement"), "sessions");
  p.kv("Sessions performed",
       std::to_string(course.sessions.size()) +
           (planned.is_number() ? " of " + value_text(planned) + " planned" : std::string()));
  const auto t = delivered(performed);
  const auto& r = get(plan, "replacement");
  if (t.plasma) {
    p.kv("Plasma removed, total",
         html_escape(text::grouped(std::round(t.plasma_ml), 0)) + " mL (plan: " +
             html_escape(value_text(get(get(plan, "exchange"), "volume_per_session"))) +
             " per session)");
  }
  if (t.ffp) {
    p.kv("FFP given, total",
         std::to_string(t.ffp_units) + " units" +
             (present(get(r, "ffp_units_per_course"))
                  ? " of " + html_escape(value_text(get(r, "ffp_units_per_course"))) +
                        " planned for the course"
                  : std::string()));
  }
  if (t.albumin) {
    p.kv("Albumin given, total",
         html_escape(text::fixed(t.albumin_g, 1)) + " g" +
             (present(get(r, "albumin_grams_per_course"))
                  ? " of " + html_escape(value_text(get(r, "albumin_grams_per_course"))) +
                        " planned for the course"
                  : std::string()));
  }
  std::string beyond;
  std::string events;
  for (const auto& s : course.sessions) {
    for (const auto& c : s.comparisons) {
      if (!c.beyond_tolerance) continue;
      beyond += (beyond.empty() ? "" : "; ") + std::string("session ") + std::to_string(s.number) +
                ": " + c.label + (c.deviation ? " " + signed_percent(*c.deviation) : "");
    }
    for (const auto& e : s.adverse_events) {
      events += (events.empty() ? "" : "; ") + std::string("session ") + std::to_string(s.number) +
                ": " + event_words(e);
    }
  }
  p.kv("Deviations beyond tolerance",
       beyond.empty() ? std::string("none")
                      : "<span class=\"warn\">" + html_escape(beyond) + "</span>");
  p.kv("Adverse events", events.empty() ? std::string("none recorded") : html_escape(events));
  if (course.next_session_volume) {
    p.kv("Next session: model estimate",
         "<b>" + html_escape(text::shown(course.next_session_volume->how.shown)) +
             "</b> per session, from " + html_escape(course.next_session_basis) +
             ". <span class=\"warn\">A model estimate for the team, not an order.</span>");
  } else {
    p.kv("Next session: model estimate",
         "none (needs a re-equilibrated post-session value of a modelled lab)");
  }
  p.kv("Audit trail",
       course.audit_chain_problem.empty()
           ? std::string("hash chain verified")
           : "<span class=\"flag\">PROBLEM</span>: " + html_escape(course.audit_chain_problem));
  p.table_close();
}

void signatures(Page& p) {
  p.o << "<div class=\"sign-block\">\n";
  p.section("Signatures");
  p.para("By signing, I confirm that I have checked the orders above against the patient.", "note");
  p.o << "<table class=\"sign\"><thead><tr><th class=\"col\"></th><th class=\"col\">Prescribing "
         "physician</th><th class=\"col\">Checked by</th><th class=\"col\">Apheresis "
         "nurse</th></tr></thead><tbody>\n";
  for (const char* line : {"Name", "Signature", "Date", "Time"}) {
    p.o << "<tr><th>" << line << "</th><td></td><td></td><td></td></tr>\n";
  }
  p.o << "</tbody></table>\n</div>\n";
}

}  // namespace

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
    throw std::invalid_argument("patient '" + course.patient + "' has no approved plan to print");
  }
  const auto& latest = course.plans.back();
  const auto plan = json::parse(latest.plan.plan_json, nullptr, false);
  if (plan.is_discarded() || !plan.is_object()) {
    throw std::invalid_argument("the stored plan is not a JSON object");
  }

  Page p;
  p.o << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>TPE plan " << html_escape(course.patient) << ", plan record " << latest.plan.id
      << "</title>\n<style>" << kStyle << "</style></head><body>\n";
  header(p, course, latest, plan);
  eligibility(p, plan, latest.plan);
  p.section("Orders per session");
  volume_orders(p, plan);
  replacement_orders(p, plan);
  anticoagulation_orders(p, plan);
  separation_orders(p, plan);
  course_totals(p, plan);
  schedule_section(p, plan);
  predicted_labs(p, plan);
  stop_criteria(p, plan);
  findings(p, plan);
  unverified(p, plan);
  sessions_performed(p, course);
  course_summary(p, course, plan, performed);
  signatures(p);
  p.o << "<p class=\"foot\">Patient " << html_escape(course.patient) << " · plan record "
      << latest.plan.id << " · protocol " << html_escape(latest.plan.protocol_id) << " "
      << html_escape(latest.plan.protocol_version) << " · " << html_escape(plan::kDisclaimer)
      << "</p>\n";
  p.o << "</body></html>\n";
  return p.o.str();
}

}  // namespace lb::report
