#include "patient/field_reader.hpp"

#include "text/format.hpp"

namespace lb::patient {

namespace {

bool mentions_unit_problem(const std::string& error) {
  return error.find("has no unit") != std::string::npos ||
         error.find("unknown unit") != std::string::npos;
}

}  // namespace

UnitScale written_scale(const units::ParsedQuantity& q) {
  if (q.unit.empty()) return {};
  return unit_scale(q.unit);
}

std::optional<Entered> read_quantity(yaml::MapReader& r, const std::string& key, yaml::Need need,
                                     units::Dimension dimension, bool allow_bare_fraction) {
  const auto text = r.text(key, need);
  if (!text) return std::nullopt;
  auto parsed = units::parse_quantity_of(*text, dimension, allow_bare_fraction);
  if (!parsed) {
    r.error_at(key, parsed.error);
    return std::nullopt;
  }
  return Entered{text::trimmed(*text), *parsed.value};
}

std::optional<double> read_plain_checked(yaml::MapReader& r, const std::string& key,
                                         yaml::Need need) {
  const auto value = r.number(key, need);
  if (!value) return std::nullopt;
  if (!check_plausible(r, key, units::fraction(*value), plain_number(*value), UnitScale{})) {
    return std::nullopt;
  }
  return value;
}

std::optional<units::LabConcentration> read_lab(yaml::MapReader& r, const std::string& key,
                                                units::Analyte analyte, std::string_view accepted) {
  const auto text = r.text(key, yaml::Need::optional);
  if (!text) return std::nullopt;
  const std::string expected = "expected " + key + " in " + std::string(accepted);
  const auto parsed = units::parse_quantity(*text);
  if (!parsed) {
    r.error_at(key, parsed.error + (mentions_unit_problem(parsed.error) ? "; " + expected : ""));
    return std::nullopt;
  }
  const units::ParsedQuantity& q = *parsed.value;
  const std::string written = text::trimmed(*text);
  UnitScale scale = written_scale(q);

  std::optional<units::LabConcentration> lab;
  if (q.dimension == units::Dimension::mass_concentration) {
    lab.emplace(analyte, units::MassConcentration::from_value(q.si_value));
  } else if (q.dimension == units::Dimension::amount_concentration) {
    if (q.unit == "mEq/L") {
      if (analyte != units::Analyte::calcium) {
        r.error_at(key,
                   "mEq/L is not a unit for " + key + " (it is not a simple ion); " + expected);
        return std::nullopt;
      }
      // Calcium is divalent: 1 mEq/L = 0.5 mmol/L (LiverBridge clinical reference §22).
      lab.emplace(analyte, units::calcium_meq_to_mmol(q.si_value));
      scale = {0.5, units::Dimension::amount_concentration};
    } else {
      lab.emplace(analyte, units::AmountConcentration::from_value(q.si_value));
    }
  } else {
    r.error_at(key, "'" + written + "' is a " + std::string(units::dimension_name(q.dimension)) +
                        ", not a concentration; " + expected);
    return std::nullopt;
  }

  const PlausibleRange* range = find_range(r.key_path(key));
  if (range != nullptr) {
    const bool range_in_mass =
        unit_scale(range->unit).dimension == units::Dimension::mass_concentration;
    const bool ok = range_in_mass ? check_plausible(r, key, lab->mass(), written, scale)
                                  : check_plausible(r, key, lab->amount(), written, scale);
    if (!ok) return std::nullopt;
  }
  return lab;
}

}  // namespace lb::patient
