#include "plan/plan_course.hpp"

#include "eligibility/eligibility.hpp"
#include "kinetics/inr_from_activity.hpp"
#include "kinetics/predict.hpp"
#include "kinetics/solute_value.hpp"
#include "plan/finding_codes.hpp"
#include "scores/score_set.hpp"
#include "text/format.hpp"

namespace lb::plan {

namespace {

using protocol::Solute;

explain::Derived<units::Duration> duration_of(const Plan& plan, const protocol::Protocol& p,
                                              std::vector<Finding>& findings) {
  if (plan.session_duration) return *plan.session_duration;
  explain::Derivation d;
  d.id = "schedule.session_duration";
  d.label = "Session duration used by the schedule";
  d.shown = {0.0, "h", 2};
  if (p.schedule.session_duration) {
    d.shown.value = units::in_hours(*p.schedule.session_duration);
    d.method = "protocol value (no separation section gives a run time)";
    d.formula = "t = schedule.session_duration";
    d.inputs.push_back(explain::quantity_input("schedule.session_duration", d.shown.value, "h", 2));
    d.source = protocol::citation_for(p, p.schedule.source);
    return {*p.schedule.session_duration, d};
  }
  d.shown.value = units::in_hours(protocol::kPlaceholderSessionDuration);
  d.method = "placeholder: neither the separation run time nor schedule.session_duration is set";
  d.formula = "t = 3 h (placeholder, not from a source)";
  d.warnings.emplace_back(
      "placeholder duration, not from a source: session end times are "
      "indicative only");
  findings.push_back({diag::Severity::warning, codes::kSessionDurationDefault.code,
                      "the session duration is a 3 h placeholder (no separation run time and "
                      "no schedule.session_duration in the protocol): end times are indicative",
                      d.id});
  return {protocol::kPlaceholderSessionDuration, d};
}

const kinetics::SolutePrediction* prediction_for(const course::Course& c, Solute s);

/// INR read from the predicted prothrombin activity (kinetics/inr_from_activity.hpp), in the
/// protocol's solute order.
void derive_inr(course::Course& c, const Plan& plan, const protocol::Protocol& p,
                const protocol::SoluteKinetics& k) {
  const auto* activity = prediction_for(c, Solute::pta);
  if (activity == nullptr) {
    std::string why = "no prothrombin activity course";
    for (const auto& np : c.not_predicted) {
      if (np.solute == Solute::pta) why = "the prothrombin activity is not predicted: " + np.reason;
    }
    c.not_predicted.push_back(
        {Solute::inr, "INR is read from the prothrombin activity, but " + why});
    return;
  }
  auto r = kinetics::derive_inr(k, *activity, kinetics::baseline_of(plan.patient, Solute::inr),
                                kinetics::baseline_of(plan.patient, Solute::pta),
                                protocol::citation_for(p, k.source));
  if (!r.prediction) {
    c.not_predicted.push_back({Solute::inr, r.problem});
    return;
  }
  // Keep the protocol's order of solutes (documentation order: INR before the activity).
  auto at = c.kinetics.begin();
  for (const auto& one : p.kinetics.solutes) {
    if (one.solute == Solute::inr) break;
    if (at != c.kinetics.end() && at->solute == one.solute) ++at;
  }
  c.kinetics.insert(at, std::move(*r.prediction));
}

/// A protocol that runs an adsorber (DPMAS) before the exchange: the session is the adsorber's
/// run and then the exchange, so its duration holds both (the kinetics take the exchange's
/// time as what is left, kinetics::exchange_time). The longest adsorber among the solutes.
explain::Derived<units::Duration> with_adsorber(explain::Derived<units::Duration> exchange,
                                                const protocol::Protocol& p) {
  const protocol::SoluteKinetics* longest = nullptr;
  for (const auto& k : p.kinetics.solutes) {
    if (k.adsorption &&
        (longest == nullptr || k.adsorption->duration > longest->adsorption->duration))
      longest = &k;
  }
  if (longest == nullptr) return exchange;
  const units::Duration ads = longest->adsorption->duration;
  const std::string key =
      "kinetics." + std::string(protocol::to_string(longest->solute)) + ".adsorption.duration";
  explain::Derivation d;
  d.id = "schedule.session_duration_with_adsorber";
  d.label = "Session duration (adsorber, then exchange)";
  d.shown = {units::in_hours(ads + exchange.value), "h", 2};
  d.method = "the adsorber runs before the exchange in the same session";
  d.formula = "t = t_adsorber + t_exchange";
  d.inputs.push_back(explain::quantity_input(key, units::in_hours(ads), "h", 2));
  d.inputs.push_back(explain::quantity_input("t_exchange", units::in_hours(exchange.value), "h", 2,
                                             exchange.how.id));
  d.source = protocol::citation_for(p, longest->source);
  d.warnings = exchange.how.warnings;
  return {ads + exchange.value, d};
}

std::vector<kinetics::SessionTiming> timings(const schedule::TimedCourse& t,
                                             units::Fraction plasma_volumes) {
  std::vector<kinetics::SessionTiming> out;
  for (const auto& s : t.sessions) out.push_back({s.start, s.end, plasma_volumes});
  return out;
}

void predict(course::Course& c, const Plan& plan, const protocol::Protocol& p,
             const schedule::TimedCourse& timed) {
  kinetics::PredictionInputs in;
  in.sessions = timings(timed, plan.exchange.plasma_volumes.value);
  in.labs_after = p.schedule.labs_after;
  in.x_ref = plan.exchange.plasma_volumes.how.id;
  // C_r comes from the protocol's replacement fluids (kinetics/replacement_supply.hpp), given
  // in the order the session orders give them (albumin solution first and FFP last when the
  // patient's INR calls for it), so the course and the session's predicted post values agree.
  in.replacement = p.session.replacement;
  in.exchange = plan.exchange.volume.value;
  in.ffp_last =
      plan.session && plan.session->replacement && !plan.session->replacement->ffp_last.empty();
  in.diagnosis =
      std::string(patient::to_string(plan.patient.diagnosis));  // picks the trend default
  const protocol::SoluteKinetics* inr_from_activity = nullptr;
  for (const auto& k : p.kinetics.solutes) {
    if (k.model == protocol::KineticModel::from_prothrombin_activity) {
      inr_from_activity = &k;  // read from the activity's course, once that is predicted
      continue;
    }
    in.citation = protocol::citation_for(p, k.source);
    auto r = kinetics::predict_solute(k, kinetics::baseline_of(plan.patient, k.solute), in);
    if (r.prediction) {
      c.kinetics.push_back(std::move(*r.prediction));
    } else {
      c.not_predicted.push_back({k.solute, r.problem});
    }
  }
  if (inr_from_activity != nullptr) derive_inr(c, plan, p, *inr_from_activity);
}

const kinetics::SolutePrediction* prediction_for(const course::Course& c, Solute s) {
  for (const auto& k : c.kinetics) {
    if (k.solute == s) return &k;
  }
  return nullptr;
}

bool meets(const protocol::StopCriterion& c, const protocol::LabValue& v,
           const protocol::LabValue& target) {
  return c.comparison == protocol::StopComparison::below ? !kinetics::at_least(v, target)
                                                         : !kinetics::at_most(v, target);
}

course::StopOutcome judge(const course::Course& c, const protocol::StopCriterion& crit) {
  course::StopOutcome out{crit, std::nullopt, ""};
  if (!crit.lab) {
    out.text = "an event, not predictable: check before every session";
    return out;
  }
  const auto* k = prediction_for(c, *crit.lab);
  if (k == nullptr) {
    std::string why =
        "no kinetic model for " + std::string(protocol::to_string(*crit.lab)) + " in the protocol";
    for (const auto& np : c.not_predicted) {
      if (np.solute == *crit.lab) why = np.reason;
    }
    out.text = "cannot be predicted: " + why;
    return out;
  }
  if (k->sessions.empty()) return out;
  const auto target = kinetics::in_form_of(*crit.lab, crit.target, k->sessions.front().pre.value);
  if (!target) {
    out.text = "cannot be predicted: the target cannot be put in the unit of the patient's lab";
    return out;
  }
  if (meets(crit, k->sessions.front().pre.value, *target)) {
    out.met_after = 0;
    out.text =
        "already met before session 1 (" + text::shown(k->sessions.front().pre.how.shown) + ")";
    return out;
  }
  for (std::size_t i = 0; i < k->sessions.size(); ++i) {
    const auto& v = k->sessions[i].next_day;
    if (meets(crit, v.value, *target)) {
      out.met_after = static_cast<int>(i) + 1;
      out.text = "expected to be met after session " + std::to_string(i + 1) + " (" +
                 kinetics::band_text(*crit.lab, k->sessions[i].next_day_band) +
                 " at the efficacy labs)";
      return out;
    }
  }
  out.text = "not expected to be met within the " + std::to_string(k->sessions.size()) +
             " planned sessions (" +
             kinetics::band_text(*crit.lab, k->sessions.back().next_day_band) + " after the last)";
  return out;
}

std::string ids(const std::vector<model::RuleId>& v) {
  std::vector<std::string> words;
  words.reserve(v.size());
  for (const auto& id : v) words.push_back(id.str());
  return text::join(words);
}

course::SessionCheck recheck(const Plan& plan, const protocol::Protocol& p, const course::Course& c,
                             std::size_t index) {
  course::SessionCheck out;
  if (p.eligibility.rules.empty()) {
    out.text = "no eligibility rules in the protocol";
    return out;
  }
  patient::Patient predicted = plan.patient;
  for (const auto& k : c.kinetics) {
    if (index < k.sessions.size())
      kinetics::set_lab(predicted, k.solute, k.sessions[index].pre.value);
  }
  eligibility::Overrides overrides;
  if (plan.eligibility) {
    for (const auto& r : plan.eligibility->rules) {
      if (!r.override_reason.empty()) overrides.emplace_back(r.id, r.override_reason);
    }
  }
  const auto scores = scores::compute_scores(predicted, p.scores);
  const auto e = eligibility::evaluate_eligibility(p.eligibility, predicted, scores, overrides);
  out.evaluated = true;
  out.verdict = e.verdict;
  out.rules = e.decisive();
  using V = eligibility::Verdict;
  switch (e.verdict) {
    case V::eligible: out.text = "expected to still meet criteria"; break;
    case V::eligible_with_cautions:
      out.text = "expected to still meet criteria, with cautions: " + ids(out.rules);
      break;
    case V::relative_contraindication:
      out.text = "relative contraindication expected: " + ids(out.rules);
      break;
    case V::not_eligible: out.text = "expected not to meet criteria: " + ids(out.rules); break;
    case V::cannot_decide: out.text = "cannot decide (data missing): " + ids(out.rules); break;
  }
  return out;
}

}  // namespace

void add_course(Plan& plan, const protocol::Protocol& p, std::optional<schedule::LocalTime> start) {
  if (!p.schedule.given && p.kinetics.solutes.empty()) return;
  course::Course c;
  c.start = start;
  c.settings = p.schedule;
  c.session_duration = with_adsorber(duration_of(plan, p, plan.findings), p);
  const auto timed = schedule::place_sessions(p.schedule, c.session_duration.value);
  c.warnings = timed.warnings;
  for (const auto& w : timed.warnings) {
    plan.findings.push_back({diag::Severity::warning, codes::kAfterCourseDaysMax.code, w, ""});
  }
  predict(c, plan, p, timed);
  for (const auto& t : timed.sessions) {
    course::CourseSession s;
    s.timing = t;
    if (start) {
      s.start_at = schedule::plus(*start, t.start);
      s.end_at = schedule::plus(*start, t.end);
      s.labs_at = schedule::plus(*start, t.labs_due);
    }
    s.exchange_volume = plan.exchange.volume.value;
    s.exchange_ref = plan.exchange.volume.how.id;
    c.sessions.push_back(s);
  }
  for (std::size_t i = 0; i < c.sessions.size(); ++i) {
    c.sessions[i].check = recheck(plan, p, c, i);
    const auto& check = c.sessions[i].check;
    if (i > 0 && check.evaluated && check.verdict != eligibility::Verdict::eligible &&
        check.verdict != eligibility::Verdict::eligible_with_cautions) {
      plan.findings.push_back({diag::Severity::warning, codes::kSessionRecheck.code,
                               "session " + std::to_string(i + 1) + ": " + check.text, ""});
    }
  }
  for (const auto& crit : p.schedule.stop_when) c.stop_criteria.push_back(judge(c, crit));
  plan.course = std::move(c);
}

}  // namespace lb::plan
