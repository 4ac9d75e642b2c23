// Reads stored plan JSON (plan_json.cpp's output, of this or an older version)
// into report::StoredPlan. Every tolerance for older layouts is here: a field
// that was added later is taken from where older plans kept it, and a missing
// section stays empty rather than failing, so a plan stored years ago still prints.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>
#include <type_traits>

#include "explain/derivation.hpp"
#include "report/stored_plan.hpp"
#include "text/format.hpp"
#include "units/parse.hpp"

namespace lb::report {

namespace {
using nlohmann::json;

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

std::optional<double> number(const json& j) {
  return j.is_number() ? std::optional<double>(j.get<double>()) : std::nullopt;
}

std::optional<int> whole(const json& j) {
  return j.is_number_integer() ? std::optional<int>(j.get<int>()) : std::nullopt;
}

bool flag(const json& j) { return j.is_boolean() && j.get<bool>(); }

std::vector<std::string> strings(const json& list) {
  std::vector<std::string> out;
  if (!list.is_array()) return out;
  for (const auto& s : list) {
    if (s.is_string()) out.push_back(s.get<std::string>());
  }
  return out;
}

/// How a number without a display text is shown: whole numbers grouped, others
/// with two decimals (heparin doses are stored as {value, unit} only).
std::string number_text(double v) {
  if (std::abs(v - std::round(v)) < 1e-9) return text::grouped(v, 0);
  return text::fixed(v, 2);
}

/// A scalar as text (a rule's deciding value may be stored as a number or a flag).
std::string scalar_text(const json& j) {
  if (j.is_string()) return j.get<std::string>();
  if (j.is_number()) return number_text(j.get<double>());
  if (j.is_boolean()) return j.get<bool>() ? "yes" : "no";
  return "";
}

/// The display text of {"display"} or {"value", "unit"}.
std::string display_of(const json& q) {
  if (get(q, "display").is_string()) return q["display"].get<std::string>();
  if (const auto v = number(get(q, "value"))) {
    const std::string unit = str(get(q, "unit"));
    return number_text(*v) + (unit.empty() ? "" : " " + unit);
  }
  return "";
}

template <class E, std::size_t N>
StoredCode<E> code(const json& j, const E (&all)[N]) {
  StoredCode<E> out{str(j), std::nullopt};
  for (const E e : all) {
    if (to_string(e) == out.text) out.value = e;
  }
  return out;
}

StoredFigure figure(const json& q) {
  StoredFigure f;
  if (!q.is_object()) return f;
  f.display = display_of(q);
  f.band = str(get(q, "band"));
  f.value = number(get(q, "value"));
  f.unit = str(get(q, "unit"));
  const auto& d = get(q, "derivation");
  f.label = str(get(d, "label"));
  f.method = str(get(d, "method"));
  f.formula = str(get(d, "formula"));
  f.source = str(get(d, "source"));
  f.warnings = strings(get(d, "warnings"));
  if (f.method.rfind(explain::kNotComputed, 0) == 0) {
    // Plans stored before a figure that was not computed lost its value kept the
    // placeholder 0 ("0.0 kg"); neither layout gives it a number.
    f.value.reset();
    f.display = explain::kNotComputed;
  }
  for (const auto& in : get(d, "inputs")) {
    if (!in.is_object()) continue;
    StoredInput i{str(get(in, "name")), display_of(in), number(get(in, "value")),
                  str(get(in, "unit"))};
    if (i.display.empty()) i.display = str(get(in, "text"));
    f.inputs.push_back(std::move(i));
  }
  return f;
}

/// A value in a stated unit as a typed quantity, through the one unit table
/// (units/parse), so "2.5 L" and "2500 mL" read the same and "2500 mg" is refused.
template <class Q>
std::optional<Q> typed(std::optional<double> value, const std::string& unit,
                       units::ParseResult<Q> (*parse)(std::string_view)) {
  if (!value || unit.empty()) return std::nullopt;
  // Fixed notation with more digits than the JSON keeps, independent of the locale.
  char digits[64];
  const auto [end, error] =
      std::to_chars(digits, digits + sizeof digits, *value, std::chars_format::fixed, 10);
  if (error != std::errc()) return std::nullopt;  // beyond any clinical magnitude
  return parse(std::string(digits, end) + " " + unit).value;
}

/// The one step from a read figure to a typed one: its stored value and unit
/// through `parse` (a count passes `nullptr` and keeps the plain number).
template <class Q>
Stored<Q> with_quantity(StoredFigure f, units::ParseResult<Q> (*parse)(std::string_view)) {
  Stored<Q> out;
  static_cast<StoredFigure&>(out) = std::move(f);
  if constexpr (std::is_same_v<Q, double>) {
    out.quantity = out.value;
  } else {
    out.quantity = typed(out.value, out.unit, parse);
  }
  return out;
}

template <class Q>
Stored<Q> quantity(const json& q, units::ParseResult<Q> (*parse)(std::string_view)) {
  return with_quantity(figure(q), parse);
}

Stored<double> count(const json& q) { return with_quantity<double>(figure(q), nullptr); }

/// A setting stored as a field of its own since StoredFormat::stable_orders, or,
/// in older plans, the same value as an input of the figure that used it.
template <class Q>
Stored<Q> setting(const json& section, const char* key, const StoredFigure& used_by,
                  std::string_view input_name, units::ParseResult<Q> (*parse)(std::string_view)) {
  const json& stable = get(section, key);
  if (!stable.is_null()) return quantity(stable, parse);
  StoredFigure f;
  if (const auto* in = used_by.input(input_name)) {
    f.display = in->display;
    f.value = in->value;
    f.unit = in->unit;
  }
  return with_quantity(std::move(f), parse);
}

using units::parse_dose_rate;
using units::parse_duration;
using units::parse_flow;
using units::parse_mass;
using units::parse_mass_concentration;
using units::parse_volume;
/// A share written with its unit ("3.4 %"), as plan_json writes fractions.
units::ParseResult<units::Fraction> parse_percent(std::string_view text) {
  return units::parse_fraction(text);
}

constexpr patient::Diagnosis kDiagnoses[] = {
    patient::Diagnosis::alf, patient::Diagnosis::subacute_lf, patient::Diagnosis::aclf,
    patient::Diagnosis::chronic_lf, patient::Diagnosis::other};
constexpr eligibility::Outcome kOutcomes[] = {
    eligibility::Outcome::met, eligibility::Outcome::not_met, eligibility::Outcome::cannot_decide};
constexpr eligibility::Verdict kVerdicts[] = {
    eligibility::Verdict::eligible, eligibility::Verdict::eligible_with_cautions,
    eligibility::Verdict::relative_contraindication, eligibility::Verdict::not_eligible,
    eligibility::Verdict::cannot_decide};
constexpr plan::Status kStatuses[] = {plan::Status::ready, plan::Status::ready_with_warnings,
                                      plan::Status::not_ready};
constexpr protocol::ExchangeRule kRules[] = {
    protocol::ExchangeRule::plasma_volumes, protocol::ExchangeRule::percent_ibw,
    protocol::ExchangeRule::per_kg, protocol::ExchangeRule::fixed};
constexpr protocol::ReplacementMix kMixes[] = {
    protocol::ReplacementMix::ffp, protocol::ReplacementMix::albumin,
    protocol::ReplacementMix::fractions, protocol::ReplacementMix::ffp_units};
constexpr protocol::Anticoagulant kAnticoagulants[] = {protocol::Anticoagulant::citrate,
                                                       protocol::Anticoagulant::heparin,
                                                       protocol::Anticoagulant::none};
constexpr protocol::SeparationTechnique kTechniques[] = {protocol::SeparationTechnique::centrifugal,
                                                         protocol::SeparationTechnique::membrane};
constexpr protocol::KineticModel kModels[] = {
    protocol::KineticModel::one_compartment, protocol::KineticModel::replacement_aware,
    protocol::KineticModel::two_compartment, protocol::KineticModel::from_prothrombin_activity};

StoredPatient read_patient(const json& p) {
  StoredPatient out;
  out.sex = str(get(p, "sex"));
  out.diagnosis = code(get(p, "diagnosis"), kDiagnoses);
  out.age = figure(get(p, "age"));
  out.weight = figure(get(p, "weight"));
  out.height = figure(get(p, "height"));
  out.hematocrit = figure(get(p, "hematocrit"));
  return out;
}

StoredProtocol read_protocol(const json& p) {
  StoredProtocol out{
      str(get(p, "id")), str(get(p, "version")), str(get(p, "title")), str(get(p, "sha256")), {}};
  for (const auto& u : get(p, "unverified")) {
    out.unverified.push_back({str(get(u, "key")), str(get(u, "note"))});
  }
  return out;
}

std::optional<StoredEligibility> read_eligibility(const json& e) {
  if (!e.is_object()) return std::nullopt;  // plans of protocols without rules
  StoredEligibility out;
  out.verdict = code(get(e, "verdict"), kVerdicts);
  out.asfa_text = str(get(get(e, "asfa"), "text"));
  for (const auto& r : get(e, "rules")) {
    StoredRule rule;
    rule.id = str(get(r, "id"));
    rule.kind = str(get(r, "kind"));
    rule.severity = str(get(r, "severity"));
    rule.outcome = code(get(r, "outcome"), kOutcomes);
    rule.triggered = flag(get(r, "triggered"));
    for (const auto& d : get(r, "decided_by")) {
      std::string shown = scalar_text(get(d, "display"));
      if (shown == "true" || shown == "false") shown = shown == "true" ? "yes" : "no";
      rule.decided_by.push_back({str(get(d, "name")), shown, str(get(d, "condition"))});
    }
    rule.message = str(get(r, "message"));
    rule.source = str(get(r, "source"));
    rule.override_reason = str(get(r, "override_reason"));
    out.rules.push_back(std::move(rule));
  }
  return out;
}

std::optional<StoredReplacement> read_replacement(const json& r) {
  if (!r.is_object()) return std::nullopt;
  StoredReplacement out;
  out.mix = code(get(r, "mix"), kMixes);
  out.ffp_last = str(get(r, "ffp_last"));
  out.sessions = whole(get(r, "sessions"));
  out.replacement_volume = quantity(get(r, "replacement_volume_per_session"), parse_volume);
  out.ffp_volume = quantity(get(r, "ffp_volume_per_session"), parse_volume);
  out.ffp_units = count(get(r, "ffp_units_per_session"));
  out.albumin_volume = quantity(get(r, "albumin_volume_per_session"), parse_volume);
  out.albumin_vials = count(get(r, "albumin_vials_per_session"));
  out.albumin_grams = quantity(get(r, "albumin_grams_per_session"), parse_mass);
  out.ffp_volume_course = quantity(get(r, "ffp_volume_per_course"), parse_volume);
  out.ffp_units_course = count(get(r, "ffp_units_per_course"));
  out.albumin_vials_course = count(get(r, "albumin_vials_per_course"));
  out.albumin_grams_course = quantity(get(r, "albumin_grams_per_course"), parse_mass);
  out.ffp_unit_volume =
      setting(r, "ffp_unit_volume", out.ffp_units, "FFP unit volume", parse_volume);
  out.albumin_concentration =
      setting(r, "albumin_concentration", out.albumin_vials, "c_albumin", parse_mass_concentration);
  out.albumin_vial_mass = setting(r, "albumin_vial_mass", out.albumin_vials, "vial", parse_mass);
  return out;
}

std::optional<StoredAnticoagulation> read_anticoagulation(const json& a) {
  if (!a.is_object()) return std::nullopt;
  StoredAnticoagulation out;
  out.method = code(get(a, "method"), kAnticoagulants);
  out.solution = str(get(a, "solution"));
  out.ac_volume = quantity(get(a, "ac_volume"), parse_volume);
  out.ac_rate = quantity(get(a, "ac_rate"), parse_flow);
  out.citrate_concentration = quantity(get(a, "citrate_concentration"), parse_mass_concentration);
  out.citrate_from_ac = quantity(get(a, "citrate_from_ac"), parse_mass);
  out.citrate_from_ffp = quantity(get(a, "citrate_from_ffp"), parse_mass);
  out.citrate_rate = quantity(get(a, "citrate_rate"), parse_dose_rate);
  out.citrate_rate_limit = quantity(get(a, "citrate_rate_limit"), parse_dose_rate);
  out.calcium_gluconate = quantity(get(a, "calcium_gluconate_per_session"), parse_mass);
  out.calcium_ratio = figure(get(a, "calcium_ratio"));
  out.ionised_calcium_checks = strings(get(a, "ionised_calcium_checks"));
  out.heparin_bolus = figure(get(a, "heparin_bolus"));
  out.heparin_per_hour = figure(get(a, "heparin_per_hour"));
  out.heparin_per_session = figure(get(a, "heparin_per_session"));
  // A bare number; older plans: only as an input of the AC rate's derivation.
  auto ratio = number(get(a, "inlet_ac_ratio"));
  if (!ratio) {
    if (const auto* in = out.ac_rate.input("inlet:AC ratio")) ratio = in->value;
  }
  if (ratio) {
    StoredFigure f;
    f.value = ratio;
    f.display = number_text(*ratio);
    out.inlet_ac_ratio = with_quantity<double>(std::move(f), nullptr);
  }
  return out;
}

std::optional<StoredSeparation> read_separation(const json& s) {
  if (!s.is_object()) return std::nullopt;
  StoredSeparation out;
  out.technique = code(get(s, "technique"), kTechniques);
  out.flow = quantity(get(s, "flow"), parse_flow);
  if (get(s, "inlet_capped").is_boolean()) out.inlet_capped = s["inlet_capped"].get<bool>();
  out.inlet_flow_cap = quantity(get(s, "inlet_flow_cap"), parse_flow);
  out.whole_blood_flow = quantity(get(s, "whole_blood_flow"), parse_flow);
  out.plasma_removal_rate = quantity(get(s, "plasma_removal_rate"), parse_flow);
  out.whole_blood_processed = quantity(get(s, "whole_blood_processed"), parse_volume);
  out.duration = quantity(get(s, "duration"), parse_duration);
  out.extracorporeal_fraction_tbv = quantity(get(s, "extracorporeal_fraction_tbv"), parse_percent);
  out.ac_returned_fraction = quantity(get(s, "ac_returned_fraction"), parse_percent);
  return out;
}

std::optional<std::string> local_time(const json& j) {
  return j.is_string() ? std::optional<std::string>(j.get<std::string>()) : std::nullopt;
}

std::optional<StoredSchedule> read_schedule(const json& s) {
  if (!s.is_object()) return std::nullopt;  // single-session plans, and plans before courses
  StoredSchedule out;
  out.summary = str(get(s, "summary"));
  out.sessions_planned = whole(get(s, "sessions_planned"));
  out.start = local_time(get(s, "start"));
  out.session_duration = figure(get(s, "session_duration"));
  out.labs_after = figure(get(s, "labs_after"));
  for (const auto& row : get(s, "sessions")) {
    StoredSession x;
    x.number = whole(get(row, "number")).value_or(0);
    x.day = whole(get(row, "day")).value_or(0);
    x.start = local_time(get(row, "start"));
    x.end = local_time(get(row, "end"));
    x.labs_due = local_time(get(row, "labs_due"));
    x.start_offset = figure(get(row, "start_offset"));
    x.end_offset = figure(get(row, "end_offset"));
    x.labs_due_offset = figure(get(row, "labs_due_offset"));
    x.exchange_volume = quantity(get(row, "exchange_volume"), parse_volume);
    x.reassess = flag(get(row, "reassess"));
    x.moved = str(get(row, "moved"));
    x.eligibility_text = str(get(get(row, "eligibility"), "text"));
    out.sessions.push_back(std::move(x));
  }
  for (const auto& stop : get(s, "stop_criteria")) {
    out.stop_criteria.push_back(
        {str(get(stop, "criterion")), str(get(stop, "text")), whole(get(stop, "met_after"))});
  }
  out.warnings = strings(get(s, "warnings"));
  return out;
}

std::vector<StoredSolute> read_kinetics(const json& k) {
  std::vector<StoredSolute> out;
  if (!k.is_object()) return out;
  const auto figures = [](const json& list) {
    std::vector<StoredFigure> v;
    if (list.is_array()) {
      for (const auto& f : list) v.push_back(figure(f));
    }
    return v;
  };
  for (const auto& [solute, v] : k.items()) {
    out.push_back({solute, flag(get(v, "predicted")), str(get(v, "reason")),
                   code(get(v, "model"), kModels), figures(get(v, "pre")), figures(get(v, "post")),
                   figures(get(v, "next_day"))});
  }
  return out;
}

std::vector<StoredFinding> read_findings(const json& plan) {
  std::vector<StoredFinding> out;
  for (const auto& [key, severity] : {std::pair{"errors", diag::Severity::error},
                                      std::pair{"warnings", diag::Severity::warning}}) {
    for (const auto& f : get(plan, key)) {
      out.push_back({severity, str(get(f, "code")), str(get(f, "message")), str(get(f, "figure"))});
    }
  }
  return out;
}

/// The layout: the stated layout number when the plan has one; else (plans
/// stored before it was written) told by what it holds: plans stored before the
/// stable order fields keep the FFP unit size and the inlet:AC ratio only in
/// derivations. A number above the newest this program knows (a plan from a newer
/// version) is read as the newest layout, whose fields it keeps.
StoredFormat format_of(const json& plan) {
  if (const auto stated = whole(get(plan, kFormatKey))) {
    if (*stated == static_cast<int>(StoredFormat::derivation_inputs)) {
      return StoredFormat::derivation_inputs;
    }
    if (*stated >= static_cast<int>(StoredFormat::stable_orders)) return kCurrentFormat;
  }
  const auto& r = get(plan, "replacement");
  const auto& a = get(plan, "anticoagulation");
  const bool older =
      (r.is_object() && !r.contains("ffp_unit_volume")) ||
      (a.is_object() && str(get(a, "method")) == "citrate" && !a.contains("inlet_ac_ratio"));
  return older ? StoredFormat::derivation_inputs : StoredFormat::stable_orders;
}

/// Why a JSON object is not a plan LiverBridge wrote, or nullopt when it is one. Every
/// layout ever stored has these members (the plan's own JSON, report/json.cpp): a patient
/// file, a debrief or any other object is refused here rather than read as an empty plan.
std::optional<std::string> not_a_plan(const json& j) {
  if (!get(j, "liverbridge_version").is_string()) {
    return "the stored JSON is not a LiverBridge plan: it has no liverbridge_version";
  }
  for (const char* key : {"protocol", "volumes", "exchange"}) {
    if (!get(j, key).is_object()) {
      return std::string("the stored JSON is not a LiverBridge plan: it has no '") + key +
             "' object";
    }
  }
  if (!code(get(j, "status"), kStatuses).value) {
    return "the stored JSON is not a LiverBridge plan: its status '" + str(get(j, "status")) +
           "' is not ready, ready_with_warnings or not_ready";
  }
  return std::nullopt;
}

}  // namespace

std::string_view to_string(StoredFormat f) {
  switch (f) {
    case StoredFormat::derivation_inputs: return "derivation_inputs";
    case StoredFormat::stable_orders: return "stable_orders";
  }
  return "?";
}

const StoredInput* StoredFigure::input(std::string_view name) const {
  const auto it = std::ranges::find(inputs, name, &StoredInput::name);
  return it == inputs.end() ? nullptr : &*it;
}

bool StoredPlan::has_finding(std::string_view code) const {
  return std::ranges::any_of(findings, [&](const StoredFinding& f) { return f.code == code; });
}

StoredPlanRead read_stored_plan(std::string_view json_text) {
  const auto j = json::parse(json_text, nullptr, false);
  if (j.is_discarded()) return {std::nullopt, "the stored plan is not JSON"};
  if (!j.is_object()) return {std::nullopt, "the stored plan is not a JSON object"};
  if (const auto why = not_a_plan(j)) return {std::nullopt, *why};
  StoredPlan p;
  p.format = format_of(j);
  p.liverbridge_version = str(get(j, "liverbridge_version"));
  p.status = code(get(j, "status"), kStatuses);
  p.patient = read_patient(get(j, "patient"));
  p.protocol = read_protocol(get(j, "protocol"));
  p.eligibility = read_eligibility(get(j, "eligibility"));
  const auto& v = get(j, "volumes");
  p.volumes.bmi = figure(get(v, "bmi"));
  p.volumes.ideal_body_weight = quantity(get(v, "ideal_body_weight"), parse_mass);
  p.volumes.total_blood_volume = quantity(get(v, "total_blood_volume"), parse_volume);
  p.volumes.plasma_volume = quantity(get(v, "plasma_volume"), parse_volume);
  const auto& x = get(j, "exchange");
  p.exchange.rule = code(get(x, "rule"), kRules);
  p.exchange.volume_per_session = quantity(get(x, "volume_per_session"), parse_volume);
  p.exchange.plasma_volumes_per_session = figure(get(x, "plasma_volumes_per_session"));
  p.replacement = read_replacement(get(j, "replacement"));
  p.anticoagulation = read_anticoagulation(get(j, "anticoagulation"));
  p.separation = read_separation(get(j, "separation"));
  p.schedule = read_schedule(get(j, "schedule"));
  p.kinetics = read_kinetics(get(j, "kinetics"));
  p.findings = read_findings(j);
  // The course length: the schedule's, or for a plan without one the replacement's count.
  p.sessions_planned = p.schedule && p.schedule->sessions_planned ? p.schedule->sessions_planned
                       : p.replacement                            ? p.replacement->sessions
                                                                  : std::nullopt;
  return {std::move(p), ""};
}

}  // namespace lb::report
