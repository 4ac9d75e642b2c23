#include "patient/plausibility.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <vector>

#include "patient/catalogue.hpp"
#include "units/parse.hpp"

namespace lb::patient {

namespace {

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

std::optional<Finding> word_finding(const PlausibleRange& r, Plausibility p, double si,
                                    std::string_view written, UnitScale written_scale) {
  if (p == Plausibility::plausible) return std::nullopt;
  const UnitScale scale = unit_scale(r.unit);
  std::string shown(written);
  if (!same_scale(scale, written_scale)) {
    shown += " (= " + with_unit(si / scale.si_per_unit, r.unit) + ")";
  }
  if (p == Plausibility::implausible) {
    const char* what = si < 0 ? " is negative" : " is implausible";
    return Finding{diag::Severity::error, shown + what + "; expected " + describe_hard(r)};
  }
  std::string message = shown + " is outside the usual range (" + describe_soft(r);
  if (!r.soft_note.empty()) message += "; " + std::string(r.soft_note);
  message += "); check that it is right";
  return Finding{diag::Severity::warning, message};
}

}  // namespace detail

}  // namespace lb::patient
