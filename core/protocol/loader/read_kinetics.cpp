// kinetics: one entry per solute, keyed by the patient-file lab name, with its
// model and the model's parameters (LiverBridge clinical reference §7). Parameters that
// apply to another model are errors, as the author probably meant that model.
#include <algorithm>

#include "patient/patient.hpp"
#include "protocol/loader/course_fields.hpp"
#include "protocol/loader/sections.hpp"
#include "protocol/names.hpp"
#include "units/compare.hpp"
#include "yaml/guarded_load.hpp"

namespace lb::protocol::detail {

using yaml::MapReader;
using yaml::Need;

namespace {

/// Albumin's half-life is about three weeks: 60 days is beyond any documented return.
constexpr Ceiling kReturnCeiling{60.0 * 86400.0, "60 d", "check the number and its unit"};

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

/// true when a <= b (same alternative; a protocol writes both in one unit system).
bool not_above(const LabValue& a, const LabValue& b) {
  if (a.index() != b.index()) return false;
  return std::visit([&](const auto& x) { return x <= std::get<std::decay_t<decltype(x)>>(b); }, a);
}

/// `rise` with its optional `low`/`high` (a trend may be negative: the patient improves).
std::optional<Generation> read_trend(MapReader& g, Solute solute, units::Duration per, bool& ok) {
  auto rise = read_lab_value(g, "rise", Need::required, solute, true, /*allow_negative=*/true);
  auto low = read_lab_value(g, "low", Need::optional, solute, true, true);
  auto high = read_lab_value(g, "high", Need::optional, solute, true, true);
  if (!rise) {
    ok = false;
    return std::nullopt;
  }
  Generation out{rise->value, per, std::nullopt};
  if (low.has_value() != high.has_value()) {
    g.error_at(low ? "low" : "high", "give both low and high (the range of the trend), or neither");
    ok = false;
  } else if (low && high) {
    if (!not_above(low->value, rise->value) || !not_above(rise->value, high->value)) {
      g.error_at("low", "expected low <= rise <= high, in the same unit system as rise");
      ok = false;
    } else {
      out.range = Range<LabValue>{low->value, high->value};
    }
  }
  return out;
}

/// generation: the untreated trend (population default), optionally by diagnosis.
void read_generation(MapReader& parent, SoluteKinetics& out, const std::vector<Source>* sources) {
  if (!parent.has("generation")) return;
  MapReader g = parent.child("generation", Need::optional);
  if (!g.valid()) return;
  bool ok = true;
  auto per = read_duration(g, "per", Need::required, false, kGenerationPeriodCeiling);
  const units::Duration every = per ? per->value : units::hours(24);
  auto common = read_trend(g, out.solute, every, ok);
  if (g.has("by_diagnosis")) {
    MapReader d = g.child("by_diagnosis", Need::optional);
    for (const auto dx :
         {patient::Diagnosis::alf, patient::Diagnosis::subacute_lf, patient::Diagnosis::aclf,
          patient::Diagnosis::chronic_lf, patient::Diagnosis::other}) {
      const std::string word(patient::to_string(dx));
      if (!d.node(word, Need::optional)) continue;
      MapReader one = d.child(word, Need::optional);
      if (!one.valid()) continue;
      auto t = read_trend(one, out.solute, every, ok);
      one.finish();
      if (t) out.generation_by_diagnosis.push_back({word, *t});
    }
    d.finish();
  }
  if (auto id = source_id(g, "source", Need::optional, sources)) out.generation_source = *id;
  g.finish();
  if (ok && per && common) out.generation = *common;
}

template <class T, class Read>
std::optional<Range<T>> read_range(MapReader& u, const std::string& key, T nominal, Read read) {
  if (!u.has(key)) return std::nullopt;
  MapReader r = u.child(key, Need::optional);
  if (!r.valid()) return std::nullopt;
  auto low = read(r, "low");
  auto high = read(r, "high");
  r.finish();
  if (!low || !high) return std::nullopt;
  if (!(*low <= nominal) || !(nominal <= *high)) {
    u.error_at(key, "expected low <= the parameter's value <= high");
    return std::nullopt;
  }
  return Range<T>{*low, *high};
}

/// The ISI bounds: WHO calibrates thromboplastins to ISI values around 1 to 2; anything
/// outside (0.5, 4] is a typing error, not a reagent.
bool isi_plausible(double v) { return v > 0.5 && v <= 4.0; }

std::optional<units::Fraction> read_isi_value(MapReader& r, const std::string& key, Need need) {
  auto n = r.number(key, need);
  if (!n) return std::nullopt;
  if (!isi_plausible(*n)) {
    r.error_at(key, "'" + written(r, key) +
                        "' is out of range; expected an International Sensitivity Index above "
                        "0.5 and at most 4 (the thromboplastin's, from its package insert)");
    return std::nullopt;
  }
  return units::fraction(*n);
}

/// isi: the local thromboplastin's International Sensitivity Index (a pure number).
void read_isi(MapReader& r, SoluteKinetics& out, bool& ok) {
  if (auto isi = read_isi_value(r, "isi", Need::required)) {
    out.isi = *isi;
  } else {
    ok = false;
  }
}

/// uncertainty: low/high of each parameter, from which the predicted band is computed.
void read_uncertainty(MapReader& parent, SoluteKinetics& out) {
  if (!parent.has("uncertainty")) return;
  MapReader u = parent.child("uncertainty", Need::optional);
  if (!u.valid()) return;
  const auto fraction = [](MapReader& r, const std::string& k) -> std::optional<units::Fraction> {
    auto q = r.quantity(k, Need::required, units::Dimension::fraction, true);
    if (!q) return std::nullopt;
    if (!(q->si_value > 0.0) || q->si_value > 1.0) {
      r.error_at(k, "'" + written(r, k) + "' is out of range; expected more than 0 and at most 1");
      return std::nullopt;
    }
    return units::fraction(q->si_value);
  };
  const auto duration = [](MapReader& r, const std::string& k) -> std::optional<units::Duration> {
    auto d = read_duration(r, k, Need::required, false, kReturnCeiling);
    if (!d) return std::nullopt;
    return d->value;
  };
  const bool two = out.model == KineticModel::two_compartment;
  for (const char* key : {"intravascular_fraction", "redistribution_half_time"}) {
    if (!two && u.has(key)) {
      u.node(key, Need::optional);
      u.error_at(key, "applies only to model 'two_compartment'");
    }
  }
  if (two) {
    out.intravascular_fraction_range =
        read_range(u, "intravascular_fraction", out.intravascular_fraction, fraction);
    if (out.redistribution_half_time) {
      out.redistribution_half_time_range =
          read_range(u, "redistribution_half_time", *out.redistribution_half_time, duration);
    }
  }
  if (out.model == KineticModel::from_prothrombin_activity) {
    const auto isi = [](MapReader& r, const std::string& k) {
      return read_isi_value(r, k, Need::required);
    };
    out.isi_range = read_range(u, "isi", out.isi, isi);
  } else if (u.has("isi")) {
    u.node("isi", Need::optional);
    u.error_at("isi", "applies only to model 'from_prothrombin_activity'");
  }
  if (u.has("return_half_time") && !out.return_half_time) {
    u.node("return_half_time", Need::optional);
    u.error_at("return_half_time", "give return_half_time itself first");
  } else if (out.return_half_time) {
    out.return_half_time_range = read_range(u, "return_half_time", *out.return_half_time, duration);
  }
  u.finish();
}

/// adsorption: an adsorber (DPMAS) run before the exchange, in cleared plasma volumes.
void read_adsorption(MapReader& parent, SoluteKinetics& out) {
  if (!parent.has("adsorption")) return;
  MapReader a = parent.child("adsorption", Need::optional);
  if (!a.valid()) return;
  Adsorption ads;
  bool ok = true;
  for (const char* key : {"plasma_volumes", "low", "high"}) {
    const Need need = std::string(key) == "plasma_volumes" ? Need::required : Need::optional;
    auto n = a.number(key, need);
    if (!n) {
      if (need == Need::required) ok = false;
      continue;
    }
    if (!(*n > 0.0) || *n > 10.0) {
      a.error_at(key, "expected more than 0 and at most 10 plasma volumes");
      ok = false;
      continue;
    }
    if (std::string(key) == "plasma_volumes") ads.plasma_volumes = units::fraction(*n);
    if (std::string(key) == "low") ads.range = Range<units::Fraction>{units::fraction(*n), {}};
    if (std::string(key) == "high") {
      if (!ads.range) {
        a.error_at(key, "give both low and high, or neither");
        ok = false;
      } else {
        ads.range->high = units::fraction(*n);
      }
    }
  }
  if (auto d = read_duration(a, "duration", Need::required, false, kCourseDurationCeiling)) {
    ads.duration = d->value;
  } else {
    ok = false;
  }
  a.finish();
  if (ok && ads.range &&
      (ads.range->low > ads.plasma_volumes || ads.range->high < ads.plasma_volumes)) {
    a.error_at("low", "expected low <= plasma_volumes <= high");
    ok = false;
  }
  if (ok) out.adsorption = ads;
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
    for (const char* key :
         {"intravascular_fraction", "redistribution_half_time", "replacement_concentration",
          "generation", "return_half_time", "adsorption", "isi", "uncertainty", "source"}) {
      r.node(key, Need::optional);
    }
    return std::nullopt;
  }
  out.model = *model;
  bool ok = true;
  // INR is a clotting-time ratio, not an amount in plasma: it cannot fall towards 0. It can
  // move towards the INR of the replacement (LiverBridge clinical reference §7.2,
  // replacement-aware mixing) or be read from the predicted prothrombin activity.
  if (solute == Solute::inr && *model != KineticModel::replacement_aware &&
      *model != KineticModel::from_prothrombin_activity) {
    r.error_at("model",
               "INR is a ratio, not a concentration, and can only be modelled as "
               "'replacement_aware' (moving towards the INR of the replacement fluid) or "
               "'from_prothrombin_activity' (read from the predicted prothrombin activity)");
    ok = false;
  }
  if (solute != Solute::inr && *model == KineticModel::from_prothrombin_activity) {
    r.error_at("model", "'from_prothrombin_activity' applies only to INR");
    ok = false;
  }
  using enum KineticModel;
  if (*model == from_prothrombin_activity && solute == Solute::inr) {
    // The INR follows the prothrombin activity's course: its own production, return and
    // adsorber would be a second model of the same quantity.
    for (const char* key : {"generation", "return_half_time", "adsorption"}) {
      if (!r.has(key)) continue;
      r.node(key, Need::optional);
      r.error_at(key,
                 "does not apply to model 'from_prothrombin_activity' (the INR follows "
                 "kinetics.pta); give it there");
      ok = false;
    }
    read_isi(r, out, ok);
  } else if (r.has("isi") && *model != from_prothrombin_activity) {
    r.node("isi", Need::optional);
    r.error_at("isi", "applies only to model 'from_prothrombin_activity'");
    ok = false;
  } else {
    r.node("isi", Need::optional);  // on another solute: the model's error says enough
  }
  reject_for_model(r, "intravascular_fraction", *model, {two_compartment});
  reject_for_model(r, "redistribution_half_time", *model, {two_compartment});
  reject_for_model(r, "replacement_concentration", *model, {replacement_aware, two_compartment});
  if (*model == two_compartment) {
    read_fraction(r, out);
    // Redistribution rates are unverified (LiverBridge clinical reference §7.3): the protocol must
    // state one.
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
  if (*model != from_prothrombin_activity) {
    read_generation(r, out, sources);
    if (auto t = read_duration(r, "return_half_time", Need::optional, false, kReturnCeiling)) {
      out.return_half_time = t->value;
    }
    read_adsorption(r, out);
  }
  read_uncertainty(r, out);
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
  const auto has = [&](Solute s) {
    return std::any_of(out.solutes.begin(), out.solutes.end(),
                       [&](const SoluteKinetics& k) { return k.solute == s; });
  };
  for (const auto& k : out.solutes) {
    if (k.model == KineticModel::from_prothrombin_activity && !has(Solute::pta)) {
      r.error_at("inr",
                 "model 'from_prothrombin_activity' reads the INR from the predicted "
                 "prothrombin activity: add kinetics.pta (its model and return half-time)");
    }
  }
  r.finish();  // unknown solutes: "unknown key" with a did-you-mean
}

}  // namespace lb::protocol::detail
