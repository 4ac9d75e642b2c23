#include "kinetics/replacement_supply.hpp"

#include "session/replacement_mix.hpp"
#include "text/format.hpp"

namespace lb::kinetics {

namespace {

using protocol::KineticModel;
using protocol::LabValue;
using protocol::Solute;

/// "factor V", "bilirubin", "INR": the label inside a sentence.
std::string label(Solute s) {
  std::string out(protocol::solute_label(s));
  if (s != Solute::inr && s != Solute::igg && !out.empty()) {
    out[0] = static_cast<char>(out[0] - 'A' + 'a');
  }
  return out;
}
std::string word(Solute s) { return std::string(protocol::to_string(s)); }

std::string percent_text(units::Fraction f) { return text::fixed(units::in_percent(f), 0) + " %"; }

/// The solute's value in one fluid's composition; unset when the protocol gives none.
std::optional<LabValue> in_fluid(const protocol::ReplacementSettings& r, bool ffp, Solute s) {
  const auto& c = ffp ? r.ffp_composition : r.albumin_composition;
  switch (s) {
    case Solute::albumin:
      // The albumin solution's albumin is its labelled concentration.
      if (!ffp) return LabValue{r.albumin_concentration};
      if (c.albumin) return LabValue{*c.albumin};
      return std::nullopt;
    case Solute::fibrinogen:
      if (c.fibrinogen) return LabValue{*c.fibrinogen};
      return std::nullopt;
    case Solute::factor_v:
    case Solute::pta:
      // Factor V and prothrombin activity are both % of normal pooled plasma.
      if (c.factor_activity) return LabValue{*c.factor_activity};
      return std::nullopt;
    case Solute::bilirubin:
    case Solute::ammonia:
    case Solute::inr:
    case Solute::igg:
    default: return std::nullopt;
  }
  return std::nullopt;
}

std::string composition_key(bool ffp, Solute s) {
  const std::string fluid = ffp ? "ffp" : "albumin";
  const std::string key = s == Solute::factor_v || s == Solute::pta ? "factor_activity" : word(s);
  return "replacement.composition." + fluid + "." + key;
}

bool is_zero(const LabValue& v) {
  return std::visit([](const auto& q) { return q == std::decay_t<decltype(q)>{}; }, v);
}

/// INR with a replacement section: predicted only when FFP is the whole replacement.
SupplyResult inr_supply(const protocol::SoluteKinetics& k, units::Fraction ffp) {
  const double s = units::in_fraction(ffp);
  if (s < 1.0) {
    const std::string albumin = s > 0.0 ? percent_text(units::fraction(1.0) - ffp) +
                                              " of the replacement is albumin "
                                              "solution, which"
                                        : "the replacement is albumin solution only, which";
    const std::string direction =
        s > 0.0 ? "whether INR falls depends on whether the mix supplies more clotting factor "
                  "than the patient has: see factor V / prothrombin activity"
                : "albumin-only exchange dilutes the clotting factors and raises INR: see factor "
                  "V / prothrombin activity";
    return {std::nullopt,
            albumin +
                " carries no clotting factors; INR is a clotting-time ratio, not a "
                "concentration, and cannot be mixed by volume with a fluid that has no INR "
                "(INR does not convert to factor activity without the local calibration; "
                "LiverBridge clinical reference §7.2); " +
                direction};
  }
  if (!k.replacement_concentration) {
    return {std::nullopt,
            "FFP is the whole replacement, but the protocol gives no INR of FFP "
            "(kinetics.inr.replacement_concentration)"};
  }
  Supply out;
  out.fluids.push_back({"FFP", units::fraction(1.0), *k.replacement_concentration});
  out.basis =
      "kinetics.inr.replacement_concentration (the INR of FFP; FFP is the whole replacement)";
  return {out, ""};
}

/// Albumin, fibrinogen, factor V, PTA with a replacement section: from replacement.composition.
SupplyResult composition_supply(const protocol::SoluteKinetics& k,
                                const protocol::ReplacementSettings& r, units::Fraction ffp,
                                bool ffp_last) {
  if (k.replacement_concentration) {
    return {std::nullopt, "kinetics." + word(k.solute) +
                              ".replacement_concentration conflicts with the replacement: "
                              "section; C_r comes from replacement.composition"};
  }
  const double s = units::in_fraction(ffp);
  Supply out;
  for (const bool is_ffp : {false, true}) {  // albumin solution first: the order given
    const units::Fraction share = is_ffp ? ffp : units::fraction(1.0) - ffp;
    if (!units::positive(share)) continue;
    const auto c = in_fluid(r, is_ffp, k.solute);
    const std::string name = is_ffp ? "FFP" : "albumin solution";
    if (!c) {
      return {
          std::nullopt,
          composition_key(is_ffp, k.solute) + " is not given and " + name + " is " +
              (share < units::fraction(1.0) ? percent_text(share) + " of" : std::string("all of")) +
              " the replacement: what it supplies is unknown, and is taken neither as "
              "normal nor as zero"};
    }
    out.fluids.push_back({name, share, *c});
  }
  out.in_sequence = ffp_last && s > 0.0 && s < 1.0;
  if (k.model == KineticModel::one_compartment) {
    for (const auto& f : out.fluids) {
      if (!is_zero(f.concentration)) {
        return {std::nullopt, "model 'one_compartment' takes the replacement to carry no " +
                                  label(k.solute) + ", but " + f.name + " supplies it (" +
                                  composition_key(f.name == "FFP", k.solute) +
                                  "); use 'replacement_aware'"};
      }
    }
  }
  out.basis = out.fluids.size() == 1 ? "replacement.composition (" + out.fluids[0].name + " only)"
              : out.in_sequence
                  ? "replacement.composition (albumin solution first, FFP last: two mixing steps)"
                  : "replacement.composition (fluids given mixed: volume-weighted C_r)";
  return {out, ""};
}

}  // namespace

bool composition_describes(Solute s) {
  return s == Solute::albumin || s == Solute::fibrinogen || s == Solute::factor_v ||
         s == Solute::pta;
}

SupplyResult replacement_supply(const protocol::SoluteKinetics& k,
                                const std::optional<protocol::ReplacementSettings>& replacement,
                                units::Volume exchange, bool ffp_last) {
  if (replacement) {
    const units::Fraction ffp = session::ffp_share(*replacement, exchange);
    if (k.solute == Solute::inr) return inr_supply(k, ffp);
    if (composition_describes(k.solute)) {
      return composition_supply(k, *replacement, ffp, ffp_last);
    }
  }
  Supply out;
  if (k.model == KineticModel::one_compartment) {
    out.basis = "none: model 'one_compartment' takes the replacement to carry none";
    return {out, ""};
  }
  if (k.replacement_concentration) {
    out.fluids.push_back({"replacement fluid", units::fraction(1.0), *k.replacement_concentration});
    out.basis = "kinetics." + word(k.solute) + ".replacement_concentration";
    return {out, ""};
  }
  if (k.model == KineticModel::replacement_aware) {
    return {std::nullopt, "no replacement concentration: the protocol gives none" +
                              std::string(replacement ? " and its replacement: section does not "
                                                        "describe " +
                                                            label(k.solute)
                                                      : "")};
  }
  // two_compartment without a concentration: the replacement carries none (C_r = 0 shown).
  out.basis = "none given: the replacement is taken to carry no " + label(k.solute) +
              " (C_r = 0; set kinetics." + word(k.solute) +
              ".replacement_concentration if it does)";
  return {out, ""};
}

}  // namespace lb::kinetics
