#include "patient/plausibility.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <vector>

#include "patient/catalogue.hpp"
#include "units/compare.hpp"
#include "units/parse.hpp"

namespace lb::patient {

namespace {

constexpr std::string_view kDash = "\u2013";  // en dash, as in "0.5–500 kg"

std::string with_unit(double v, std::string_view unit) {
  std::string out = plain_number(v);
  if (!unit.empty()) out += " " + std::string(unit);
  return out;
}

}  // namespace

namespace {
const std::vector<PlausibleRange>& ranges() {
  // One entry per field with bounds, in catalogue order; find_range points into it.
  static const std::vector<PlausibleRange> kRanges = [] {
    std::vector<PlausibleRange> out;
    for (const auto& f : field_catalogue()) {
      if (f.range) out.push_back(*f.range);
    }
    return out;
  }();
  return kRanges;
}
}  // namespace

std::span<const PlausibleRange> plausible_ranges() { return ranges(); }

const PlausibleRange* find_range(std::string_view key) {
  const auto& all = ranges();
  const auto it =
      std::find_if(all.begin(), all.end(), [key](const PlausibleRange& r) { return r.key == key; });
  return it == all.end() ? nullptr : &*it;
}

UnitScale unit_scale(std::string_view unit) {
  if (unit.empty()) return {};
  const auto parsed = units::parse_quantity("1 " + std::string(unit));
  if (!parsed) return {};  // unreachable for the table's units (a test checks them all)
  return {parsed.value->si_value, parsed.value->dimension};
}

namespace {
/// Digits after the point that plain_number writes for `v` (4 significant, 0 to 6).
int shown_decimals(double v) {
  const double magnitude = std::floor(std::log10(std::fabs(v)));
  return std::clamp(3 - static_cast<int>(magnitude), 0, 6);
}
}  // namespace

std::string plain_number(double v) {
  if (!std::isfinite(v)) return "?";
  if (v == 0.0) return "0";
  const int decimals = shown_decimals(v);
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

double shown_bound(double v, bool up) {
  if (v == 0.0 || !std::isfinite(v)) return v;
  const double scale = std::pow(10.0, shown_decimals(v));
  const double scaled = v * scale;
  const double nearest = std::round(scaled);
  // A conversion that lands on a shown digit (1710 µmol/L = 100 mg/dL) is not pushed out
  // by its rounding error.
  if (std::fabs(scaled - nearest) <= 1e-9 * std::fmax(1.0, std::fabs(scaled))) {
    return nearest / scale;
  }
  return (up ? std::ceil(scaled) : std::floor(scaled)) / scale;
}

Plausibility classify(const PlausibleRange& r, double number) {
  if (!std::isfinite(number)) return Plausibility::implausible;
  const auto below = [number](double bound) {
    return number < bound - units::kRelativeTolerance * std::fmax(std::fabs(bound), 1e-300);
  };
  const auto above = [number](double bound) {
    return number > bound + units::kRelativeTolerance * std::fmax(std::fabs(bound), 1e-300);
  };
  if (below(r.hard_min) || above(r.hard_max)) return Plausibility::implausible;
  if ((r.soft_min && below(*r.soft_min)) || (r.soft_max && above(*r.soft_max))) {
    return Plausibility::unusual;
  }
  return Plausibility::plausible;
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

std::optional<Finding> assess(const PlausibleRange& r, double number, std::string_view written) {
  const Plausibility p = classify(r, number);
  if (p == Plausibility::plausible) return std::nullopt;
  const std::string shown(written);
  if (p == Plausibility::implausible) {
    const char* what = number < 0 ? " is negative" : " is implausible";
    return Finding{diag::Severity::error, shown + what + "; expected " + describe_hard(r)};
  }
  std::string message = shown + " is outside the usual range (" + describe_soft(r);
  if (!r.soft_note.empty()) message += "; " + std::string(r.soft_note);
  message += "); check that it is right";
  return Finding{diag::Severity::warning, message};
}

}  // namespace lb::patient
