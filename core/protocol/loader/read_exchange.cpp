// exchange: the rule, its amount (whose unit must fit the rule), the rule's
// parameters, the source reference and the hard/soft limits.
#include <algorithm>

#include "protocol/loader/fields.hpp"
#include "protocol/loader/sections.hpp"
#include "protocol/names.hpp"
#include "text/did_you_mean.hpp"
#include "units/compare.hpp"
#include "units/parse.hpp"

namespace lb::protocol::detail {

using units::Dimension;
using yaml::MapReader;
using yaml::Need;

namespace {

std::string expected_amount(ExchangeRule rule) {
  switch (rule) {
    case ExchangeRule::plasma_volumes: return "a plain number of plasma volumes, e.g. 1.5";
    case ExchangeRule::percent_ibw: return "a percentage of ideal body weight, e.g. '15 %'";
    case ExchangeRule::per_kg: return "a volume per kg of body weight, e.g. '40 mL/kg'";
    case ExchangeRule::fixed: return "a volume, e.g. '3000 mL'";
  }
  return "";
}

std::string rule_name(ExchangeRule rule) { return "'" + std::string(to_string(rule)) + "'"; }

/// Reads `amount` as the rule requires into `out` (typed, in the rule's field). Returns the
/// amount as written when it is valid, for the limit checks' messages.
std::optional<std::string> read_amount(MapReader& r, std::optional<ExchangeRule> rule,
                                       ExchangeSettings& out) {
  auto text = r.text("amount", Need::required);
  if (!text || !rule) return std::nullopt;
  const std::string shown = written(r, "amount");
  const std::string expects = "rule " + rule_name(*rule) + " expects " + expected_amount(*rule);
  auto parsed = units::parse_quantity(*text, /*allow_bare_fraction=*/true);
  if (!parsed) {
    r.error_at("amount", parsed.error + "; " + expects);
    return std::nullopt;
  }
  const units::ParsedQuantity& q = *parsed.value;
  const bool bare = q.unit.empty();
  const bool percent = !bare && q.dimension == Dimension::fraction;
  bool fits = false;
  std::optional<Ceiling> ceiling;
  switch (*rule) {
    case ExchangeRule::plasma_volumes:
      fits = bare;
      ceiling = kPlasmaVolumesCeiling;
      break;
    case ExchangeRule::percent_ibw:
      fits = percent;
      ceiling = kPercentCeiling;
      break;
    case ExchangeRule::per_kg:
      fits = q.dimension == Dimension::volume_per_mass;
      ceiling = kPerKgCeiling;
      break;
    case ExchangeRule::fixed:
      fits = q.dimension == Dimension::volume;
      ceiling = kVolumeCeiling;
      break;
  }
  if (!fits) {
    const std::string_view noun = units::dimension_name(q.dimension);
    const bool vowel =
        !noun.empty() && std::string_view("aeiou").find(noun.front()) != std::string_view::npos;
    const std::string is = bare      ? "a plain number"
                           : percent ? "a percentage"
                                     : (vowel ? "an " : "a ") + std::string(noun);
    r.error_at("amount", "'" + shown + "' is " + is + ", but " + expects);
    return std::nullopt;
  }
  if (!check_positive(r, "amount", q.si_value, shown, ceiling)) return std::nullopt;
  switch (*rule) {
    case ExchangeRule::plasma_volumes: out.plasma_volumes = units::fraction(q.si_value); break;
    case ExchangeRule::percent_ibw: out.percent_of_ibw = units::fraction(q.si_value); break;
    case ExchangeRule::per_kg: out.per_kg = q.quantity().get<units::VolumePerMass>(); break;
    case ExchangeRule::fixed: out.fixed = q.quantity().get<units::Volume>(); break;
  }
  return shown;
}

/// A rule parameter written for another rule is an error: the author
/// probably meant a different rule.
void reject_for_other_rules(MapReader& r, const std::string& key, ExchangeRule rule,
                            ExchangeRule applies_to) {
  if (rule == applies_to || !r.has(key)) return;
  r.error_at(key, "applies only to rule " + rule_name(applies_to) +
                      ", but this exchange uses rule " + rule_name(rule) +
                      "; remove it or change the rule");
}

void read_source_reference(MapReader& r, ExchangeSettings& out,
                           const std::vector<Source>* sources) {
  if (r.valid() && !r.has("source")) {
    r.diagnostics().warning(r.location(), r.key_path("source"),
                            "no 'source:' for the exchange rule; plans will cite no source for "
                            "the exchange volume");
    return;
  }
  if (auto id = source_id(r, "source", Need::optional, sources)) out.source = *id;
}

/// A limit as read, for the cross-checks: a volume or a multiple of the plasma volume.
template <class Q>
struct Bound {
  MapReader* reader = nullptr;
  std::string key;
  std::optional<Field<Q>> field;
  [[nodiscard]] bool set() const { return field.has_value(); }
  [[nodiscard]] Q limit() const { return field->value; }
  [[nodiscard]] std::string name() const { return reader->key_path(key); }
  [[nodiscard]] std::string quoted() const { return name() + " ('" + field->text + "')"; }
};

Bound<units::Volume> volume_bound(MapReader& r, const std::string& key) {
  return {&r, key, positive<units::Volume>(r, key, Need::optional, kVolumeCeiling)};
}

/// Plasma volumes are a plain number in the file (1.5), a multiple (Fraction) once read.
Bound<units::Fraction> multiple_bound(MapReader& r, const std::string& key) {
  const auto f = positive_number(r, key, Need::optional, kPlasmaVolumesCeiling);
  if (!f) return {&r, key, std::nullopt};
  return {&r, key, Field<units::Fraction>{units::fraction(f->value), f->text}};
}

/// lower <= upper, else an error at `lower`.
template <class Q>
void check_order(const Bound<Q>& lower, const Bound<Q>& upper) {
  if (!lower.set() || !upper.set() || !units::above(lower.limit(), upper.limit())) return;
  lower.reader->error_at(lower.key, "'" + lower.field->text + "' is more than " + upper.quoted() +
                                        "; a minimum must not exceed its maximum");
}

/// A soft bound must lie within [hard_min, hard_max]; else an error at `soft`.
template <class Q>
void check_inside(const Bound<Q>& soft, const Bound<Q>& hard_min, const Bound<Q>& hard_max) {
  if (!soft.set()) return;
  if (hard_min.set() && units::above(hard_min.limit(), soft.limit())) {
    soft.reader->error_at(soft.key, "'" + soft.field->text + "' is below the hard limit " +
                                        hard_min.quoted() +
                                        "; soft limits must lie within the hard limits");
  } else if (hard_max.set() && units::above(soft.limit(), hard_max.limit())) {
    soft.reader->error_at(soft.key, "'" + soft.field->text + "' is above the hard limit " +
                                        hard_max.quoted() +
                                        "; soft limits must lie within the hard limits");
  }
}

/// The amount of a rule whose volume does not depend on the patient must
/// respect the hard limits (error) and should respect the soft ones (warning).
template <class Q>
void check_amount(MapReader& r, const Field<Q>& amount, const Bound<Q>& hard_min,
                  const Bound<Q>& hard_max, const Bound<Q>& soft_min, const Bound<Q>& soft_max) {
  const auto below = [&](const Bound<Q>& b) {
    return b.set() && units::above(b.limit(), amount.value);
  };
  const auto above = [&](const Bound<Q>& b) {
    return b.set() && units::above(amount.value, b.limit());
  };
  const std::string a = "'" + amount.text + "'";
  if (below(hard_min)) {
    r.error_at("amount", a + " is below the hard limit " + hard_min.quoted() +
                             "; every plan would be refused");
  } else if (above(hard_max)) {
    r.error_at("amount", a + " is above the hard limit " + hard_max.quoted() +
                             "; every plan would be capped");
  } else if (below(soft_min)) {
    r.warning_at("amount", a + " is below the soft limit " + soft_min.quoted() +
                               "; every plan will carry a warning");
  } else if (above(soft_max)) {
    r.warning_at("amount", a + " is above the soft limit " + soft_max.quoted() +
                               "; every plan will carry a warning");
  }
}

}  // namespace

void read_exchange(MapReader& top, ExchangeSettings& out, const std::vector<Source>* sources) {
  auto r = top.child("exchange", Need::required);
  if (!r.valid()) return;

  const auto rule = r.choice("rule", Need::required, names::kExchangeRule.options());
  if (rule) out.rule = *rule;
  const auto amount = read_amount(r, rule, out);

  if (auto v =
          positive<units::VolumePerMass>(r, "volume_per_kg", Need::optional, kVolumePerKgCeiling)) {
    out.percent_ibw_volume_per_kg = v->value;
  }
  if (auto w = r.choice("weight", Need::optional, names::kWeightBasis.options()))
    out.per_kg_weight = *w;
  if (rule) {
    reject_for_other_rules(r, "volume_per_kg", *rule, ExchangeRule::percent_ibw);
    reject_for_other_rules(r, "weight", *rule, ExchangeRule::per_kg);
  }
  if (auto step = positive<units::Volume>(r, "round_to", Need::optional, kVolumeCeiling)) {
    out.round_to = step->value;
  }
  read_source_reference(r, out, sources);

  auto limits = r.child("limits", Need::optional);
  auto hard = limits.child("hard", Need::optional);
  auto soft = limits.child("soft", Need::optional);
  auto pv = limits.child("plasma_volumes", Need::optional);
  const auto hard_min = volume_bound(hard, "min");
  const auto hard_max = volume_bound(hard, "max");
  const auto soft_min = volume_bound(soft, "min");
  const auto soft_max = volume_bound(soft, "max");
  const auto pv_soft_min = multiple_bound(pv, "soft_min");
  const auto pv_soft_max = multiple_bound(pv, "soft_max");
  const auto pv_hard_max = multiple_bound(pv, "hard_max");
  const Bound<units::Volume> no_volume;
  const Bound<units::Fraction> no_multiple;
  hard.finish();
  soft.finish();
  pv.finish();
  limits.finish();

  check_order(hard_min, hard_max);
  check_order(soft_min, soft_max);
  check_inside(soft_min, hard_min, hard_max);
  check_inside(soft_max, hard_min, hard_max);
  check_order(pv_soft_min, pv_soft_max);
  check_inside(pv_soft_min, no_multiple, pv_hard_max);
  check_inside(pv_soft_max, no_multiple, pv_hard_max);

  auto& l = out.limits;
  if (hard_min.set()) l.hard_min = hard_min.limit();
  if (hard_max.set()) l.hard_max = hard_max.limit();
  if (soft_min.set()) l.soft_min = soft_min.limit();
  if (soft_max.set()) l.soft_max = soft_max.limit();
  if (pv_soft_min.set()) l.plasma_volumes_soft_min = pv_soft_min.limit();
  if (pv_soft_max.set()) l.plasma_volumes_soft_max = pv_soft_max.limit();
  if (pv_hard_max.set()) l.plasma_volumes_hard_max = pv_hard_max.limit();

  // The amount as read_amount typed it (out.fixed, out.plasma_volumes), shown as written.
  if (amount && rule == ExchangeRule::fixed) {
    check_amount(r, Field<units::Volume>{out.fixed, *amount}, hard_min, hard_max, soft_min,
                 soft_max);
  } else if (amount && rule == ExchangeRule::plasma_volumes) {
    check_amount(r, Field<units::Fraction>{out.plasma_volumes, *amount}, no_multiple, pv_hard_max,
                 pv_soft_min, pv_soft_max);
  }
  r.finish();
}

}  // namespace lb::protocol::detail
