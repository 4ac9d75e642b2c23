#include "protocol/loader/course_fields.hpp"

#include <algorithm>
#include <cmath>

#include "text/did_you_mean.hpp"
#include "units/parse.hpp"
#include "yaml/guarded_load.hpp"

namespace lb::protocol::detail {

using units::Dimension;
using yaml::MapReader;
using yaml::Need;

namespace {

enum class Form { concentration, mass_concentration, plain, percent };

Form form_of(Solute s) {
  switch (s) {
    case Solute::bilirubin:
    case Solute::ammonia: return Form::concentration;
    case Solute::albumin:
    case Solute::fibrinogen:
    case Solute::igg: return Form::mass_concentration;
    case Solute::inr: return Form::plain;
    case Solute::factor_v:
    case Solute::pta: return Form::percent;
    default: break;  // not a solute (solute_words() lists those read)
  }
  return Form::plain;
}

/// Largest plausible protocol value per solute, in the SI unit of the dimension written
/// (engineering judgement, LiverBridge: the patient file's hard bounds, and for albumin the
/// 25 % solution): a larger value is a slip, and a rise of 1e300 mg/dL would overflow the
/// predicted course.
struct LabCeiling {
  double si;
  const char* text;
};
std::optional<LabCeiling> lab_ceiling(Solute s, Dimension d) {
  const bool amount = d == Dimension::amount_concentration;
  switch (s) {
    case Solute::bilirubin:
      return amount ? LabCeiling{1.71, "1710 \u00b5mol/L"} : LabCeiling{1.0, "100 mg/dL"};
    case Solute::ammonia:
      return amount ? LabCeiling{1.0, "1000 \u00b5mol/L"} : LabCeiling{0.01703, "1703 \u00b5g/dL"};
    case Solute::albumin: return LabCeiling{250.0, "250 g/L"};
    case Solute::fibrinogen: return LabCeiling{20.0, "20 g/L"};
    case Solute::igg: return LabCeiling{100.0, "100 g/L"};
    case Solute::inr: return LabCeiling{30.0, "30"};
    case Solute::factor_v:
    case Solute::pta: return LabCeiling{3.0, "300 %"};
    default: break;  // not a solute (solute_words() lists those read)
  }
  return std::nullopt;
}

}  // namespace

std::string lab_value_expected(Solute s) {
  switch (form_of(s)) {
    case Form::concentration:
      return s == Solute::bilirubin ? "a concentration, e.g. '5 mg/dL' or '85 µmol/L'"
                                    : "a concentration, e.g. '150 µmol/L' or '255 µg/dL'";
    case Form::mass_concentration:
      return s == Solute::albumin ? "a mass concentration, e.g. '35 g/L' or '3.5 g/dL'"
                                  : "a mass concentration, e.g. '1.5 g/L'";
    case Form::plain: return "a plain number, e.g. 1.5";
    case Form::percent: return "a percentage, e.g. '40 %'";
  }
  return "";
}

std::optional<Field<LabValue>> read_lab_value(MapReader& r, const std::string& key, Need need,
                                              Solute s, bool allow_zero, bool allow_negative) {
  auto text = r.text(key, need);
  if (!text) return std::nullopt;
  const std::string shown = written(r, key);
  const std::string expects = std::string(to_string(s)) + " expects " + lab_value_expected(s);
  auto parsed = units::parse_quantity(*text, /*allow_bare_fraction=*/true);
  if (!parsed) {
    r.error_at(key, parsed.error + "; " + expects);
    return std::nullopt;
  }
  const units::ParsedQuantity& q = *parsed.value;
  const bool bare = q.unit.empty();
  std::optional<LabValue> value;
  switch (form_of(s)) {
    case Form::concentration:
      if (q.dimension == Dimension::mass_concentration) {
        value = q.quantity().get<units::MassConcentration>();
      } else if (q.dimension == Dimension::amount_concentration) {
        value = q.quantity().get<units::AmountConcentration>();
      }
      break;
    case Form::mass_concentration:
      if (q.dimension == Dimension::mass_concentration) {
        value = q.quantity().get<units::MassConcentration>();
      }
      break;
    case Form::plain:
      if (bare) value = units::fraction(q.si_value);
      break;
    case Form::percent:
      if (!bare && q.dimension == Dimension::fraction) value = units::fraction(q.si_value);
      break;
  }
  if (!value) {
    const std::string is = bare ? "a plain number"
                                : "in " + std::string(units::dimension_name(q.dimension)) +
                                      " units ('" + q.unit + "')";
    r.error_at(key, "'" + shown + "' is " + is + ", but " + expects);
    return std::nullopt;
  }
  if (!std::isfinite(q.si_value) || (!allow_negative && q.si_value < 0.0) ||
      (!allow_zero && q.si_value == 0.0)) {
    r.error_at(key, "'" + shown + "' is out of range; expected " +
                        (allow_zero ? "0 or more" : "more than 0"));
    return std::nullopt;
  }
  if (const auto ceiling = lab_ceiling(s, q.dimension);
      ceiling && std::abs(q.si_value) > ceiling->si) {
    r.error_at(key, "'" + shown + "' is out of range; expected at most " + ceiling->text +
                        " (check the number and its unit)");
    return std::nullopt;
  }
  return Field<LabValue>{*value, shown};
}

std::optional<Field<units::Duration>> read_duration(MapReader& r, const std::string& key, Need need,
                                                    bool allow_zero, const Ceiling& ceiling) {
  auto q = r.quantity(key, need, Dimension::time);
  if (!q) return std::nullopt;
  const std::string shown = written(r, key);
  const bool floored = !allow_zero && *ceiling.floor_text != '\0';
  const bool too_small = allow_zero ? q->si_value < 0.0
                         : floored  ? !(q->si_value >= ceiling.floor_si)
                                    : !(q->si_value > 0.0);
  if (too_small || q->si_value > ceiling.si) {
    const std::string lower = allow_zero ? "0 or more"
                              : floored  ? "at least " + std::string(ceiling.floor_text)
                                         : "more than 0";
    std::string message =
        "'" + shown + "' is out of range; expected " + lower + " and at most " + ceiling.text;
    if ((q->si_value > ceiling.si || floored) && *ceiling.hint != '\0') {
      message += " (" + std::string(ceiling.hint) + ")";
    }
    r.error_at(key, message);
    return std::nullopt;
  }
  return Field<units::Duration>{q->quantity().get<units::Duration>(), shown};
}

std::optional<std::vector<int>> read_int_list(MapReader& r, const std::string& key, Need need,
                                              int lo, int hi) {
  auto n = r.node(key, need);
  if (!n) return std::nullopt;
  const std::string range =
      "a whole number from " + std::to_string(lo) + " to " + std::to_string(hi);
  if (!n->IsSequence() || n->size() == 0) {
    r.error_at(key, "expected a non-empty list of whole numbers, e.g. [1, 2, 4]");
    return std::nullopt;
  }
  std::vector<int> out;
  bool ok = true;
  for (const auto& item : *n) {
    const auto where = yaml::location_of(item.Mark(), r.file());
    const std::string text = item.IsScalar() ? item.Scalar() : "";
    auto parsed = units::parse_plain_number(text);
    const bool whole = parsed && std::floor(*parsed.value) == *parsed.value;
    if (!whole || *parsed.value < lo || *parsed.value > hi) {
      r.diagnostics().error(where, r.key_path(key), "'" + text + "' is not " + range);
      ok = false;
      continue;
    }
    out.push_back(static_cast<int>(*parsed.value));
  }
  if (!ok) return std::nullopt;
  return out;
}

}  // namespace lb::protocol::detail
