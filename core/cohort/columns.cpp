// The column table and the header reader.
#include "cohort/columns.hpp"

#include <algorithm>
#include <array>

#include "text/did_you_mean.hpp"
#include "units/parse.hpp"

namespace lb::cohort {

namespace {

using units::Analyte;
using units::Dimension;
using K = ColumnKind;
using T = Target;

constexpr std::array<std::string_view, 2> kSex = {"male", "female"};
constexpr std::array<std::string_view, 5> kDiagnosis = {"alf", "subacute_lf", "aclf", "chronic_lf",
                                                        "other"};
constexpr std::array<std::string_view, 4> kBuild = {"obese", "thin", "normal", "muscular"};
constexpr std::array<std::string_view, 16> kEtiology = {
    "paracetamol",  "hav",       "hbv",           "hcv",    "hev",         "alcohol",
    "drug_induced", "halothane", "autoimmune",    "wilson", "budd_chiari", "ischemic",
    "pregnancy",    "mushroom",  "indeterminate", "other"};
constexpr std::array<std::string_view, 3> kAscites = {"none", "mild", "moderate_severe"};
constexpr std::span<const std::string_view> kNoWords{};

constexpr ColumnSpec quantity(std::string_view name, T target, Dimension d, std::string_view hint,
                              std::string_view key, bool required = false) {
  return {name, target, K::quantity, d, Analyte::bilirubin, hint, required, 0, 0, kNoWords, key};
}
constexpr ColumnSpec lab(std::string_view name, T target, Analyte a, std::string_view hint,
                         std::string_view key) {
  return {name, target, K::lab, Dimension::fraction, a, hint, false, 0, 0, kNoWords, key};
}
constexpr ColumnSpec simple(std::string_view name, T target, K kind, std::string_view key,
                            bool required = false) {
  return {name, target,   kind, Dimension::fraction, Analyte::bilirubin, "", required, 0,
          0,    kNoWords, key};
}
constexpr ColumnSpec whole(std::string_view name, T target, int min, int max,
                           std::string_view key) {
  return {name, target,   K::whole, Dimension::fraction, Analyte::bilirubin, "", false, min,
          max,  kNoWords, key};
}
constexpr ColumnSpec word(std::string_view name, T target, std::span<const std::string_view> w,
                          std::string_view key, bool required = false) {
  return {name, target, K::word, Dimension::fraction, Analyte::bilirubin, "", required, 0,
          0,    w,      key};
}

// Ranges of whole numbers and the words: as the patient file (patient_loader.cpp,
// clinical_reader.cpp). Keys name the plausibility range (patient/plausibility.cpp).
const std::array kColumns = {
    simple("id", T::id, K::text, "id"),
    word("sex", T::sex, kSex, "sex", true),
    quantity("age", T::age, Dimension::time, "years", "age", true),
    quantity("height", T::height, Dimension::length, "cm, m, in", "height", true),
    quantity("weight", T::weight, Dimension::mass, "kg, lb", "weight", true),
    ColumnSpec{"hematocrit", T::hematocrit, K::hematocrit, Dimension::fraction, Analyte::bilirubin,
               "%, or no unit for a fraction", true, 0, 0, kNoWords, "hematocrit"},
    word("diagnosis", T::diagnosis, kDiagnosis, "diagnosis", true),
    word("build", T::build, kBuild, "build"),
    word("etiology", T::etiology, kEtiology, "etiology"),
    lab("bilirubin", T::bilirubin, Analyte::bilirubin, "mg/dL or umol/L", "labs.bilirubin"),
    lab("creatinine", T::creatinine, Analyte::creatinine, "mg/dL or umol/L", "labs.creatinine"),
    lab("ammonia", T::ammonia, Analyte::ammonia, "umol/L or ug/dL", "labs.ammonia"),
    lab("lactate", T::lactate, Analyte::lactate, "mmol/L or mg/dL", "labs.lactate"),
    lab("ionized_calcium", T::ionized_calcium, Analyte::calcium, "mmol/L, mg/dL or mEq/L",
        "labs.ionized_calcium"),
    lab("total_calcium", T::total_calcium, Analyte::calcium, "mmol/L, mg/dL or mEq/L",
        "labs.total_calcium"),
    lab("glucose", T::glucose, Analyte::glucose, "mmol/L or mg/dL", "labs.glucose"),
    lab("phosphate", T::phosphate, Analyte::phosphate, "mmol/L or mg/dL", "labs.phosphate"),
    simple("inr", T::inr, K::number, "labs.inr"),
    quantity("sodium", T::sodium, Dimension::amount_concentration, "mmol/L", "labs.sodium"),
    quantity("potassium", T::potassium, Dimension::amount_concentration, "mmol/L",
             "labs.potassium"),
    quantity("bicarbonate", T::bicarbonate, Dimension::amount_concentration, "mmol/L",
             "labs.bicarbonate"),
    quantity("albumin", T::albumin, Dimension::mass_concentration, "g/L or g/dL", "labs.albumin"),
    quantity("fibrinogen", T::fibrinogen, Dimension::mass_concentration, "g/L or mg/dL",
             "labs.fibrinogen"),
    quantity("igg", T::igg, Dimension::mass_concentration, "g/L or mg/dL", "labs.igg"),
    quantity("platelets", T::platelets, Dimension::cell_concentration, "10^9/L or 10^3/uL",
             "labs.platelets"),
    quantity("wbc", T::wbc, Dimension::cell_concentration, "10^9/L or 10^3/uL", "labs.wbc"),
    quantity("pta", T::pta, Dimension::fraction, "%", "labs.pta"),
    quantity("factor_v", T::factor_v, Dimension::fraction, "%", "labs.factor_v"),
    simple("arterial_ph", T::arterial_ph, K::number, "labs.arterial_ph"),
    whole("hepatic_encephalopathy_grade", T::hepatic_encephalopathy_grade, 0, 4,
          "clinical.hepatic_encephalopathy_grade"),
    word("ascites", T::ascites, kAscites, "clinical.ascites"),
    simple("vasopressors", T::vasopressors, K::boolean, "clinical.vasopressors"),
    quantity("norepinephrine_dose", T::norepinephrine_dose, Dimension::dose_rate, "ug/kg/min",
             "clinical.norepinephrine_dose"),
    quantity("map", T::map, Dimension::pressure, "mmHg or kPa", "clinical.map"),
    quantity("pao2_fio2", T::pao2_fio2, Dimension::pressure, "mmHg or kPa", "clinical.pao2_fio2"),
    simple("mechanical_ventilation", T::mechanical_ventilation, K::boolean,
           "clinical.mechanical_ventilation"),
    simple("active_bleeding", T::active_bleeding, K::boolean, "clinical.active_bleeding"),
    simple("dic", T::dic, K::boolean, "clinical.dic"),
    simple("sepsis", T::sepsis, K::boolean, "clinical.sepsis"),
    simple("on_dialysis", T::on_dialysis, K::boolean, "clinical.on_dialysis"),
    whole("dialysis_sessions_last_week", T::dialysis_sessions_last_week, 0, 14,
          "clinical.dialysis_sessions_last_week"),
    simple("cvvhd_24h_last_week", T::cvvhd_24h_last_week, K::boolean,
           "clinical.cvvhd_24h_last_week"),
    quantity("jaundice_to_encephalopathy", T::jaundice_to_encephalopathy, Dimension::time,
             "days or h", "clinical.jaundice_to_encephalopathy"),
};

std::vector<std::string> column_names() {
  std::vector<std::string> out;
  for (const auto& c : kColumns) out.emplace_back(c.name);
  return out;
}

/// "a mass", "an amount concentration".
std::string with_article(std::string_view noun) {
  const bool vowel =
      !noun.empty() && std::string_view("aeiou").find(noun.front()) != std::string_view::npos;
  return (vowel ? "an " : "a ") + std::string(noun);
}

struct UnitRead {
  std::optional<units::ParsedQuantity> unit;
  std::string error;
};

/// The unit in brackets as the quantity parser reads it ("1 <unit>").
UnitRead read_unit(std::string_view unit) {
  auto parsed = units::parse_quantity("1 " + std::string(unit));
  if (!parsed) return {std::nullopt, parsed.error};
  return {*parsed.value, {}};
}

/// Fills the unit of a resolved column; returns "" or what was wrong.
std::string resolve_unit(Column& c, const std::optional<std::string_view>& unit) {
  const ColumnSpec& s = *c.spec;
  const std::string expected_units =
      s.units_hint.empty() ? std::string() : " (" + std::string(s.units_hint) + ")";
  switch (s.kind) {
    case K::text:
    case K::number:
    case K::whole:
    case K::boolean:
    case K::word:
      if (unit) {
        return "'" + std::string(s.name) + "' takes no unit; write the header as '" +
               std::string(s.name) + "'";
      }
      return "";
    case K::hematocrit:
      if (!unit) return "";  // a fraction (0.30)
      if (*unit != "%") {
        return "unit '" + std::string(*unit) + "': expected '" + std::string(s.name) +
               "[%]', or '" + std::string(s.name) + "' for a fraction such as 0.30";
      }
      c.si_per_unit = 0.01;
      return "";
    case K::quantity:
    case K::lab: break;
  }
  const std::string expected =
      s.kind == K::lab ? "expected a concentration" + expected_units
                       : "expected " + with_article(units::dimension_name(s.dimension)) + " in " +
                             std::string(units::dimension_examples(s.dimension));
  if (!unit || unit->empty()) {
    return "the header has no unit; write it as '" + std::string(s.name) + "[unit]', " + expected;
  }
  const UnitRead read = read_unit(*unit);
  if (!read.unit) {
    std::string why = read.error;
    if (const auto at = why.find("unknown unit"); at != std::string::npos) why = why.substr(at);
    return why + "; " + expected;
  }
  const units::ParsedQuantity& u = *read.unit;
  c.si_per_unit = u.si_value;
  if (s.kind == K::lab) {
    if (u.dimension == Dimension::mass_concentration) {
      c.lab_as_mass = true;
    } else if (u.dimension == Dimension::amount_concentration) {
      if (u.unit == "mEq/L") {
        if (s.analyte != units::Analyte::calcium) {
          return "mEq/L is not a unit for " + std::string(s.name) + " (it is not a simple ion); " +
                 expected;
        }
        // Calcium is divalent: 1 mEq/L = 0.5 mmol/L (LiverBridge clinical reference §22).
        c.si_per_unit = units::in_mmol_per_l(units::calcium_meq_to_mmol(1.0));
      }
    } else {
      return "'" + std::string(*unit) + "' is " + with_article(units::dimension_name(u.dimension)) +
             " unit, not a concentration; " + expected;
    }
    return "";
  }
  if (u.dimension != s.dimension) {
    return "'" + std::string(*unit) + "' is " + with_article(units::dimension_name(u.dimension)) +
           " unit; " + expected;
  }
  return "";
}

/// Precomputes the hard plausibility bounds in SI, so that rows are checked
/// without parsing the range's unit again.
void resolve_range(Column& c) {
  c.range = patient::find_range(c.spec->key);
  if (c.range == nullptr) return;
  const patient::UnitScale scale = patient::unit_scale(c.range->unit);
  c.hard_min_si = c.range->hard_min * scale.si_per_unit;
  c.hard_max_si = c.range->hard_max * scale.si_per_unit;
  c.range_in_mass = scale.dimension == Dimension::mass_concentration;
}

}  // namespace

std::span<const ColumnSpec> column_specs() { return kColumns; }

std::optional<Header> parse_header(std::span<const std::string_view> cells,
                                   std::vector<std::string>& errors) {
  const std::size_t errors_before = errors.size();
  Header header;
  std::vector<const ColumnSpec*> seen;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    std::string_view cell = cells[i];
    if (i == 0 && cell.substr(0, 3) == "\xEF\xBB\xBF") cell.remove_prefix(3);  // UTF-8 BOM
    const std::string where = "column " + std::to_string(i + 1) + " '" + std::string(cell) + "': ";
    std::string_view name = cell;
    std::optional<std::string_view> unit;
    if (const auto open = cell.find('['); open != std::string_view::npos) {
      if (cell.back() != ']') {
        errors.push_back(where + "expected 'name[unit]', e.g. 'bilirubin[mg/dL]'");
        continue;
      }
      name = cell.substr(0, open);
      unit = cell.substr(open + 1, cell.size() - open - 2);
      while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    }
    if (name.empty()) {
      errors.push_back(where + "the header cell has no column name");
      continue;
    }
    const auto* spec = std::find_if(kColumns.begin(), kColumns.end(),
                                    [&](const ColumnSpec& s) { return s.name == name; });
    if (spec == kColumns.end()) {
      errors.push_back(where + "unknown column '" + std::string(name) + "'" +
                       text::did_you_mean_suffix(name, column_names()) +
                       "; the columns are listed in docs/cohort.md");
      continue;
    }
    if (std::find(seen.begin(), seen.end(), &*spec) != seen.end()) {
      errors.push_back(where + "'" + std::string(name) + "' appears twice");
      continue;
    }
    seen.push_back(&*spec);
    Column c;
    c.spec = &*spec;
    c.header = std::string(cell);
    if (const std::string problem = resolve_unit(c, unit); !problem.empty()) {
      errors.push_back(where + problem);
      continue;
    }
    resolve_range(c);
    header.columns.push_back(std::move(c));
  }
  for (const auto& spec : kColumns) {
    if (spec.required && std::find(seen.begin(), seen.end(), &spec) == seen.end()) {
      errors.push_back("missing required column '" + std::string(spec.name) + "'" +
                       (spec.units_hint.empty()
                            ? std::string()
                            : " (with its unit: " + std::string(spec.units_hint) + ")"));
    }
  }
  if (errors.size() != errors_before) return std::nullopt;
  return header;
}

std::vector<std::string> documented_columns() {
  std::vector<std::string> out;
  for (const auto& c : kColumns) {
    std::string line(c.name);
    if (!c.units_hint.empty()) line += "[" + std::string(c.units_hint) + "]";
    if (c.required) line += " (required)";
    out.push_back(std::move(line));
  }
  return out;
}

}  // namespace lb::cohort
