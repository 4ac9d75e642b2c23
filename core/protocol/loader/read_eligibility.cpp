// eligibility: indications and contraindications as declarative rules
// (protocols/README.md "eligibility"). Every leaf is checked against the field
// registry (patient/eligibility_fields.hpp) or the score registry when the file is
// read: unknown names, bounds of the wrong dimension and bounds that can never
// be reached are errors at the bound's line and column.
#include <algorithm>
#include <array>
#include <set>

#include "patient/catalogue.hpp"
#include "patient/plausibility.hpp"
#include "protocol/asfa.hpp"
#include "protocol/eligibility_rules.hpp"
#include "protocol/loader/fields.hpp"
#include "protocol/loader/sections.hpp"
#include "protocol/names.hpp"
#include "text/did_you_mean.hpp"
#include "text/format.hpp"
#include "units/lab_conversions.hpp"
#include "units/parse.hpp"
#include "yaml/guarded_load.hpp"

namespace lb::protocol::detail {

using eligibility::Condition;
using eligibility::FieldKind;
using eligibility::Op;
using yaml::MapReader;
using yaml::Need;

namespace {

struct OpName {
  std::string_view key;
  Op op;
  std::string_view symbol;
};

constexpr std::array kOps = {
    OpName{names::kOp.name(Op::below), Op::below, "<"},
    OpName{names::kOp.name(Op::at_most), Op::at_most, "\u2264"},
    OpName{names::kOp.name(Op::above), Op::above, ">"},
    OpName{names::kOp.name(Op::at_least), Op::at_least, "\u2265"},
    OpName{names::kOp.name(Op::between), Op::between, ""},
    OpName{names::kOp.name(Op::in), Op::in, "in"},
    OpName{names::kOp.name(Op::is), Op::is, "="},
    OpName{names::kOp.name(Op::met), Op::met, "met"},
    OpName{names::kOp.name(Op::category_in), Op::category_in, "category in"},
};

constexpr std::string_view kNumericOps = "below, at_most, above, at_least or between";
constexpr int kMaxDepth = 8;

std::vector<std::string> op_keys() {
  std::vector<std::string> out;
  for (const auto& o : kOps) out.emplace_back(o.key);
  return out;
}

bool numeric(Op op) {
  return op == Op::below || op == Op::at_most || op == Op::above || op == Op::at_least ||
         op == Op::between;
}

std::string list_text(const std::vector<std::string>& words) { return "[" + joined(words) + "]"; }

/// The bounds of a numeric leaf as written: one scalar, or [lo, hi] for between.
struct Bounds {
  std::vector<std::string> text;
  std::vector<diag::Location> where;
};

std::optional<Bounds> read_bounds(MapReader& r, const std::string& key, Op op) {
  auto n = r.node(key, Need::required);
  if (!n) return std::nullopt;
  Bounds b;
  if (op == Op::between) {
    if (!n->IsSequence() || n->size() != 2) {
      r.error_at(key, "expected two bounds, '[low, high]'");
      return std::nullopt;
    }
    for (const auto& item : *n) {
      if (!item.IsScalar()) {
        r.error_at(key, "expected two bounds, '[low, high]'");
        return std::nullopt;
      }
      b.text.push_back(text::trimmed(item.Scalar()));
      b.where.push_back(yaml::location_of(item.Mark(), r.file()));
    }
    return b;
  }
  if (!n->IsScalar()) {
    r.error_at(key, "expected one bound, e.g. '20 10^9/L'");
    return std::nullopt;
  }
  b.text.push_back(text::trimmed(n->Scalar()));
  b.where.push_back(r.location_of_value(key));
  return b;
}

/// Parses one bound for a field or score; reports at `where`. Sets the
/// dimension/unit of the condition from the first bound.
std::optional<units::AnyQuantity> parse_bound(MapReader& r, const std::string& key,
                                              const std::string& text, const diag::Location& where,
                                              Condition& c) {
  auto& diags = r.diagnostics();
  const std::string path = r.key_path(key);
  const bool plain = c.node == Condition::Node::score || c.field->kind == FieldKind::number ||
                     c.field->kind == FieldKind::whole;
  if (plain) {
    auto v = units::parse_plain_number(text);
    if (!v) {
      diags.error(where, path, v.error + "; expected a plain number");
      return std::nullopt;
    }
    if (c.node == Condition::Node::field && c.field->kind == FieldKind::whole &&
        *v.value != std::floor(*v.value)) {
      diags.error(where, path,
                  "'" + text + "' is not a whole number; " + std::string(c.field->key) +
                      " is a whole number");
      return std::nullopt;
    }
    c.dimension = units::Dimension::fraction;
    return units::AnyQuantity::of(units::fraction(*v.value));
  }
  const auto* f = c.field;
  // Labs take either unit system; a quantity keeps the parser's wording
  // ("expected a length in cm, m, in, ft").
  auto q = f->kind == FieldKind::lab ? units::parse_quantity(text)
                                     : units::parse_quantity_of(text, f->dimension);
  if (!q) {
    const std::string what = q.error.find(", expected") != std::string::npos
                                 ? q.error + " (the unit of " + std::string(f->key) + ")"
                                 : q.error;
    diags.error(where, path, what);
    return std::nullopt;
  }
  // The field's accepted units decide, as for the patient file (calcium in
  // mEq/L is halved; mEq/L is refused for what is not an ion).
  const auto accepted = patient::accept(*f, *q.value);
  if (!accepted.value) {
    if (accepted.refusal == patient::Refusal::meq_not_ion ||
        accepted.refusal == patient::Refusal::not_usual) {
      diags.error(where, path,
                  "'" + text + "': " + q.value->unit + " is not a unit for " + std::string(f->key) +
                      "; expected " + patient::units_hint(*f));
    } else {
      diags.error(where, path,
                  "'" + text + "' is " + std::string(units::dimension_name(q.value->dimension)) +
                      ", but " + std::string(f->key) +
                      " is a concentration: expected a mass concentration (mg/dL, g/L) or an "
                      "amount concentration (umol/L, mmol/L)");
    }
    return std::nullopt;
  }
  c.dimension = q.value->dimension;
  c.unit = q.value->unit;
  const auto one = units::parse_quantity("1 " + c.unit);
  const auto one_accepted = one ? patient::accept(*f, *one.value) : patient::Accepted{};
  if (one_accepted.value) c.unit_size = *one_accepted.value;
  return accepted.value;
}

/// Whether the bound lies within what the field or score can take; reports the
/// bound as impossible otherwise.
bool check_possible(MapReader& r, const std::string& key, const std::string& text,
                    const diag::Location& where, const units::AnyQuantity& bound,
                    const Condition& c) {
  double lo = 0.0, hi = 0.0;
  std::string range;
  double value = bound.si();  // a plain number (score) or the bound in SI
  if (c.node == Condition::Node::score) {
    const auto* s = eligibility::find_score(c.score);
    lo = s->min;
    hi = s->max;
    range = patient::plain_number(lo) + "\u2013" + patient::plain_number(hi);
  } else if (c.field->kind == FieldKind::whole) {
    lo = c.field->min;
    hi = c.field->max;
    range = std::to_string(c.field->min) + "\u2013" + std::to_string(c.field->max);
  } else {
    const auto* pr = patient::find_range(c.field->key);
    if (pr == nullptr) return true;
    const auto scale = patient::unit_scale(pr->unit);
    if (c.field->kind == FieldKind::lab && scale.dimension != c.dimension) {
      // Compare in the range's unit system with the analyte's factor.
      const auto a = *c.field->analyte;
      const auto mass = bound.as<units::MassConcentration>();
      value =
          mass ? units::AnyQuantity::of(units::to_amount(a, *mass)).si()
               : units::AnyQuantity::of(units::to_mass(a, bound.get<units::AmountConcentration>()))
                     .si();
    }
    value /= scale.si_per_unit;
    lo = pr->hard_min;
    hi = pr->hard_max;
    range = patient::describe_hard(*pr);
  }
  const double tol = 1e-9 * std::max({std::fabs(value), std::fabs(lo), std::fabs(hi)});
  if (value < lo - tol || value > hi + tol) {
    r.diagnostics().error(
        where, r.key_path(key),
        "impossible bound '" + text +
            "': " + (c.node == Condition::Node::score ? c.score : std::string(c.field->key)) +
            " is always within " + range + ", so this condition could never decide");
    return false;
  }
  return true;
}

std::optional<Condition> read_condition(const YAML::Node& node, const std::string& file,
                                        const std::string& path, diag::Diagnostics& diags,
                                        int depth);

/// all: / any: — a non-empty list of conditions.
std::optional<Condition> read_combination(MapReader& r, const std::string& key, int depth) {
  Condition c;
  c.node = key == "all" ? Condition::Node::all
                        : (key == "any" ? Condition::Node::any : Condition::Node::negate);
  auto n = r.node(key, Need::optional);
  r.finish();
  if (!n) {
    r.error_at(key, "'" + key + "' is empty; " +
                        (key == "not" ? std::string("give one condition")
                                      : "list at least one condition"));
    return std::nullopt;
  }
  if (depth >= kMaxDepth) {
    r.error_at(key, "conditions nested more than " + std::to_string(kMaxDepth) +
                        " deep; simplify the rule");
    return std::nullopt;
  }
  bool ok = true;
  if (key == "not") {
    if (!n->IsMap()) {
      r.error_at(key, "expected one condition (a mapping) under 'not'");
      return std::nullopt;
    }
    auto child = read_condition(*n, r.file(), r.key_path(key), r.diagnostics(), depth + 1);
    if (!child) return std::nullopt;
    c.children.push_back(std::move(*child));
    return c;
  }
  if (!n->IsSequence()) {
    r.error_at(key, "expected a list of conditions under '" + key + "'");
    return std::nullopt;
  }
  if (n->size() == 0) {
    r.error_at(key, "'" + key + "' is empty; list at least one condition");
    return std::nullopt;
  }
  std::size_t i = 0;
  for (const auto& item : *n) {
    auto child = read_condition(item, r.file(), r.key_path(key) + "[" + std::to_string(i++) + "]",
                                r.diagnostics(), depth + 1);
    if (child)
      c.children.push_back(std::move(*child));
    else
      ok = false;
  }
  if (!ok) return std::nullopt;
  return c;
}

std::optional<Condition> read_leaf(MapReader& r) {
  Condition c;
  bool ok = true;
  const bool has_field = r.has("field");
  const bool has_score = r.has("score");
  if (has_field == has_score) {
    r.node("field", Need::optional);
    r.node("score", Need::optional);
    r.diagnostics().error(r.location(), r.path(),
                          has_field ? "give either 'field' or 'score', not both"
                                    : "a condition needs 'field: <patient field>' or 'score: "
                                      "<score>', or combines conditions with all, any or not");
    ok = false;
  } else if (has_field) {
    c.node = Condition::Node::field;
    if (auto name = r.text("field", Need::required)) {
      c.field = eligibility::find_field(*name);
      if (c.field == nullptr) {
        r.error_at("field", "unknown field '" + *name + "'" +
                                text::did_you_mean_suffix(*name, eligibility::field_names()) +
                                "; fields are named as in the patient file, e.g. "
                                "'labs.platelets', 'clinical.active_bleeding', 'diagnosis'");
        ok = false;
      }
    } else {
      ok = false;
    }
  } else {
    c.node = Condition::Node::score;
    if (auto name = r.text("score", Need::required)) {
      if (eligibility::find_score(*name) == nullptr) {
        std::vector<std::string> keys;
        for (const auto& s : eligibility::score_registry()) keys.emplace_back(s.key);
        r.error_at("score", "unknown score '" + *name + "'" +
                                text::did_you_mean_suffix(*name, keys) +
                                "; scores: " + joined(keys));
        ok = false;
      } else {
        c.score = *name;
      }
    } else {
      ok = false;
    }
  }
  // Exactly one comparison.
  const OpName* chosen = nullptr;
  for (const auto& o : kOps) {
    if (!r.has(std::string(o.key))) continue;
    if (chosen != nullptr) {
      r.node(std::string(o.key), Need::optional);
      r.error_at(std::string(o.key), "a condition has one comparison; '" +
                                         std::string(chosen->key) + "' is already given");
      ok = false;
      continue;
    }
    chosen = &o;
  }
  if (chosen == nullptr) {
    r.finish();
    r.diagnostics().error(r.location(), r.path(),
                          "missing comparison: give one of " + joined(op_keys()));
    return std::nullopt;
  }
  const std::string key(chosen->key);
  c.op = chosen->op;
  if (!ok) {
    r.node(key, Need::optional);
    r.finish();
    return std::nullopt;
  }

  // Which comparisons the field or score allows.
  std::string allowed;
  const auto* score = c.node == Condition::Node::score ? eligibility::find_score(c.score) : nullptr;
  if (score != nullptr) {
    const bool fits = (numeric(c.op) && score->has_value) || (c.op == Op::met && score->has_met) ||
                      (c.op == Op::category_in && !score->categories.empty());
    if (!fits) {
      std::vector<std::string> ops;
      if (score->has_value) ops.emplace_back(kNumericOps);
      if (score->has_met) ops.emplace_back("met");
      if (!score->categories.empty()) ops.emplace_back("category_in");
      allowed = "score '" + c.score + "' takes " + joined(ops);
    }
  } else {
    const auto kind = c.field->kind;
    const bool fits = ((kind == FieldKind::quantity || kind == FieldKind::lab ||
                        kind == FieldKind::number || kind == FieldKind::whole) &&
                       numeric(c.op)) ||
                      (kind == FieldKind::boolean && c.op == Op::is) ||
                      (kind == FieldKind::word && c.op == Op::in);
    if (!fits) {
      allowed = std::string(c.field->key) + " takes " +
                (kind == FieldKind::boolean ? std::string("'is: true' or 'is: false'")
                 : kind == FieldKind::word  ? std::string("'in: [words]'")
                                            : std::string(kNumericOps));
    }
  }
  if (!allowed.empty()) {
    r.node(key, Need::optional);
    r.error_at(key, "'" + key + "' does not apply here: " + allowed);
    r.finish();
    return std::nullopt;
  }

  if (numeric(c.op)) {
    auto bounds = read_bounds(r, key, c.op);
    r.finish();
    if (!bounds) return std::nullopt;
    std::vector<units::AnyQuantity> si;
    for (std::size_t i = 0; i < bounds->text.size(); ++i) {
      Condition probe = c;
      auto v = parse_bound(r, key, bounds->text[i], bounds->where[i], probe);
      if (!v) return std::nullopt;
      if (i == 0) {
        c = probe;
      } else if (probe.dimension != c.dimension) {
        r.diagnostics().error(bounds->where[i], r.key_path(key),
                              "'" + bounds->text[i] + "' and '" + bounds->text[0] +
                                  "' are in different unit systems; write both the same way");
        return std::nullopt;
      }
      if (!check_possible(r, key, bounds->text[i], bounds->where[i], *v, c)) return std::nullopt;
      si.push_back(*v);
    }
    c.lo = si[0];
    c.hi = si.size() > 1 ? si[1] : si[0];
    if (c.op == Op::between) {
      if (units::greater(c.lo, c.hi)) {
        r.diagnostics().error(bounds->where[0], r.key_path(key),
                              "impossible range [" + bounds->text[0] + ", " + bounds->text[1] +
                                  "]: the low bound is above the high bound");
        return std::nullopt;
      }
      c.text = bounds->text[0] + "\u2013" + bounds->text[1];
    } else {
      c.text = std::string(chosen->symbol) + " " + bounds->text[0];
    }
    return c;
  }
  if (c.op == Op::is || c.op == Op::met) {
    auto b = r.boolean(key, Need::required);
    r.finish();
    if (!b) return std::nullopt;
    c.flag = *b;
    c.text = c.op == Op::met ? (*b ? "met" : "not met") : (*b ? "is true" : "is false");
    return c;
  }
  // in / category_in: a list of allowed words.
  auto words = r.text_list(key, Need::required);
  r.finish();
  if (!words) return std::nullopt;
  if (words->empty()) {
    r.error_at(key, "'" + key + "' is empty; list at least one word");
    return std::nullopt;
  }
  std::vector<std::string> allowed_words;
  if (score != nullptr) {
    for (const auto w : score->categories) allowed_words.emplace_back(w);
  } else {
    for (const auto w : c.field->words) allowed_words.emplace_back(w);
  }
  for (const auto& w : *words) {
    if (std::find(allowed_words.begin(), allowed_words.end(), w) == allowed_words.end()) {
      r.error_at(key, "'" + w + "' is not one of: " + joined(allowed_words) +
                          text::did_you_mean_suffix(w, allowed_words));
      return std::nullopt;
    }
  }
  c.words = *words;
  c.text = std::string(chosen->symbol) + " " + list_text(*words);
  return c;
}

std::optional<Condition> read_condition(const YAML::Node& node, const std::string& file,
                                        const std::string& path, diag::Diagnostics& diags,
                                        int depth) {
  MapReader r(node, file, path, diags);
  if (!r.valid()) {
    diags.error(yaml::location_of(node.Mark(), file), path,
                "expected a condition such as '{field: labs.platelets, at_most: 20 10^9/L}'");
    return std::nullopt;
  }
  for (const char* combo : {"all", "any", "not"}) {
    if (!r.has(combo)) continue;
    return read_combination(r, combo, depth);
  }
  return read_leaf(r);
}

bool valid_rule_id(const std::string& id) {
  if (id.empty() || id.size() > 64 || !((id[0] >= 'a' && id[0] <= 'z'))) return false;
  return std::all_of(id.begin(), id.end(), [](char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '-';
  });
}

}  // namespace

void read_eligibility(MapReader& top, eligibility::Settings& out,
                      const std::vector<Source>* sources) {
  if (!top.has("eligibility")) return;
  MapReader section = top.child("eligibility", Need::optional);
  if (!section.valid()) return;
  auto& diags = top.diagnostics();

  MapReader asfa = section.child("asfa", Need::optional);
  if (asfa.valid()) {
    if (auto p = asfa.choice<std::string>("procedure", Need::optional,
                                          {{"tpe", "tpe"}, {"tpe_hv", "tpe_hv"}})) {
      out.asfa.procedure = *p;
    }
    if (auto ind = asfa.text("indication", Need::optional)) {
      std::vector<std::string> known;
      for (const auto& e : eligibility::asfa_2023_table()) {
        if (std::find(known.begin(), known.end(), e.indication) == known.end())
          known.emplace_back(e.indication);
      }
      if (eligibility::asfa_indication_known(*ind)) {
        out.asfa.indication = *ind;
      } else {
        asfa.error_at("indication", "'" + *ind +
                                        "' is not an ASFA 2023 indication LiverBridge "
                                        "knows: " +
                                        joined(known) + text::did_you_mean_suffix(*ind, known));
      }
    }
    asfa.finish();
  }

  auto list = section.node("rules", Need::required);
  section.finish();
  if (!list) return;
  if (!list->IsSequence()) {
    section.error_at("rules", "expected a list of rules ('- id: ...')");
    return;
  }
  std::set<std::string> seen;
  std::size_t index = 0;
  for (const auto& item : *list) {
    const std::string path = "eligibility.rules[" + std::to_string(index++) + "]";
    MapReader r(item, top.file(), path, diags);
    if (!r.valid()) {
      diags.error(yaml::location_of(item.Mark(), top.file()), path,
                  "expected a rule with id, kind, severity, when, message and source");
      continue;
    }
    eligibility::Rule rule;
    bool ok = true;
    if (auto id = r.text("id", Need::required)) {
      if (!valid_rule_id(*id)) {
        r.error_at("id", "'" + *id +
                             "' is not a valid rule id; use lowercase letters, digits, '_' and "
                             "'-', starting with a letter (e.g. platelets_low)");
        ok = false;
      } else if (!seen.insert(*id).second) {
        r.error_at("id", "rule id '" + *id + "' is used twice; ids must be unique");
        ok = false;
      }
      rule.id = model::RuleId(*id);
    } else {
      ok = false;
    }
    using eligibility::RuleKind;
    using eligibility::Severity;
    if (auto k = r.choice("kind", Need::required, names::kRuleKind.options()))
      rule.kind = *k;
    else
      ok = false;
    if (auto s = r.choice("severity", Need::required, names::kRuleSeverity.options()))
      rule.severity = *s;
    else
      ok = false;
    if (auto m = r.text("message", Need::required))
      rule.message = *m;
    else
      ok = false;
    if (auto src = source_id(r, "source", Need::required, sources)) {
      rule.source = *src;
    } else {
      ok = false;
    }
    if (auto when = r.node("when", Need::required)) {
      auto c = read_condition(*when, top.file(), path + ".when", diags, 0);
      if (c)
        rule.when = std::move(*c);
      else
        ok = false;
    } else {
      ok = false;
    }
    r.finish();
    if (ok) out.rules.push_back(std::move(rule));
  }
}

}  // namespace lb::protocol::detail
