#include "patient/clinical_reader.hpp"

#include <algorithm>
#include <cctype>

#include "patient/field_reader.hpp"
#include "patient/names.hpp"

namespace lb::patient {

namespace {

using units::Dimension;
using yaml::Need;

std::string lowered(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

/// Allergies are free words, but "none" written as a word would be recorded
/// as an allergy called "none"; the empty list says "no known allergies".
std::vector<std::string> read_allergies(yaml::MapReader& r) {
  const auto words = r.text_list("allergies", Need::optional);
  if (!words) return {};
  for (const auto& word : *words) {
    const std::string w = lowered(word);
    if (w.empty()) {
      r.error_at("allergies", "has an empty entry; expected a list of words such as [penicillin]");
      return {};
    }
    if (w == "none" || w == "nkda" || w == "nka" || w == "nil") {
      r.error_at("allergies", "'" + word +
                                  "' would be recorded as an allergy; write 'allergies: []' "
                                  "for no known allergies");
      return {};
    }
  }
  return *words;
}

}  // namespace

Clinical read_clinical(yaml::MapReader& r) {
  Clinical c;
  if (!r.valid()) return c;

  c.hepatic_encephalopathy_grade = r.integer("hepatic_encephalopathy_grade", Need::optional, 0, 4);
  c.ascites = r.choice("ascites", Need::optional, names::kAscites.options());
  c.vasopressors = r.boolean("vasopressors", Need::optional);
  c.norepinephrine_dose =
      read_checked<units::DoseRate>(r, "norepinephrine_dose", Need::optional, Dimension::dose_rate);
  c.mean_arterial_pressure =
      read_checked<units::Pressure>(r, "map", Need::optional, Dimension::pressure);
  c.pao2_fio2 = read_checked<units::Pressure>(r, "pao2_fio2", Need::optional, Dimension::pressure);
  c.mechanical_ventilation = r.boolean("mechanical_ventilation", Need::optional);
  c.active_bleeding = r.boolean("active_bleeding", Need::optional);
  c.dic = r.boolean("dic", Need::optional);
  c.sepsis = r.boolean("sepsis", Need::optional);
  c.on_dialysis = r.boolean("on_dialysis", Need::optional);
  c.dialysis_sessions_last_week = r.integer("dialysis_sessions_last_week", Need::optional, 0, 14);
  c.cvvhd_24h_last_week = r.boolean("cvvhd_24h_last_week", Need::optional);
  c.jaundice_to_encephalopathy = read_checked<units::Duration>(r, "jaundice_to_encephalopathy",
                                                               Need::optional, Dimension::time);
  c.allergies = read_allergies(r);

  // A running norepinephrine infusion contradicts "no vasopressors"; which of
  // the two is wrong cannot be guessed.
  if (c.norepinephrine_dose && c.vasopressors.has_value() && !*c.vasopressors &&
      units::above(*c.norepinephrine_dose, units::ug_per_kg_per_min(0))) {
    r.error_at("norepinephrine_dose",
               "a dose of " + plain_number(units::in_ug_per_kg_per_min(*c.norepinephrine_dose)) +
                   " \u00b5g/kg/min contradicts 'vasopressors: false'; correct one of them");
  }

  r.finish();
  return c;
}

}  // namespace lb::patient
