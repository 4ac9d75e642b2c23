// Conditions: the closed grammar of conditional events and alarm rules. A condition is one of
//   {var: ica, op: "<", value: 0.9 mmol/L, for: 60 s}    an observable compared with a value
//   {action: call_for_help, delay: 4 min}                 a trainee action taken (and a delay)
//   {any: [condition, ...]} / {all: [condition, ...]}    at least one / every condition
// and nothing else: no expressions, no code, no arithmetic from files.
#include "sim/scenario/fields.hpp"
#include "sim/scenario/sections.hpp"
#include "text/did_you_mean.hpp"
#include "yaml/guarded_load.hpp"

namespace lb::sim::scenario::detail {

using yaml::MapReader;
using yaml::Need;

namespace {

std::optional<Condition> read_mapping(MapReader& r, Context& c, int depth);

std::optional<Condition> read_group(MapReader& r, const std::string& key, Condition::Kind kind,
                                    Context& c, int depth) {
  Condition out;
  out.kind = kind;
  out.where = r.location_of_key(key);
  if (depth >= kMaxConditionDepth) {
    r.error_at(key, "nests any/all more than " + std::to_string(kMaxConditionDepth) +
                        " deep; split the condition into separate events");
    (void)r.node(key, Need::required);
    return std::nullopt;
  }
  bool ok = true;
  bool any_item = false;
  for_each_mapping(r, key, Need::required, [&](MapReader& item) {
    any_item = true;
    auto child = read_mapping(item, c, depth + 1);
    if (child) {
      out.children.push_back(std::move(*child));
    } else {
      ok = false;
    }
  });
  if (ok && !any_item && r.has(key)) {
    r.error_at(key, "is an empty list; give at least one condition");
    return std::nullopt;
  }
  if (!ok || out.children.empty()) return std::nullopt;
  return out;
}

std::optional<Condition> read_comparison(MapReader& r, Context& c) {
  Condition out;
  out.kind = Condition::Kind::compare;
  out.where = r.location();
  const auto names = names_of(c.vocabulary.variables);
  const auto var = name_in(r, "var", Need::required, names, "an observable of the simulator");
  const auto op = r.choice("op", Need::required, kOpNames.options());
  std::optional<VariableValue> value;
  if (var) {
    value = value_for(r, "value", *find_named(c.vocabulary.variables, *var));
  } else {
    (void)r.node("value", Need::required);
  }
  const auto for_s = sim_time(r, "for", Need::optional);
  if (r.has("for") && !for_s) return std::nullopt;
  if (!var || !op || !value) return std::nullopt;
  out.compare = Comparison{*value, *op, for_s.value_or(0)};
  return out;
}

std::optional<Condition> read_trigger(MapReader& r, Context& c) {
  Condition out;
  out.kind = Condition::Kind::action;
  out.where = r.location();
  const auto action = name_in(r, "action", Need::required, c.vocabulary.actions, "an action");
  const auto delay = sim_time(r, "delay", Need::optional);
  if (!action || (r.has("delay") && !delay)) return std::nullopt;
  out.action = ActionTrigger{*action, delay.value_or(0)};
  return out;
}

std::optional<Condition> read_mapping(MapReader& r, Context& c, int depth) {
  const bool has_any = r.has("any");
  const bool has_all = r.has("all");
  const bool has_var = r.has("var");
  const bool has_action = r.has("action");
  const int forms = int{has_any} + int{has_all} + int{has_var} + int{has_action};
  if (forms != 1) {
    r.diagnostics().error(r.location(), r.path(),
                          forms == 0 ? "a condition needs one of: var (with op and value), "
                                       "action, any, all"
                                     : "a condition has exactly one of: var, action, any, all");
    // Mark the keys as known so that finish() does not add unknown-key noise.
    for (const char* k : {"any", "all", "var", "op", "value", "for", "action", "delay"}) {
      if (r.has(k)) (void)r.node(k, Need::optional);
    }
    return std::nullopt;
  }
  if (has_any) return read_group(r, "any", Condition::Kind::any, c, depth);
  if (has_all) return read_group(r, "all", Condition::Kind::all, c, depth);
  if (has_var) return read_comparison(r, c);
  return read_trigger(r, c);
}

}  // namespace

std::optional<Condition> read_condition(MapReader& r, const std::string& key, Need need,
                                        Context& c) {
  auto n = r.node(key, need);
  if (!n) return std::nullopt;
  if (!n->IsMap()) {
    r.error_at(key,
               "expected a condition mapping ({var: ..., op: ..., value: ...}, {action: "
               "...}, {any: [...]} or {all: [...]})");
    return std::nullopt;
  }
  MapReader reader(*n, r.file(), r.key_path(key), r.diagnostics());
  auto out = read_mapping(reader, c, 0);
  reader.finish();
  return out;
}

}  // namespace lb::sim::scenario::detail
