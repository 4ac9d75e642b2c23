// anticoagulation: citrate (ACD-A/ACD-B at an inlet:AC ratio, citrate-rate
// limits, calcium and alkalosis settings), heparin (bolus + hourly rate) or
// none, which only a membrane set-up marked as such permits (LiverBridge clinical reference//
// §5–§5.5).
#include "protocol/loader/sections.hpp"
#include "protocol/loader/session_fields.hpp"
#include "protocol/names.hpp"
#include "units/parse.hpp"

namespace lb::protocol::detail {

using units::Dimension;
using yaml::MapReader;
using yaml::Need;

namespace {

// Plausibility ranges (engineering judgement, LiverBridge): guards against unit slips and
// values that would overflow the plan, far outside any protocol's setting.
constexpr Ceiling kDoseRateCeiling{5e-6 / 60.0, "5 mg/kg/min", "check the unit (mg/kg/min)",
                                   0.05e-6 / 60.0, "0.05 mg/kg/min"};
constexpr Ceiling kFfpCitrateCeiling{50.0, "50 g/L", "check the unit (g/L)", 0.1, "0.1 g/L"};
constexpr Ceiling kGluconateCeiling{20e-3, "20 g", "grams of calcium gluconate per hour", 0.1e-3,
                                    "0.1 g"};
constexpr Ceiling kAlkalosisCeiling{50e-3, "50 L", "check the number and its unit", 100e-6,
                                    "100 mL"};
constexpr Ceiling kCheckCeiling{24.0 * 3600.0, "24 h", "check the unit"};
/// Haemonetics uses up to 1:16 (4 % citrate); 50 guards against typos only. Below 2 the
/// inlet would be more AC than blood, and near 1 the blood flow (and the run time's
/// divisor) falls towards 0.
constexpr double kMinRatio = 2.0;
constexpr double kMaxRatio = 50.0;
/// Heparin amounts in international units (no SI dimension). Membrane-TPE protocols give a
/// bolus of a few thousand IU and some hundred IU per hour (LiverBridge clinical reference
/// §5.5); the ranges, as for every protocol quantity, only catch slips: a floor far below any
/// dose that anticoagulates an extracorporeal circuit (1e-300 IU would pass "> 0") and a
/// ceiling far above any (an extra zero or two).
constexpr Ceiling kHeparinBolusRange{30000.0, "30000 IU", "check the number", 100.0, "100 IU"};
constexpr Ceiling kHeparinPerHourRange{10000.0, "10000 IU", "IU per hour; check the number", 10.0,
                                       "10 IU"};

/// "3000 IU": international units within `range`.
std::optional<InternationalUnits> read_iu(MapReader& r, const std::string& key,
                                          const Ceiling& range) {
  auto text = r.text(key, Need::required);
  if (!text) return std::nullopt;
  const std::string shown = written(r, key);
  const auto space = shown.rfind(' ');
  const std::string unit = space == std::string::npos ? "" : shown.substr(space + 1);
  auto number =
      units::parse_plain_number(space == std::string::npos ? shown : shown.substr(0, space));
  if (unit != "IU" || !number) {
    r.error_at(key, "'" + shown +
                        "' is not an amount of heparin; expected international units, "
                        "e.g. '5000 IU'");
    return std::nullopt;
  }
  if (!check_positive(r, key, *number.value, shown, range)) return std::nullopt;
  return InternationalUnits{*number.value};
}

void read_calcium_checks(MapReader& r, CitrateSettings& out) {
  auto list = r.text_list("ionised_calcium_checks", Need::optional);
  if (!list) return;
  for (const auto& item : *list) {
    if (item == "end") {
      out.ionised_calcium_at_end = true;
      continue;
    }
    auto parsed = units::parse_quantity_of(item, Dimension::time);
    if (!parsed || parsed.value->si_value < 0.0 || parsed.value->si_value > kCheckCeiling.si) {
      r.error_at("ionised_calcium_checks",
                 "'" + item +
                     "' is not a check time; expected times from the session start such as "
                     "'0 min', '30 min' (at most 24 h) or the word 'end'");
      continue;
    }
    out.ionised_calcium_checks.push_back(parsed.value->quantity().get<units::Duration>());
  }
}

void read_citrate(MapReader& parent, CitrateSettings& out, const std::vector<Source>* sources) {
  auto r = parent.child("citrate", Need::required);
  if (!r.valid()) return;
  if (auto s = r.choice("solution", Need::required, names::kAcdSolution.options()))
    out.solution = *s;
  if (auto v = r.number("inlet_to_ac_ratio", Need::required)) {
    // The inlet includes the AC, so the ratio must exceed 1 (10 = 9 parts blood : 1 part AC).
    if (!(*v >= kMinRatio) || !(*v <= kMaxRatio)) {
      r.error_at("inlet_to_ac_ratio",
                 "'" + written(r, "inlet_to_ac_ratio") +
                     "' is out of range; expected an inlet:AC ratio from 2 to 50, "
                     "e.g. 10 (= 9 parts blood to 1 part AC)");
    } else {
      out.inlet_to_ac_ratio = units::volume_ratio(*v);
    }
  }
  if (auto v = positive<units::DoseRate>(r, "rate_limit", Need::optional, kDoseRateCeiling)) {
    out.rate_limit = v->value;
  }
  auto lf = r.child("liver_failure", Need::optional);
  if (lf.valid()) {
    if (auto v = positive<units::DoseRate>(lf, "rate_limit", Need::required, kDoseRateCeiling)) {
      if (v->value > out.rate_limit) {
        lf.error_at("rate_limit", "'" + v->text +
                                      "' is above the general citrate rate limit; liver failure "
                                      "lowers the limit, it does not raise it");
      } else {
        out.liver_failure_rate_limit = v->value;
      }
    }
    if (auto reason = lf.text("reason", Need::required)) out.liver_failure_reason = *reason;
    lf.finish();
  }
  if (auto v = positive<units::MassConcentration>(r, "ffp_citrate", Need::optional,
                                                  kFfpCitrateCeiling)) {
    out.ffp_citrate = v->value;
  }
  if (auto v = positive<units::Mass>(r, "calcium_gluconate_per_hour", Need::optional,
                                     kGluconateCeiling)) {
    out.calcium_gluconate_per_hour = v->value;
  }
  read_calcium_checks(r, out);
  if (auto v = positive_number(r, "calcium_ratio_alarm", Need::optional,
                               Ceiling{10.0, "10", "a total/ionised calcium ratio", 1.0, "1"})) {
    out.calcium_ratio_alarm = units::fraction(v->value);
  }
  if (auto v =
          positive<units::Volume>(r, "alkalosis_ffp_volume", Need::optional, kAlkalosisCeiling)) {
    out.alkalosis_ffp_volume = v->value;
  }
  out.source = source_id(r, "source", Need::optional, sources).value_or("");
  r.finish();
}

void read_heparin(MapReader& parent, HeparinSettings& out, const std::vector<Source>* sources) {
  auto r = parent.child("heparin", Need::required);
  if (!r.valid()) return;
  if (auto v = read_iu(r, "bolus", kHeparinBolusRange)) out.bolus = *v;
  if (auto v = read_iu(r, "per_hour", kHeparinPerHourRange)) out.per_hour = *v;
  out.source = source_id(r, "source", Need::optional, sources).value_or("");
  r.finish();
}

}  // namespace

void read_anticoagulation(MapReader& top, std::optional<AnticoagulationSettings>& out,
                          const std::optional<SeparationSettings>& separation,
                          const std::vector<Source>* sources) {
  if (!top.has("anticoagulation")) return;
  auto r = top.child("anticoagulation", Need::optional);
  if (!r.valid()) return;
  AnticoagulationSettings s;
  const auto method = r.choice("method", Need::required, names::kAnticoagulant.options());
  if (auto permits = r.boolean("none_permitted_by_membrane", Need::optional)) {
    s.none_permitted_by_membrane = *permits;
  }
  if (method) {
    s.method = *method;
    const std::string chosen(to_string(*method));
    reject_unless(r, "citrate", "method", chosen, "citrate");
    reject_unless(r, "heparin", "method", chosen, "heparin");
    if (*method == Anticoagulant::citrate) read_citrate(r, s.citrate, sources);
    if (*method == Anticoagulant::heparin) read_heparin(r, s.heparin, sources);
    if (*method == Anticoagulant::none) {
      const bool membrane = separation && separation->technique == SeparationTechnique::membrane;
      if (!membrane || !s.none_permitted_by_membrane) {
        r.error_at("method",
                   "'none' is allowed only for a membrane separation whose set-up runs without "
                   "anticoagulant: write 'separation: {technique: membrane, ...}' and "
                   "'none_permitted_by_membrane: true' here, or choose citrate or heparin");
      }
    }
  }
  s.source = source_id(r, "source", Need::optional, sources).value_or("");
  r.finish();
  out = s;
}

}  // namespace lb::protocol::detail
