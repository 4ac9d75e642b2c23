// The header (schema, id, title, version, duration) and the setup of the virtual patient:
// patient (file or inline), protocol (bundled id or file), session, device, physiology
// parameter overrides and starting-state overrides.
#include "sim/scenario/fields.hpp"
#include "sim/scenario/sections.hpp"
#include "text/did_you_mean.hpp"
#include "text/format.hpp"

namespace lb::sim::scenario::detail {

using yaml::MapReader;
using yaml::Need;

namespace {

std::string out_of_range(const VariableValue& v, const ValidRange& range) {
  return out_of_range_message(v.variable, v.value, v.unit, range);
}

/// One number of a distribution (`mean`, `sd`, `min`, `max` of `d`) in the parameter's unit,
/// inside its valid range (not for `sd`, a spread rather than a value of the parameter).
std::optional<double> draw_number(MapReader& d, const std::string& key, const NamedUnit& p,
                                  bool in_range) {
  auto v = value_for(d, key, p);
  if (!v) return std::nullopt;
  if (in_range && p.range && !p.range->contains(v->value)) {
    d.error_at(key, out_of_range(*v, *p.range));
    return std::nullopt;
  }
  return v->value;
}

/// `key: {mean: M, sd: S, min: A, max: B}` (min and max optional): every number in the
/// parameter's unit, sd ≥ 0, min ≤ mean ≤ max, all inside the parameter's valid range. Every
/// problem is reported (at its own key) before the distribution is refused.
std::optional<ParameterDraw> read_draw(MapReader& params, const std::string& key,
                                       const NamedUnit& p) {
  MapReader d = params.child(key, Need::required);
  if (!d.valid()) return std::nullopt;
  const bool has_mean = d.has("mean"), has_sd = d.has("sd");
  const auto mean = draw_number(d, "mean", p, true);
  const auto sd = draw_number(d, "sd", p, false);
  std::optional<double> min, max;
  bool ok = mean && sd && has_mean && has_sd;
  if (d.has("min")) ok = (min = draw_number(d, "min", p, true)).has_value() && ok;
  if (d.has("max")) ok = (max = draw_number(d, "max", p, true)).has_value() && ok;
  const std::string unit = p.unit.empty() ? "" : " " + p.unit;
  if (sd && !(*sd >= 0.0)) {
    d.error_at("sd", "the standard deviation " + plain_number(*sd) + unit +
                         " is negative; it must be 0 or more");
    ok = false;
  }
  if (min && max && *min > *max) {
    d.error_at("min",
               "min " + plain_number(*min) + unit + " is above max " + plain_number(*max) + unit);
    ok = false;
  } else if (mean && ((min && *mean < *min) || (max && *mean > *max))) {
    d.error_at("mean", "the mean " + plain_number(*mean) + unit + " is outside [" +
                           (min ? plain_number(*min) : std::string("…")) + ", " +
                           (max ? plain_number(*max) : std::string("…")) + "]" + unit);
    ok = false;
  }
  d.finish();
  if (!ok) return std::nullopt;
  return ParameterDraw{*mean, *sd, min, max};
}

}  // namespace

void read_header(MapReader& top, Context& c) {
  Scenario& s = c.scenario;
  if (auto schema = top.text("schema", Need::required); schema && *schema != kSchema) {
    top.error_at("schema", "'" + *schema + "' is not a scenario schema this version reads; write " +
                               std::string(kSchema));
  }
  if (auto id = id_field(top, "id", Need::required)) s.id = *id;
  if (auto t = top.text("title", Need::required)) s.title = *t;
  if (auto v = top.text("version", Need::required)) s.version = *v;
  if (auto t = top.text("summary", Need::optional)) s.summary = *t;
  if (top.has("audience")) {
    if (auto a = top.text_list("audience", Need::optional)) s.audience = *a;
  }
  s.duration_s = sim_time(top, "duration", Need::required, /*positive=*/true).value_or(0);
}

void read_setup(MapReader& top, Context& c) {
  Scenario& s = c.scenario;
  if (auto p = top.node("patient", Need::required)) {
    if (p->IsScalar() && !p->Scalar().empty()) {
      s.patient_file = p->Scalar();
    } else if (p->IsMap() && p->Style() != YAML::EmitterStyle::Flow) {
      s.patient_inline = "inline";  // its text is cut from the file (scenario_loader.cpp)
    } else {
      top.error_at("patient",
                   "expected a patient file path or the patient as an indented block "
                   "mapping (the keys of a patient file)");
    }
  }
  if (auto p = top.text("protocol", Need::required)) s.protocol = *p;
  s.session = top.integer("session", Need::optional, 1, 100).value_or(1);
  if (top.has("device")) s.device = top.choice("device", Need::optional, kDeviceNames.options());

  MapReader params = top.child("parameters", Need::optional);
  const auto param_names = names_of(c.vocabulary.parameters);
  for (const auto& key : params.keys()) {
    const NamedUnit* p = find_named(c.vocabulary.parameters, key);
    if (p == nullptr) continue;  // finish() reports it with a did-you-mean
    const auto node = params.node(key, Need::optional);
    if (node && node->IsMap()) {
      // A per-patient distribution, drawn once per run (sim/run/patient_draws.hpp).
      if (auto d = read_draw(params, key, *p)) {
        s.parameters.push_back(
            ParameterOverride{key, d->mean, p->unit, params.location_of_value(key), d});
      }
      continue;
    }
    auto v = value_for(params, key, *p);
    if (v && p->range && !p->range->contains(v->value)) {
      params.error_at(key, out_of_range(*v, *p->range));
      v.reset();
    }
    if (v) {
      s.parameters.push_back(
          ParameterOverride{key, v->value, v->unit, params.location_of_value(key), std::nullopt});
    }
  }
  // Unknown parameter names: unknown keys of this mapping, suggested from the engine's list.
  for (const auto& key : params.keys()) {
    if (find_named(c.vocabulary.parameters, key) == nullptr) {
      params.diagnostics().error(params.location_of_key(key), params.key_path(key),
                                 "'" + key + "' is not a physiology parameter of the simulator" +
                                     text::did_you_mean_suffix(key, param_names));
      (void)params.node(key, Need::optional);
    }
  }
  params.finish();

  MapReader start = top.child("start", Need::optional);
  const auto var_names = names_of(c.vocabulary.variables);
  for (const auto& key : start.keys()) {
    const NamedUnit* v = find_named(c.vocabulary.variables, key);
    if (v == nullptr) {
      start.diagnostics().error(start.location_of_key(key), start.key_path(key),
                                "'" + key + "' is not an observable of the simulator" +
                                    text::did_you_mean_suffix(key, var_names));
      (void)start.node(key, Need::optional);
      continue;
    }
    const NamedUnit* settable = find_named(c.vocabulary.startable, key);
    if (settable == nullptr) {
      start.error_at(key, "'" + key + "' cannot be set at the start; the start may set " +
                              text::join(names_of(c.vocabulary.startable)) +
                              " (amounts come from the patient file and the parameters)");
      (void)start.node(key, Need::optional);
      continue;
    }
    auto value = value_for(start, key, *v);
    if (value && settable->range && !settable->range->contains(value->value)) {
      start.error_at(key, out_of_range(*value, *settable->range));
      continue;
    }
    if (value) {
      s.start.push_back(*value);
      s.start_where.push_back(start.location_of_value(key));
    }
  }
  start.finish();
}

}  // namespace lb::sim::scenario::detail
