#include "patient/clinical_reader.hpp"

#include <algorithm>
#include <cctype>

#include "patient/field_reader.hpp"
#include "patient/names.hpp"

namespace lb::patient {

namespace {

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

void read_clinical(yaml::MapReader& r, Patient& p) {
  if (!r.valid()) return;
  read_section(r, Section::clinical, p);
  Clinical& c = p.clinical;
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
}

}  // namespace lb::patient
