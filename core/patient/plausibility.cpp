#include "patient/plausibility.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

#include "units/parse.hpp"

namespace lb::patient {

namespace {

using R = PlausibleRange;
constexpr std::optional<double> none = std::nullopt;

// The plausibility table. Hard bounds reject (error); soft bounds warn.
//
// Source: LiverBridge clinical reference §22 "Guard rails" (thresholds marked there
// (unverified)): bilirubin > 50 mg/dL (855 µmol/L), creatinine > 20 mg/dL,
// INR > 15 and Na < 100 or > 180 mmol/L are the *soft* bounds here (warnings: a dying
// patient can exceed them, and the file must still load), with hard bounds beyond them;
// Hct < 10 % or > 70 % is a *hard* bound (a published TPE order calculator also refuses
// Hct < 10 %). Every other bound is an engineering judgement (LiverBridge team), chosen
// to catch unit slips (lb typed as kg, g/dL as g/L, a percentage typed as a fraction)
// while accepting the extremes seen in acute and acute-on-chronic liver failure; none
// is a clinical decision threshold. Negative values are always errors (every hard_min
// is >= 0). Labs with two unit systems are bounded in one; a value entered in the other
// is converted with the §22 factors before it is compared.
constexpr std::array kRanges = {
    // ---- patient ------------------------------------------------------------------------
    R{"age", "years", 0, 120, 18, none, "LiverBridge's volume formulas and scores are for adults"},
    R{"height", "cm", 40, 250, 140, 210, ""},
    R{"weight", "kg", 0.5, 500, 35, 250, ""},
    R{"hematocrit", "%", 10, 70, 20, 55, ""},
    // ---- labs ---------------------------------------------------------------------------
    R{"labs.bilirubin", "mg/dL", 0, 100, none, 50, ""},
    R{"labs.creatinine", "mg/dL", 0.05, 30, none, 20, ""},
    R{"labs.ammonia", "\u00b5mol/L", 0, 1000, none, 500, ""},
    R{"labs.lactate", "mmol/L", 0, 40, none, 25, ""},
    R{"labs.ionized_calcium", "mmol/L", 0.1, 3, 0.5, 1.8, ""},
    R{"labs.total_calcium", "mmol/L", 0.5, 6, 1.25, 4, ""},
    R{"labs.glucose", "mmol/L", 0, 100, 1, 50, ""},
    R{"labs.phosphate", "mmol/L", 0, 10, none, 5, ""},
    R{"labs.inr", "", 0.5, 30, none, 15, ""},
    R{"labs.sodium", "mmol/L", 90, 200, 100, 180, ""},
    R{"labs.potassium", "mmol/L", 1, 12, 2, 8, ""},
    R{"labs.bicarbonate", "mmol/L", 0, 60, 5, 45, ""},
    R{"labs.albumin", "g/L", 5, 70, 10, 60, ""},
    R{"labs.fibrinogen", "g/L", 0, 15, none, 8, ""},
    R{"labs.igg", "g/L", 0, 100, none, 40, ""},
    R{"labs.platelets", "10^9/L", 0, 2000, none, 1000, ""},
    R{"labs.wbc", "10^9/L", 0, 1000, none, 100, ""},
    R{"labs.pta", "%", 0, 200, none, 150, ""},
    R{"labs.factor_v", "%", 0, 300, none, 200, ""},
    R{"labs.arterial_ph", "", 6.3, 8, 6.8, 7.7, ""},
    // ---- clinical -----------------------------------------------------------------------
    R{"clinical.norepinephrine_dose", "\u00b5g/kg/min", 0, 10, none, 2, ""},
    R{"clinical.map", "mmHg", 10, 250, 40, 150, ""},
    R{"clinical.pao2_fio2", "mmHg", 20, 800, 50, 600, ""},
    R{"clinical.jaundice_to_encephalopathy", "days", 0, 365, none, none, ""},
};

constexpr std::string_view kDash = "\u2013";  // en dash, as in "0.5–500 kg"

std::string with_unit(double v, std::string_view unit) {
  std::string out = plain_number(v);
  if (!unit.empty()) out += " " + std::string(unit);
  return out;
}

bool same_scale(UnitScale a, UnitScale b) {
  return a.dimension == b.dimension &&
         std::fabs(a.si_per_unit - b.si_per_unit) <=
             units::kRelativeTolerance * std::fmax(a.si_per_unit, b.si_per_unit);
}

}  // namespace

std::span<const PlausibleRange> plausible_ranges() { return kRanges; }

const PlausibleRange* find_range(std::string_view key) {
  const auto* it = std::find_if(kRanges.begin(), kRanges.end(),
                                [key](const PlausibleRange& r) { return r.key == key; });
  return it == kRanges.end() ? nullptr : &*it;
}

UnitScale unit_scale(std::string_view unit) {
  if (unit.empty()) return {};
  const auto parsed = units::parse_quantity("1 " + std::string(unit));
  if (!parsed) return {};  // unreachable for the table's units (a test checks them all)
  return {parsed.value->si_value, parsed.value->dimension};
}

std::string plain_number(double v) {
  if (!std::isfinite(v)) return "?";
  if (v == 0.0) return "0";
  const double magnitude = std::floor(std::log10(std::fabs(v)));
  const int decimals = std::clamp(3 - static_cast<int>(magnitude), 0, 6);
  std::array<char, 512> buf{};  // any double in fixed notation fits
  const auto [end, ec] =
      std::to_chars(buf.data(), buf.data() + buf.size(), v, std::chars_format::fixed, decimals);
  if (ec != std::errc()) return "?";
  std::string s(buf.data(), end);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

std::string describe_hard(const PlausibleRange& r) {
  return plain_number(r.hard_min) + std::string(kDash) + with_unit(r.hard_max, r.unit);
}

std::string describe_soft(const PlausibleRange& r) {
  if (r.soft_min && r.soft_max)
    return plain_number(*r.soft_min) + std::string(kDash) + with_unit(*r.soft_max, r.unit);
  if (r.soft_min) return with_unit(*r.soft_min, r.unit) + " or more";
  if (r.soft_max) return with_unit(*r.soft_max, r.unit) + " or less";
  return "";
}

namespace detail {

std::optional<Finding> word_finding(const PlausibleRange& r, Plausibility p, double si_value,
                                    std::string_view written, UnitScale written_scale) {
  if (p == Plausibility::plausible) return std::nullopt;
  const UnitScale scale = unit_scale(r.unit);
  std::string shown(written);
  if (!same_scale(scale, written_scale)) {
    shown += " (= " + with_unit(si_value / scale.si_per_unit, r.unit) + ")";
  }
  if (p == Plausibility::implausible) {
    const char* what = si_value < 0 ? " is negative" : " is implausible";
    return Finding{diag::Severity::error, shown + what + "; expected " + describe_hard(r)};
  }
  std::string message = shown + " is outside the usual range (" + describe_soft(r);
  if (!r.soft_note.empty()) message += "; " + std::string(r.soft_note);
  message += "); check that it is right";
  return Finding{diag::Severity::warning, message};
}

}  // namespace detail

}  // namespace lb::patient
