// The field registry: one line per patient field a rule may name.
#include "patient/eligibility_fields.hpp"

#include <algorithm>
#include <array>

namespace lb::eligibility {

namespace {

using patient::Patient;
using units::Dimension;

constexpr std::array<std::string_view, 2> kSexWords = {"male", "female"};
constexpr std::array<std::string_view, 5> kDiagnosisWords = {"alf", "subacute_lf", "aclf",
                                                             "chronic_lf", "other"};
constexpr std::array<std::string_view, 4> kBuildWords = {"obese", "thin", "normal", "muscular"};
constexpr std::array<std::string_view, 3> kAscitesWords = {"none", "mild", "moderate_severe"};

FieldValue si_value(double si) { return FieldValue{si, std::nullopt, false, {}, {}}; }

template <class Q>
std::optional<FieldValue> quantity(const std::optional<Q>& q) {
  if (!q) return std::nullopt;
  return si_value(q->value());
}

std::optional<FieldValue> lab(const std::optional<units::LabConcentration>& l) {
  if (!l) return std::nullopt;
  FieldValue v;
  v.lab = *l;
  return v;
}

std::optional<FieldValue> flag(const std::optional<bool>& b) {
  if (!b) return std::nullopt;
  FieldValue v;
  v.flag = *b;
  return v;
}

std::optional<FieldValue> word(std::string_view w) {
  FieldValue v;
  v.word = w;
  return v;
}

/// No vasopressor running and no dose written: the dose is 0, not unknown.
std::optional<FieldValue> norepinephrine(const Patient& p) {
  if (p.clinical.norepinephrine_dose) return si_value(p.clinical.norepinephrine_dose->value());
  if (p.clinical.vasopressors.has_value() && !*p.clinical.vasopressors) {
    FieldValue v = si_value(0.0);
    v.note = "no vasopressor running";
    return v;
  }
  return std::nullopt;
}

using F = FieldSpec;
using K = FieldKind;
using A = units::Analyte;
constexpr std::span<const std::string_view> kNoWords{};

// clang-format off
const std::array kFields = {
    F{"age", K::quantity, Dimension::time, A::bilirubin, "years", kNoWords, false,
      [](const Patient& p) -> std::optional<FieldValue> { return si_value(p.age.value()); }},
    F{"sex", K::word, Dimension::fraction, A::bilirubin, "", kSexWords, false,
      [](const Patient& p) { return word(model::to_string(p.sex)); }},
    F{"height", K::quantity, Dimension::length, A::bilirubin, "cm", kNoWords, false,
      [](const Patient& p) -> std::optional<FieldValue> { return si_value(p.height.value()); }},
    F{"weight", K::quantity, Dimension::mass, A::bilirubin, "kg", kNoWords, false,
      [](const Patient& p) -> std::optional<FieldValue> { return si_value(p.weight.value()); }},
    F{"hematocrit", K::quantity, Dimension::fraction, A::bilirubin, "%", kNoWords, false,
      [](const Patient& p) -> std::optional<FieldValue> {
        return si_value(p.hematocrit.value());
      }},
    F{"diagnosis", K::word, Dimension::fraction, A::bilirubin, "", kDiagnosisWords, false,
      [](const Patient& p) { return word(patient::to_string(p.diagnosis)); }},
    F{"build", K::word, Dimension::fraction, A::bilirubin, "", kBuildWords, false,
      [](const Patient& p) -> std::optional<FieldValue> {
        if (!p.build) return std::nullopt;
        return word(model::to_string(*p.build));
      }},
    F{"labs.bilirubin", K::lab, Dimension::mass_concentration, A::bilirubin, "mg/dL", kNoWords,
      false, [](const Patient& p) { return lab(p.labs.bilirubin); }},
    F{"labs.creatinine", K::lab, Dimension::mass_concentration, A::creatinine, "mg/dL", kNoWords,
      false, [](const Patient& p) { return lab(p.labs.creatinine); }},
    F{"labs.ammonia", K::lab, Dimension::amount_concentration, A::ammonia, "\u00b5mol/L",
      kNoWords, false, [](const Patient& p) { return lab(p.labs.ammonia); }},
    F{"labs.lactate", K::lab, Dimension::amount_concentration, A::lactate, "mmol/L", kNoWords,
      false, [](const Patient& p) { return lab(p.labs.lactate); }},
    F{"labs.ionized_calcium", K::lab, Dimension::amount_concentration, A::calcium, "mmol/L",
      kNoWords, false, [](const Patient& p) { return lab(p.labs.ionized_calcium); }},
    F{"labs.total_calcium", K::lab, Dimension::amount_concentration, A::calcium, "mmol/L",
      kNoWords, false, [](const Patient& p) { return lab(p.labs.total_calcium); }},
    F{"labs.glucose", K::lab, Dimension::amount_concentration, A::glucose, "mmol/L", kNoWords,
      false, [](const Patient& p) { return lab(p.labs.glucose); }},
    F{"labs.phosphate", K::lab, Dimension::amount_concentration, A::phosphate, "mmol/L",
      kNoWords, false, [](const Patient& p) { return lab(p.labs.phosphate); }},
    F{"labs.inr", K::number, Dimension::fraction, A::bilirubin, "", kNoWords, false,
      [](const Patient& p) { return quantity(p.labs.inr); }},
    F{"labs.sodium", K::quantity, Dimension::amount_concentration, A::bilirubin, "mmol/L",
      kNoWords, false, [](const Patient& p) { return quantity(p.labs.sodium); }},
    F{"labs.potassium", K::quantity, Dimension::amount_concentration, A::bilirubin, "mmol/L",
      kNoWords, false, [](const Patient& p) { return quantity(p.labs.potassium); }},
    F{"labs.bicarbonate", K::quantity, Dimension::amount_concentration, A::bilirubin, "mmol/L",
      kNoWords, false, [](const Patient& p) { return quantity(p.labs.bicarbonate); }},
    F{"labs.albumin", K::quantity, Dimension::mass_concentration, A::bilirubin, "g/L", kNoWords,
      false, [](const Patient& p) { return quantity(p.labs.albumin); }},
    F{"labs.fibrinogen", K::quantity, Dimension::mass_concentration, A::bilirubin, "g/L",
      kNoWords, false, [](const Patient& p) { return quantity(p.labs.fibrinogen); }},
    F{"labs.igg", K::quantity, Dimension::mass_concentration, A::bilirubin, "g/L", kNoWords,
      false, [](const Patient& p) { return quantity(p.labs.igg); }},
    F{"labs.platelets", K::quantity, Dimension::cell_concentration, A::bilirubin, "10^9/L",
      kNoWords, false, [](const Patient& p) { return quantity(p.labs.platelets); }},
    F{"labs.wbc", K::quantity, Dimension::cell_concentration, A::bilirubin, "10^9/L", kNoWords,
      false, [](const Patient& p) { return quantity(p.labs.wbc); }},
    F{"labs.pta", K::quantity, Dimension::fraction, A::bilirubin, "%", kNoWords, false,
      [](const Patient& p) { return quantity(p.labs.pta); }},
    F{"labs.factor_v", K::quantity, Dimension::fraction, A::bilirubin, "%", kNoWords, false,
      [](const Patient& p) { return quantity(p.labs.factor_v); }},
    F{"labs.arterial_ph", K::number, Dimension::fraction, A::bilirubin, "", kNoWords, false,
      [](const Patient& p) { return quantity(p.labs.arterial_ph); }},
    F{"clinical.hepatic_encephalopathy_grade", K::number, Dimension::fraction, A::bilirubin, "",
      kNoWords, true,
      [](const Patient& p) -> std::optional<FieldValue> {
        if (!p.clinical.hepatic_encephalopathy_grade) return std::nullopt;
        return si_value(*p.clinical.hepatic_encephalopathy_grade);
      }},
    F{"clinical.ascites", K::word, Dimension::fraction, A::bilirubin, "", kAscitesWords, false,
      [](const Patient& p) -> std::optional<FieldValue> {
        if (!p.clinical.ascites) return std::nullopt;
        return word(patient::to_string(*p.clinical.ascites));
      }},
    F{"clinical.vasopressors", K::boolean, Dimension::fraction, A::bilirubin, "", kNoWords, false,
      [](const Patient& p) { return flag(p.clinical.vasopressors); }},
    F{"clinical.norepinephrine_dose", K::quantity, Dimension::dose_rate, A::bilirubin,
      "\u00b5g/kg/min", kNoWords, false, norepinephrine},
    F{"clinical.map", K::quantity, Dimension::pressure, A::bilirubin, "mmHg", kNoWords, false,
      [](const Patient& p) { return quantity(p.clinical.mean_arterial_pressure); }},
    F{"clinical.pao2_fio2", K::quantity, Dimension::pressure, A::bilirubin, "mmHg", kNoWords,
      false, [](const Patient& p) { return quantity(p.clinical.pao2_fio2); }},
    F{"clinical.mechanical_ventilation", K::boolean, Dimension::fraction, A::bilirubin, "",
      kNoWords, false, [](const Patient& p) { return flag(p.clinical.mechanical_ventilation); }},
    F{"clinical.active_bleeding", K::boolean, Dimension::fraction, A::bilirubin, "", kNoWords,
      false, [](const Patient& p) { return flag(p.clinical.active_bleeding); }},
    F{"clinical.dic", K::boolean, Dimension::fraction, A::bilirubin, "", kNoWords, false,
      [](const Patient& p) { return flag(p.clinical.dic); }},
    F{"clinical.sepsis", K::boolean, Dimension::fraction, A::bilirubin, "", kNoWords, false,
      [](const Patient& p) { return flag(p.clinical.sepsis); }},
    F{"clinical.on_dialysis", K::boolean, Dimension::fraction, A::bilirubin, "", kNoWords, false,
      [](const Patient& p) { return flag(p.clinical.on_dialysis); }},
};
// clang-format on

}  // namespace

std::span<const FieldSpec> field_registry() { return kFields; }

const FieldSpec* find_field(std::string_view name) {
  const auto* it = std::find_if(kFields.begin(), kFields.end(),
                                [name](const FieldSpec& f) { return f.name == name; });
  return it == kFields.end() ? nullptr : &*it;
}

std::vector<std::string> field_names() {
  std::vector<std::string> out;
  out.reserve(kFields.size());
  for (const auto& f : kFields) out.emplace_back(f.name);
  return out;
}

}  // namespace lb::eligibility
