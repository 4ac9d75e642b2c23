// Exchange volume per session (LiverBridge clinical reference §3.2, §3).
#include "volume/exchange_volume.hpp"

#include <cmath>
#include <stdexcept>
#include <utility>

#include "text/format.hpp"
#include "units/compare.hpp"
#include "units/lab_conversions.hpp"
#include "volume/detail.hpp"
#include "volume/finding_codes.hpp"
#include "volume/kernels.hpp"

namespace lb::volume {

namespace {

/// The volume the protocol's rule gives, and how to explain it.
struct RuleResult {
  units::Volume volume;
  std::string method;   ///< "1.5 plasma volumes"
  std::string formula;  ///< "V = 1.5 × PV"
  std::string phrase;   ///< "<phrase> gives 5065 mL"; empty: "The fixed volume is 5065 mL"
  std::vector<explain::Input> inputs;
};

/// An input taken from another derivation: shown as that derivation shows it, with its id.
explain::Input input_from(std::string name, const explain::Derivation& d) {
  return explain::quantity_input(std::move(name), d.shown.value, d.shown.unit, d.shown.decimals,
                                 d.id);
}

/// A protocol coefficient exactly as configured ("1.5", "15", "0.065").
std::string coefficient(double v, int min_decimals = 0) {
  return text::fixed(v, detail::decimals_for(v, min_decimals, 4));
}

RuleResult apply_rule(const protocol::ExchangeSettings& s, const ExchangeInputs& in) {
  RuleResult r;
  r.volume = kernel::exchange_rule_volume(s, in.plasma_volume.value, in.ideal_body_weight.value,
                                          in.actual_weight);
  switch (s.rule) {
    case protocol::ExchangeRule::plasma_volumes: {
      // V = k × PV (LiverBridge clinical reference §3; ASFA 1–1.5 TPV, §3.2).
      const double k = units::in_fraction(s.plasma_volumes);
      const std::string kt = coefficient(k, 1);
      r.method = kt + " plasma volumes";
      r.formula = "V = " + kt + " × PV";
      r.phrase = kt + " plasma volumes";
      r.inputs = {
          explain::quantity_input("k (plasma volumes)", k, "", detail::decimals_for(k, 1, 4)),
          input_from("PV (plasma volume)", in.plasma_volume.how)};
      return r;
    }
    case protocol::ExchangeRule::percent_ibw: {
      // V = 15 % × IBW × 1 L/kg (Larsen 2016 HVP: 15 % of ideal body weight, 1 kg of
      // plasma ≈ 1 L; LiverBridge clinical reference §3.2).
      const double pct = units::in_percent(s.percent_of_ibw);
      const double l_per_kg = units::in_liters(s.percent_ibw_volume_per_kg * units::kilograms(1));
      const std::string pt = coefficient(pct);
      const std::string lt = coefficient(l_per_kg);
      r.method = pt + " % of ideal body weight";
      r.formula = "V = " + pt + " % × IBW × " + lt + " L/kg";
      r.phrase = pt + " % of IBW";
      r.inputs = {
          explain::quantity_input("percentage of IBW", pct, "%", detail::decimals_for(pct, 0, 4)),
          input_from("IBW (ideal body weight)", in.ideal_body_weight.how),
          explain::quantity_input("volume per kg", l_per_kg, "L/kg",
                                  detail::decimals_for(l_per_kg, 0, 4))};
      return r;
    }
    case protocol::ExchangeRule::per_kg: {
      // V = mL/kg × weight, actual or ideal per the protocol (LiverBridge clinical reference §3.2
      // note, §3.3).
      const bool ideal = s.per_kg_weight == protocol::WeightBasis::ideal;
      const std::string rate = detail::ml_per_kg(s.per_kg);
      r.method = rate + (ideal ? " of ideal body weight" : " of actual body weight");
      r.formula = "V = " + rate + (ideal ? " × IBW" : " × W");
      r.phrase = rate + (ideal ? " of IBW" : " of actual body weight");
      const double rate_value = units::in_ml_per_kg(s.per_kg);
      r.inputs = {explain::quantity_input("volume per kg", rate_value, "mL/kg",
                                          detail::decimals_for(rate_value, 0, 3))};
      if (ideal) {
        r.inputs.push_back(input_from("IBW (ideal body weight)", in.ideal_body_weight.how));
      } else {
        r.inputs.push_back(explain::quantity_input("W (actual weight)",
                                                   units::in_kilograms(in.actual_weight), "kg",
                                                   detail::weight_decimals(in.actual_weight)));
      }
      return r;
    }
    case protocol::ExchangeRule::fixed: {
      // A fixed volume, e.g. 2000–3000 mL in Chinese NBAL practice (LiverBridge clinical reference
      // §3.3).
      const double ml = units::in_milliliters(s.fixed);
      r.method = "Fixed volume";
      r.formula = "V = " + detail::grouped(ml, detail::decimals_for(ml, 0, 3)) + " mL";
      r.inputs = {
          explain::quantity_input("fixed volume", ml, "mL", detail::decimals_for(ml, 0, 3))};
      return r;
    }
  }
  throw std::invalid_argument("unknown exchange rule");
}

/// The fewest decimals (from `min_decimals`, at most 6) at which `a` and `b`
/// print differently, so that "above" and "below" are visible in the numbers.
int distinct_decimals(double a, double b, int min_decimals) {
  int d = min_decimals;
  while (d < 6 && text::fixed(a, d) == text::fixed(b, d)) ++d;
  return d;
}

std::string ml_exact(units::Volume v) {
  return detail::ml(v, detail::decimals_for(units::in_milliliters(v), 0, 3));
}

std::string plasma_volumes_text(double n, int decimals) {
  return text::fixed(n, decimals) + " plasma volumes";
}

}  // namespace

ExchangeVolume exchange_volume(const protocol::ExchangeSettings& settings,
                               const ExchangeInputs& inputs, const std::string& source_citation) {
  const units::Volume pv = inputs.plasma_volume.value;
  detail::require_positive(units::in_milliliters(pv), "plasma volume");
  if (settings.rule == protocol::ExchangeRule::percent_ibw ||
      (settings.rule == protocol::ExchangeRule::per_kg &&
       settings.per_kg_weight == protocol::WeightBasis::ideal)) {
    if (!(units::in_kilograms(inputs.ideal_body_weight.value) > 0.0)) {
      throw std::domain_error("the exchange rule needs ideal body weight; " +
                              (inputs.ideal_body_weight.how.warnings.empty()
                                   ? std::string("ideal body weight not computed")
                                   : inputs.ideal_body_weight.how.warnings.back()));
    }
  }
  if (settings.rule == protocol::ExchangeRule::per_kg &&
      settings.per_kg_weight == protocol::WeightBasis::actual) {
    detail::require_weight(inputs.actual_weight);
  }
  if (settings.round_to)
    detail::require_positive(units::in_milliliters(*settings.round_to), "round_to");

  RuleResult rule = apply_rule(settings, inputs);
  detail::require_positive(units::in_milliliters(rule.volume), "exchange volume");

  // 1. Rounding of the ordered volume (nearest multiple).
  units::Volume v = rule.volume;
  std::string formula = rule.formula;
  std::vector<explain::Input> extra_inputs;
  if (settings.round_to) {
    v = kernel::round_to_nearest(v, *settings.round_to);
    formula += ", rounded to the nearest " + ml_exact(*settings.round_to);
    extra_inputs.push_back(explain::quantity_input(
        "rounding step", units::in_milliliters(*settings.round_to), "mL",
        detail::decimals_for(units::in_milliliters(*settings.round_to), 0, 3)));
  }

  // How the volume came about, for messages: "15 % of IBW gives 13 920 mL".
  bool capped = false;
  const auto subject = [&](int decimals) {
    if (capped) return "The capped exchange volume is " + detail::ml(v, decimals);
    std::string out = rule.phrase.empty() ? "The fixed volume is " : rule.phrase + " gives ";
    if (settings.round_to && detail::ml(rule.volume) != detail::ml(v)) {
      out += detail::ml(rule.volume) + ", rounded to ";
    }
    return out + detail::ml(v, decimals);
  };

  std::vector<LimitFinding> findings;
  const auto add = [&findings](diag::Severity severity, std::string code, std::string message) {
    findings.push_back({severity, std::move(code), std::move(message)});
  };
  const protocol::VolumeLimits& lim = settings.limits;

  // 2. Hard maximum: the plan never exceeds it; the volume is capped (a warning
  //    naming the uncapped volume).
  if (lim.hard_max && units::above(v, *lim.hard_max)) {
    const units::Volume cap = kernel::capped_at(*lim.hard_max, settings);
    const int d =
        distinct_decimals(units::in_milliliters(v), units::in_milliliters(*lim.hard_max), 0);
    std::string msg = subject(d) + ", above the protocol's hard maximum of " +
                      detail::ml(*lim.hard_max, d) + "; capped at " + ml_exact(cap);
    if (cap != *lim.hard_max)
      msg += " (rounded down to a multiple of " + ml_exact(*settings.round_to) + ")";
    add(diag::Severity::warning, codes::kCappedAtHardMax.code, std::move(msg));
    extra_inputs.push_back(
        explain::quantity_input("hard maximum", units::in_milliliters(*lim.hard_max), "mL",
                                detail::decimals_for(units::in_milliliters(*lim.hard_max), 0, 3)));
    formula += "; capped at the hard maximum";
    v = cap;
    capped = true;
  }

  // 3. Hard maximum in plasma volumes: capped the same way.
  if (lim.plasma_volumes_hard_max && units::above(v / pv, *lim.plasma_volumes_hard_max)) {
    const double k = units::in_fraction(*lim.plasma_volumes_hard_max);
    const units::Volume limit_volume = *lim.plasma_volumes_hard_max * pv;
    const units::Volume cap = kernel::capped_at(limit_volume, settings);
    const double n = units::in_fraction(v / pv);
    const int dn = distinct_decimals(n, k, 2);
    std::string msg = subject(0) + ", i.e. " + plasma_volumes_text(n, dn) + " of " +
                      detail::ml(pv) + ", above the protocol's hard maximum of " +
                      plasma_volumes_text(k, dn) + " (" + detail::ml(limit_volume) +
                      "); capped at " + detail::ml(cap);
    if (settings.round_to && cap != limit_volume) {
      msg += " (rounded down to a multiple of " + ml_exact(*settings.round_to) + ")";
    }
    add(diag::Severity::warning, codes::kCappedAtPlasmaVolumesHardMax.code, std::move(msg));
    extra_inputs.push_back(explain::quantity_input("plasma volumes hard maximum", k, "",
                                                   detail::decimals_for(k, 1, 4)));
    formula += "; capped at " + coefficient(k, 1) + " × PV";
    v = cap;
    capped = true;
  }

  // 4. The remaining limits judge the final (rounded, capped) volume.
  const double v_ml = units::in_milliliters(v);
  if (lim.hard_min && units::below(v, *lim.hard_min)) {
    const int d = distinct_decimals(v_ml, units::in_milliliters(*lim.hard_min), 0);
    add(diag::Severity::error, codes::kBelowHardMin.code,
        subject(d) + ", below the protocol's hard minimum of " + detail::ml(*lim.hard_min, d));
  }
  if (lim.soft_min && units::below(v, *lim.soft_min)) {
    const int d = distinct_decimals(v_ml, units::in_milliliters(*lim.soft_min), 0);
    add(diag::Severity::warning, codes::kBelowSoftMin.code,
        subject(d) + ", below the protocol's soft minimum of " + detail::ml(*lim.soft_min, d));
  }
  if (lim.soft_max && units::above(v, *lim.soft_max)) {
    const int d = distinct_decimals(v_ml, units::in_milliliters(*lim.soft_max), 0);
    add(diag::Severity::warning, codes::kAboveSoftMax.code,
        subject(d) + ", above the protocol's soft maximum of " + detail::ml(*lim.soft_max, d));
  }
  if (lim.plasma_volumes_soft_min && units::below(v / pv, *lim.plasma_volumes_soft_min)) {
    const double k = units::in_fraction(*lim.plasma_volumes_soft_min);
    const double n = units::in_fraction(v / pv);
    const int dn = distinct_decimals(n, k, 2);
    add(diag::Severity::warning, codes::kBelowPlasmaVolumesSoftMin.code,
        subject(0) + ", i.e. " + plasma_volumes_text(n, dn) + " of " + detail::ml(pv) +
            ", below the protocol's soft minimum of " + plasma_volumes_text(k, dn) + " (" +
            detail::ml(*lim.plasma_volumes_soft_min * pv) + ")");
  }
  if (lim.plasma_volumes_soft_max && units::above(v / pv, *lim.plasma_volumes_soft_max)) {
    const double k = units::in_fraction(*lim.plasma_volumes_soft_max);
    const double n = units::in_fraction(v / pv);
    const int dn = distinct_decimals(n, k, 2);
    add(diag::Severity::warning, codes::kAbovePlasmaVolumesSoftMax.code,
        subject(0) + ", i.e. " + plasma_volumes_text(n, dn) + " of " + detail::ml(pv) +
            ", above the protocol's soft maximum of " + plasma_volumes_text(k, dn) + " (" +
            detail::ml(*lim.plasma_volumes_soft_max * pv) + ")");
  }

  ExchangeVolume out;
  out.findings = std::move(findings);

  explain::Derivation& how = out.volume.how;
  how.id = "exchange_volume_per_session";
  how.label = "Exchange volume per session";
  how.shown = {v_ml, "mL", 0};
  how.method = rule.method;
  how.formula = formula;
  how.inputs = std::move(rule.inputs);
  how.inputs.insert(how.inputs.end(), extra_inputs.begin(), extra_inputs.end());
  how.source = source_citation.empty() ? "Protocol exchange rule (the protocol names no source)"
                                       : source_citation;
  for (const auto& f : out.findings) how.warnings.push_back(f.message);
  out.volume.value = v;

  // Plasma volumes exchanged: n = V ÷ PV (LiverBridge clinical reference §3.2, §7.2 uses it as x).
  const units::Fraction n = v / pv;
  explain::Derivation& pvs = out.plasma_volumes.how;
  pvs.id = "plasma_volumes_per_session";
  pvs.label = "Plasma volumes exchanged per session";
  pvs.shown = {units::in_fraction(n), "", 2};
  pvs.method = "Exchange volume ÷ plasma volume";
  pvs.formula = "n = V ÷ PV";
  pvs.inputs = {input_from("V (exchange volume per session)", how),
                input_from("PV (plasma volume)", inputs.plasma_volume.how)};
  pvs.source =
      "ASFA 2023, Connelly-Smith L et al. J Clin Apher 2023;38(2):77-278 (volumes in "
      "total plasma volumes); LiverBridge clinical reference §3.1";
  out.plasma_volumes.value = n;
  return out;
}

}  // namespace lb::volume
