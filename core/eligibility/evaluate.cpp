// Evaluation of eligibility rules: three-valued (met, not met, cannot decide)
// so that missing data never passes as normal.
#include <algorithm>

#include "eligibility/eligibility.hpp"
#include "eligibility/names.hpp"
#include "patient/plausibility.hpp"
#include "text/did_you_mean.hpp"
#include "units/compare.hpp"
#include "units/quantities.hpp"

namespace lb::eligibility {

std::string_view to_string(Outcome o) { return names::kOutcome.name(o); }

std::string_view to_string(Verdict v) { return names::kVerdict.name(v); }

namespace {

/// Compares a value with the bounds as quantities of their dimension (tolerant
/// comparisons of units/compare.hpp, so a converted lab lands on the right side
/// of a bound). A value of another dimension than the bounds decides nothing.
bool compare(Op op, const units::AnyQuantity& value, const units::AnyQuantity& lo,
             const units::AnyQuantity& hi) {
  if (value.dimension() != lo.dimension() || value.dimension() != hi.dimension()) return false;
  return value.visit([&](auto v) {
    using Q = decltype(v);
    const Q l = lo.get<Q>();
    switch (op) {
      case Op::below: return units::below(v, l);
      case Op::at_most: return units::at_most(v, l);
      case Op::above: return units::above(v, l);
      case Op::at_least: return units::at_least(v, l);
      case Op::between: return units::at_least(v, l) && units::at_most(v, hi.get<Q>());
      default: return false;
    }
  });
}

Outcome of(bool b) { return b ? Outcome::met : Outcome::not_met; }

bool contains(const std::vector<std::string>& words, std::string_view w) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

std::string with_unit(double v, const std::string& unit) {
  return patient::plain_number(v) + (unit.empty() ? "" : " " + unit);
}

/// What a rule reads of a score: from a full ScoreSet (with the missing
/// inputs, for the report) or from the text-free ScoreValues (cohort).
struct ScoreView {
  scores::ScoreValue numbers;
  const std::vector<std::string>* missing = nullptr;
};

struct Context {
  const patient::Patient& patient;
  const scores::ScoreSet* set = nullptr;
  const scores::ScoreValues* values = nullptr;

