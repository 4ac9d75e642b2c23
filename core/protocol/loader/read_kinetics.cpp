// kinetics: one entry per solute, keyed by the patient-file lab name, with its
// model and the model's parameters (clinical.md §2.1-§2.3). Parameters that
// apply to another model are errors, as the author probably meant that model.
#include "protocol/loader/course_fields.hpp"
#include "protocol/loader/sections.hpp"
#include "protocol/names.hpp"
#include "units/compare.hpp"
#include "yaml/guarded_load.hpp"

namespace lb::protocol::detail {

using yaml::MapReader;
using yaml::Need;

namespace {

/// Solutes that replacement.composition describes (albumin, fibrinogen, factor activity).
bool composition_describes(Solute s) {
  return s == Solute::albumin || s == Solute::fibrinogen || s == Solute::factor_v ||
         s == Solute::pta;
}

std::string model_name(KineticModel m) { return "'" + std::string(to_string(m)) + "'"; }

void reject_for_model(MapReader& r, const std::string& key, KineticModel model,
                      const std::vector<KineticModel>& applies_to) {
  if (!r.has(key)) return;
  for (auto m : applies_to) {
    if (m == model) return;
  }
  r.node(key, Need::optional);
  std::string names;
  for (auto m : applies_to) names += (names.empty() ? "" : " or ") + model_name(m);
  r.error_at(key, "applies only to model " + names + ", but this solute uses model " +
                      model_name(model) + "; remove it or change the model");
}

void read_fraction(MapReader& r, SoluteKinetics& out) {
  auto q = r.quantity("intravascular_fraction", Need::required, units::Dimension::fraction,
                      /*allow_bare_fraction=*/true);
  if (!q) return;
  if (!(q->si_value > 0.0) || q->si_value > 1.0) {
    r.error_at("intravascular_fraction",
               "'" + written(r, "intravascular_fraction") +
                   "' is out of range; expected more than 0 and at most 1 (or 100 %)");
    return;
  }
  out.intravascular_fraction = units::fraction(q->si_value);
}

void read_generation(MapReader& parent, SoluteKinetics& out) {
  if (!parent.has("generation")) return;
  MapReader g = parent.child("generation", Need::optional);
  if (!g.valid()) return;
  auto rise = read_lab_value(g, "rise", Need::required, out.solute, /*allow_zero=*/false);
  auto per = read_duration(g, "per", Need::required, false, kGenerationPeriodCeiling);
  g.finish();
  if (rise && per) out.generation = Generation{rise->value, per->value};
}

/// `has_replacement`: the protocol has a `replacement:` section, from whose mix the
/// planner takes C_r when the entry gives no replacement_concentration.
std::optional<SoluteKinetics> read_solute(MapReader& r, Solute solute,
                                          const std::vector<Source>* sources,
                                          bool has_replacement) {
  SoluteKinetics out;
  out.solute = solute;
  auto model = r.choice("model", Need::required, names::kKineticModel.options());
  if (!model) {
    for (const char* key : {"intravascular_fraction", "redistribution_half_time",
                            "replacement_concentration", "generation", "source"}) {
      r.node(key, Need::optional);
    }
    return std::nullopt;
  }
  out.model = *model;
  bool ok = true;
  // INR is a clotting-time ratio, not an amount in plasma: it cannot fall towards 0. It can
  // only move towards the INR of the replacement (clinical.md §2.1, replacement-aware mixing).
  if (solute == Solute::inr && *model != KineticModel::replacement_aware) {
    r.error_at("model",
               "INR is a ratio, not a concentration, and can only be modelled as "
               "'replacement_aware' (moving towards the INR of the replacement fluid)");
    ok = false;
  }
  using enum KineticModel;
  reject_for_model(r, "intravascular_fraction", *model, {two_compartment});
  reject_for_model(r, "redistribution_half_time", *model, {two_compartment});
  reject_for_model(r, "replacement_concentration", *model, {replacement_aware, two_compartment});
  if (*model == two_compartment) {
    read_fraction(r, out);
    // Redistribution rates are unverified (clinical.md §2.2): the protocol must state one.
    if (auto t = read_duration(r, "redistribution_half_time", Need::required, false,
                               kCourseDurationCeiling)) {
      out.redistribution_half_time = t->value;
    } else {
      ok = false;
    }
  }
  if (*model == replacement_aware || *model == two_compartment) {
    // With a replacement: section, C_r of the solutes its composition describes comes from
    // there, fluid by fluid (kinetics/replacement_supply.hpp); a second value here would
    // override what the fluids actually supply (e.g. 100 % factor activity for an
    // albumin-only exchange). INR keeps its own value: the INR of FFP.
    const Need need =
        *model == replacement_aware && !has_replacement ? Need::required : Need::optional;
    if (has_replacement && composition_describes(solute) && r.has("replacement_concentration")) {
      r.node("replacement_concentration", Need::optional);
      r.error_at("replacement_concentration",
                 "the protocol has a replacement: section, so C_r comes from "
                 "replacement.composition (what each fluid supplies); remove this and write the "
                 "composition there");
      ok = false;
    } else if (auto c = read_lab_value(r, "replacement_concentration", need, solute, true)) {
      out.replacement_concentration = c->value;
    } else if (need == Need::required) {
      ok = false;
    }
  }
  read_generation(r, out);
  if (auto id = source_id(r, "source", Need::optional, sources)) out.source = *id;
  if (!ok) return std::nullopt;
  return out;
}

}  // namespace

void read_kinetics(MapReader& top, KineticsSettings& out, const std::vector<Source>* sources) {
  if (!top.has("kinetics")) return;
  MapReader r = top.child("kinetics", Need::optional);
  if (!r.valid()) return;
  for (const auto& [word, solute] : solute_words()) {
    if (!r.node(word, Need::optional)) continue;  // asked for every word: finish() can suggest
    MapReader s = r.child(word, Need::optional);
    if (!s.valid()) continue;
    auto k = read_solute(s, solute, sources, top.has("replacement"));
    s.finish();
    if (k) out.solutes.push_back(*k);
  }
  r.finish();  // unknown solutes: "unknown key" with a did-you-mean
}

}  // namespace lb::protocol::detail
