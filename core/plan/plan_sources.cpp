#include "plan/plan_sources.hpp"

#include <algorithm>
#include <exception>
#include <stdexcept>

#include "io/sha256.hpp"
#include "plan/build_plan.hpp"
#include "text/format.hpp"

namespace lb::plan {

std::string_view to_string(Refusal r) {
  switch (r) {
    case Refusal::none: return "none";
    case Refusal::patient_invalid: return "patient_invalid";
    case Refusal::protocol_invalid: return "protocol_invalid";
    case Refusal::override_refused: return "override_refused";
    case Refusal::start_invalid: return "start_invalid";
    case Refusal::formula_refused: return "formula_refused";
    case Refusal::internal_error: return "internal_error";
  }
  return "?";
}

PreparedProtocol prepare_protocol(const protocol::ProtocolLoad& load) {
  return {load.protocol, load.file, io::sha256_hex(load.text), load.diagnostics};
}

std::optional<std::pair<model::RuleId, std::string>> parse_override_argument(
    std::string_view text) {
  const auto eq = text.find('=');
  if (eq == std::string_view::npos || eq == 0) return std::nullopt;
  return std::make_pair(model::RuleId(std::string(text.substr(0, eq))),
                        std::string(text.substr(eq + 1)));
}

OverrideDecision decide_overrides(const eligibility::Settings& rules,
                                  const eligibility::Overrides& asked, ChoicePolicy policy) {
  OverrideDecision out;
  if (asked.empty()) return out;  // every cohort row: nothing to check
  if (policy == ChoicePolicy::strict) {
    out.refused = eligibility::check_overrides(rules, asked);
    if (out.refused.empty()) out.applied = asked;
    return out;
  }
  for (const auto& [rule_id, reason] : asked) {
    if (text::trimmed(reason).empty()) continue;  // an empty reason box is no override
    const model::RuleId& id = rule_id;            // named: captured below
    const auto rule = std::find_if(rules.rules.begin(), rules.rules.end(),
                                   [&](const eligibility::Rule& r) { return r.id == id; });
    if (rule == rules.rules.end()) {
      out.set_aside.push_back("the reason typed for rule '" + id.str() +
                              "' is not used: this protocol has no such rule");
    } else if (rule->severity != eligibility::Severity::relative) {
      out.set_aside.push_back("the reason typed for rule '" + id.str() +
                              "' is not used: the rule is " +
                              std::string(eligibility::to_string(rule->severity)) +
                              " here; only relative rules can be overridden");
    } else {
      out.applied.emplace_back(id, reason);
    }
  }
  return out;
}

namespace {

/// The exception policy, in one place: a formula that cannot apply to this patient
/// (std::invalid_argument, std::domain_error from make_plan) is bad input; anything
/// else is a bug, named as such.
void make_plan_or_refuse(const PlanRequest& request, PlanAttempt& out) {
  try {
    out.plan = build_plan(request);
  } catch (const std::invalid_argument& e) {
    out.refusal = Refusal::formula_refused;
    out.problems.push_back(std::string("cannot plan this patient with this protocol: ") + e.what());
  } catch (const std::domain_error& e) {
    out.refusal = Refusal::formula_refused;
    out.problems.push_back(std::string("cannot plan this patient with this protocol: ") + e.what());
  } catch (const std::exception& e) {
    out.refusal = Refusal::internal_error;
    out.problems.push_back(std::string("internal error: ") + e.what());
  }
}

void refuse(PlanAttempt& out, Refusal why) {
  if (out.refusal == Refusal::none) out.refusal = why;
}

}  // namespace

PlanAttempt plan_from_read(const patient::PatientLoad& patient, const std::string& patient_file,
                           const PreparedProtocol& protocol, const PlanChoices& choices) {
  PlanAttempt out;
  out.patient_diagnostics = patient.diagnostics;
  out.protocol_diagnostics = protocol.diagnostics;
  if (!patient.patient) refuse(out, Refusal::patient_invalid);
  if (!protocol.protocol) refuse(out, Refusal::protocol_invalid);
  if (out.refused()) return out;

  auto decision =
      decide_overrides(protocol.protocol->eligibility, choices.overrides, choices.policy);
  out.overrides = std::move(decision.applied);
  out.set_aside = std::move(decision.set_aside);
  if (!decision.refused.empty()) {
    refuse(out, Refusal::override_refused);
    out.refused_overrides = std::move(decision.refused);
  }

  if (!text::trimmed(choices.course_start).empty()) {
    auto parsed = schedule::parse_local_time(choices.course_start);
    if (parsed.value) {
      out.start = parsed.value;
    } else {
      out.start_error = parsed.error;
      if (choices.policy == ChoicePolicy::strict) {
        refuse(out, Refusal::start_invalid);
        out.problems.push_back("course start " + parsed.error);
      }
    }
  }
  if (out.refused()) return out;

  PlanRequest request{*patient.patient, patient_file,    *protocol.protocol,
                      protocol.file,    protocol.sha256, out.overrides};
  request.start = out.start;
  make_plan_or_refuse(request, out);
  return out;
}

PlanAttempt plan_from_sources(const PlanSources& sources) {
  return plan_from_read(
      patient::parse_patient(sources.patient_text, sources.patient_file), sources.patient_file,
      prepare_protocol(protocol::parse_protocol(sources.protocol_text, sources.protocol_file)),
      sources.choices);
}

}  // namespace lb::plan