  [[nodiscard]] std::optional<ScoreView> score(const std::string& key) const {
    if (values != nullptr) {
      const auto k = scores::score_key(key);
      if (!k) return std::nullopt;
      return ScoreView{(*values)[*k], nullptr};
    }
    const scores::ScoreResult* r = set->find(key);
    if (r == nullptr) return std::nullopt;
    return ScoreView{{r->value, r->met, r->category}, &r->missing};
  }
};

Outcome evaluate_field(const Condition& c, const Context& ctx, std::vector<Evidence>* sink) {
  const auto value = c.field->get(ctx.patient);
  Outcome out = Outcome::cannot_decide;
  std::optional<double> shown;
  std::string display = "missing";
  if (value) {
    switch (c.field->kind) {
      case FieldKind::quantity:
      case FieldKind::number:
      case FieldKind::whole:
        out = of(compare(c.op, *value->quantity, c.lo, c.hi));
        shown = units::ratio(*value->quantity, c.unit_size);
        break;
      case FieldKind::lab: {
        const units::AnyQuantity v = c.dimension == units::Dimension::mass_concentration
                                         ? units::AnyQuantity::of(value->lab->mass())
                                         : units::AnyQuantity::of(value->lab->amount());
        out = of(compare(c.op, v, c.lo, c.hi));
        shown = units::ratio(v, c.unit_size);
        break;
      }
      case FieldKind::boolean:
        out = of(value->flag == c.flag);
        if (sink) display = value->flag ? "true" : "false";
        break;
      case FieldKind::word:
        out = of(contains(c.words, c.field->words[value->word]));
        if (sink) display = std::string(c.field->words[value->word]);
        break;
      case FieldKind::text:
      case FieldKind::list: break;  // not in the registry: no rule names them
    }
  }
  if (sink) {
    if (shown) display = with_unit(*shown, c.unit);
    if (value && !value->note.empty()) display += " (" + std::string(value->note) + ")";
    sink->push_back(Evidence{std::string(c.field->key), shown, shown ? c.unit : std::string(),
                             std::move(display), c.text, out});
  }
  return out;
}

Outcome evaluate_score(const Condition& c, const Context& ctx, std::vector<Evidence>* sink) {
  const auto view = ctx.score(c.score);
  Outcome out = Outcome::cannot_decide;
  std::optional<double> shown;
  if (view) {
    const auto& n = view->numbers;
    switch (c.op) {
      case Op::met:
        if (n.met) out = of(*n.met == c.flag);
        break;
      case Op::category_in:
        if (n.computed()) out = of(contains(c.words, n.category));
        break;
      default:
        if (n.value) {
          out = of(compare(c.op, units::AnyQuantity::of(units::fraction(*n.value)), c.lo, c.hi));
          shown = *n.value;
        }
        break;
    }
  }
  if (sink) {
    std::string display;
    if (out == Outcome::cannot_decide) {
      display = "not computed";
      if (view && view->missing != nullptr && !view->missing->empty()) {
        display += ": missing ";
        for (std::size_t i = 0; i < view->missing->size(); ++i) {
          display += (i ? ", " : "") + (*view->missing)[i];
        }
      }
    } else if (c.op == Op::met) {
      display = *view->numbers.met ? "met" : "not met";
    } else if (c.op == Op::category_in) {
      display =
          view->numbers.category.empty() ? "no category" : std::string(view->numbers.category);
    } else {
      display = patient::plain_number(*shown);
      if (!view->numbers.category.empty()) {
        display += " (" + std::string(view->numbers.category) + ")";
      }
    }
    sink->push_back(Evidence{c.score, shown, "", std::move(display), c.text, out});
  }
  return out;
}

Outcome evaluate(const Condition& c, const Context& ctx, std::vector<Evidence>* sink) {
  switch (c.node) {
    case Condition::Node::field: return evaluate_field(c, ctx, sink);
    case Condition::Node::score: return evaluate_score(c, ctx, sink);
    case Condition::Node::negate: {
      const Outcome o = evaluate(c.children.front(), ctx, sink);
      if (o == Outcome::cannot_decide) return o;
      return o == Outcome::met ? Outcome::not_met : Outcome::met;
    }
    case Condition::Node::all:
    case Condition::Node::any: {
      const bool all = c.node == Condition::Node::all;
      // The outcome that settles the combination alone: not met for all, met for any.
      const Outcome settles = all ? Outcome::not_met : Outcome::met;
      bool undecided = false;
      bool settled = false;
      std::vector<Evidence> settling, rest;
      for (const auto& child : c.children) {
        std::vector<Evidence> mine;
        const Outcome o = evaluate(child, ctx, sink ? &mine : nullptr);
        if (o == settles) {
          settled = true;
          if (!sink) break;
          settling.insert(settling.end(), mine.begin(), mine.end());
        } else {
          undecided = undecided || o == Outcome::cannot_decide;
          if (sink) rest.insert(rest.end(), mine.begin(), mine.end());
        }
      }
      if (sink) {
        // Only the values that decided: the settling children, else all of them.
        auto& chosen = settled ? settling : rest;
        sink->insert(sink->end(), chosen.begin(), chosen.end());
      }
      if (settled) return settles;
      if (undecided) return Outcome::cannot_decide;
      return all ? Outcome::met : Outcome::not_met;
    }
  }
  return Outcome::cannot_decide;
}

Verdict impact(Severity s) {
  switch (s) {
    case Severity::absolute: return Verdict::not_eligible;
    case Severity::relative: return Verdict::relative_contraindication;
    case Severity::caution: return Verdict::eligible_with_cautions;
  }
  return Verdict::not_eligible;
}

Verdict decided_level(std::span<const Outcome> outcomes, const auto& kind_of,
                      const auto& severity_of) {
  Verdict worst = Verdict::eligible;
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    if (is_triggered(kind_of(i), outcomes[i])) worst = std::max(worst, impact(severity_of(i)));
  }
  return worst;
}

}  // namespace

bool is_triggered(RuleKind kind, Outcome outcome) {
  return kind == RuleKind::contraindication ? outcome == Outcome::met : outcome == Outcome::not_met;
}

Verdict verdict_for(const std::vector<Rule>& rules, std::span<const Outcome> outcomes) {
  const auto kind_of = [&](std::size_t i) { return rules[i].kind; };
  const auto severity_of = [&](std::size_t i) { return rules[i].severity; };
  const Verdict worst = decided_level(outcomes, kind_of, severity_of);
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    if (outcomes[i] == Outcome::cannot_decide && impact(rules[i].severity) > worst) {
      return Verdict::cannot_decide;
    }
  }
  return worst;
}

std::vector<const RuleResult*> Eligibility::unresolved_relative() const {
  std::vector<const RuleResult*> out;
  for (const auto& r : rules) {
    if (r.triggered && r.severity == Severity::relative && r.override_reason.empty()) {
      out.push_back(&r);
    }
  }
  return out;
}

std::vector<model::RuleId> Eligibility::decisive() const {
  std::vector<model::RuleId> out;
  Verdict worst = Verdict::eligible;
  for (const auto& r : rules) {
    if (r.triggered) worst = std::max(worst, impact(r.severity));
  }
  for (const auto& r : rules) {
    const bool deciding = verdict == Verdict::cannot_decide
                              ? r.outcome == Outcome::cannot_decide && impact(r.severity) > worst
                              : r.triggered && impact(r.severity) == verdict;
    if (deciding) out.push_back(r.id);
  }
  return out;
}

std::vector<OverrideProblem> check_overrides(const Settings& settings, const Overrides& overrides) {
  std::vector<OverrideProblem> problems;
  std::vector<std::string> ids;
  for (const auto& r : settings.rules) ids.push_back(r.id.str());
  for (const auto& [rule_id, reason] : overrides) {
    // A named copy: a structured binding cannot be captured by a lambda before C++20
    // compilers caught up (clang 14 rejects it).
    const model::RuleId& id = rule_id;
    const auto it = std::find_if(settings.rules.begin(), settings.rules.end(),
                                 [&](const Rule& r) { return r.id == id; });
    if (it == settings.rules.end()) {
      const auto near = text::closest_match(id.str(), ids);
      problems.push_back({id, OverrideProblem::Kind::unknown_rule, Severity::relative,
                          near.value_or(std::string())});
    } else if (it->severity != Severity::relative) {
      problems.push_back({id, OverrideProblem::Kind::not_relative, it->severity, ""});
    } else if (reason.find_first_not_of(" \t") == std::string::npos) {
      problems.push_back({id, OverrideProblem::Kind::no_reason, Severity::relative, ""});
    }
  }
  return problems;
}

std::string describe(const OverrideProblem& p) {
  switch (p.kind) {
    case OverrideProblem::Kind::unknown_rule:
      return "the protocol has no eligibility rule '" + p.rule_id.str() + "'" +
             (p.did_you_mean.empty() ? "" : " (did you mean '" + p.did_you_mean + "'?)");
    case OverrideProblem::Kind::not_relative:
      return "rule '" + p.rule_id.str() + "' is " + std::string(to_string(p.severity)) +
             "; only relative rules can be overridden";
    case OverrideProblem::Kind::no_reason:
      return "no reason is given for overriding rule '" + p.rule_id.str() + "'";
  }
  return "rule '" + p.rule_id.str() + "' cannot be overridden";
}

namespace {

Verdict decide_in(const Settings& settings, const Context& ctx, std::span<Outcome> outcomes) {
  for (std::size_t i = 0; i < settings.rules.size() && i < outcomes.size(); ++i) {
    outcomes[i] = evaluate(settings.rules[i].when, ctx, nullptr);
  }
  return verdict_for(settings.rules,
                     outcomes.first(std::min(outcomes.size(), settings.rules.size())));
}

}  // namespace

Verdict decide(const Settings& settings, const patient::Patient& patient,
               const scores::ScoreSet& scores, std::span<Outcome> outcomes) {
  return decide_in(settings, Context{patient, &scores, nullptr}, outcomes);
}

Verdict decide(const Settings& settings, const patient::Patient& patient,
               const scores::ScoreValues& scores, std::span<Outcome> outcomes) {
  return decide_in(settings, Context{patient, nullptr, &scores}, outcomes);
}

Eligibility evaluate_eligibility(const Settings& settings, const patient::Patient& patient,
                                 const scores::ScoreSet& scores, const Overrides& overrides) {
  Eligibility out;
  const Context ctx{patient, &scores, nullptr};
  std::vector<Outcome> outcomes;
  outcomes.reserve(settings.rules.size());
  for (const auto& rule : settings.rules) {
    RuleResult r;
    r.id = rule.id;
    r.kind = rule.kind;
    r.severity = rule.severity;
    r.outcome = evaluate(rule.when, ctx, &r.decided_by);
    r.triggered = is_triggered(rule.kind, r.outcome);
    r.message = rule.message;
    r.source = rule.source;
    for (const auto& [id, reason] : overrides) {
      if (id == rule.id && rule.severity == Severity::relative) r.override_reason = reason;
    }
    outcomes.push_back(r.outcome);
    out.rules.push_back(std::move(r));
  }
  out.verdict = verdict_for(settings.rules, outcomes);
  out.asfa = asfa_lookup(settings.asfa, patient.diagnosis, patient.etiology);
  return out;
}

}  // namespace lb::eligibility
