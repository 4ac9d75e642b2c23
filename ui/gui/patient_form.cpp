#include "gui/patient_form.hpp"

#include <algorithm>
#include <sstream>

#include "patient/patient.hpp"
#include "text/format.hpp"
#include "yaml/guarded_load.hpp"

namespace lb::gui {

namespace {

using K = FieldKind;
using V = std::vector<std::string_view>;

const V kMassConc = {"mg/dL", "\u00b5mol/L"};
const V kCalcium = {"mmol/L", "mg/dL", "mEq/L"};
const V kSmallMolecule = {"mmol/L", "mg/dL"};
const V kIon = {"mmol/L", "mEq/L"};
const V kCells = {"10^9/L", "10^3/\u00b5L"};
const V kPressure = {"mmHg", "kPa"};
const V kBool = {"true", "false"};

V etiology_choices() {
  V out;
  for (const auto& [word, value] : patient::etiology_words()) out.emplace_back(word);
  return out;
}

// The patient file's keys (examples/README.md), in file order. Labels are
// short so that the form fits a third of a 1280-pixel screen; the tooltip
// gives the full meaning.
const std::vector<FieldSpec>& field_table() {
  static const std::vector<FieldSpec> table = {
      {"id",
       "Patient id",
       "Pseudonymous code (never a name, record number or birth date)",
       K::text,
       true,
       {},
       {}},
      {"sex",
       "Sex",
       "Selects the sex-specific formulas (Nadler, Devine, Gilcher)",
       K::choice,
       true,
       {},
       {"male", "female"}},
      {"age", "Age", "Age in years", K::quantity, true, {"years"}, {}},
      {"height", "Height", "Body height", K::quantity, true, {"cm", "m", "in", "ft"}, {}},
      {"weight", "Weight", "Actual body weight", K::quantity, true, {"kg", "lb", "g"}, {}},
      {"hematocrit",
       "Hematocrit",
       "Hct as a percentage or a fraction (0.30)",
       K::quantity,
       true,
       {"%", kBareFraction},
       {}},
      {"diagnosis",
       "Diagnosis",
       "alf: acute, subacute_lf: subacute, aclf: acute-on-chronic, chronic_lf: chronic liver "
       "failure",
       K::choice,
       true,
       {},
       {"alf", "subacute_lf", "aclf", "chronic_lf", "other"}},
      {"build",
       "Build",
       "Only used by Gilcher's rule of five",
       K::choice,
       false,
       {},
       {"obese", "thin", "normal", "muscular"}},
      {"etiology",
       "Etiology",
       "Cause of the liver failure (used by the scores)",
       K::choice,
       false,
       {},
       etiology_choices()},
      {"labs.bilirubin", "Bilirubin", "Total bilirubin", K::quantity, false, kMassConc, {}},
      {"labs.creatinine", "Creatinine", "Serum creatinine", K::quantity, false, kMassConc, {}},
      {"labs.ammonia",
       "Ammonia",
       "Arterial or venous ammonia (\u00b5g/dL as NH\u2083)",
       K::quantity,
       false,
       {"\u00b5mol/L", "\u00b5g/dL"},
       {}},
      {"labs.lactate", "Lactate", "Lactate", K::quantity, false, kSmallMolecule, {}},
      {"labs.ionized_calcium",
       "Ionized Ca",
       "Ionized calcium (mEq/L \u00d7 0.5 = mmol/L)",
       K::quantity,
       false,
       kCalcium,
       {}},
      {"labs.total_calcium", "Total Ca", "Total calcium", K::quantity, false, kCalcium, {}},
      {"labs.glucose", "Glucose", "Glucose", K::quantity, false, kSmallMolecule, {}},
      {"labs.phosphate",
       "Phosphate",
       "Phosphate (as phosphorus)",
       K::quantity,
       false,
       kSmallMolecule,
       {}},
      {"labs.inr",
       "INR",
       "International normalised ratio (a plain number)",
       K::number,
       false,
       {},
       {}},
      {"labs.sodium", "Sodium", "Serum sodium", K::quantity, false, kIon, {}},
      {"labs.potassium", "Potassium", "Serum potassium", K::quantity, false, kIon, {}},
      {"labs.bicarbonate", "Bicarbonate", "Bicarbonate", K::quantity, false, kIon, {}},
      {"labs.albumin", "Albumin", "Serum albumin", K::quantity, false, {"g/dL", "g/L"}, {}},
      {"labs.fibrinogen", "Fibrinogen", "Fibrinogen", K::quantity, false, {"g/L", "mg/dL"}, {}},
      {"labs.igg", "IgG", "Immunoglobulin G", K::quantity, false, {"g/L", "mg/dL"}, {}},
      {"labs.platelets", "Platelets", "Platelet count", K::quantity, false, kCells, {}},
      {"labs.wbc", "WBC", "White blood cell count", K::quantity, false, kCells, {}},
      {"labs.pta",
       "PTA",
       "Prothrombin activity (never converted to or from INR)",
       K::quantity,
       false,
       {"%"},
       {}},
      {"labs.factor_v", "Factor V", "Factor V, % of normal", K::quantity, false, {"%"}, {}},
      {"labs.arterial_ph", "Arterial pH", "Arterial pH (a plain number)", K::number, false, {}, {}},
      {"clinical.hepatic_encephalopathy_grade",
       "HE grade",
       "Hepatic encephalopathy, West Haven grade 0\u20134",
       K::choice,
       false,
       {},
       {"0", "1", "2", "3", "4"}},
      {"clinical.ascites",
       "Ascites",
       "As in Child-Pugh",
       K::choice,
       false,
       {},
       {"none", "mild", "moderate_severe"}},
      {"clinical.vasopressors",
       "Vasopressors",
       "Any vasopressor running",
       K::boolean,
       false,
       {},
       kBool},
      {"clinical.norepinephrine_dose",
       "Norepinephrine",
       "Norepinephrine dose rate",
       K::quantity,
       false,
       {"\u00b5g/kg/min", "mg/kg/min"},
       {}},
      {"clinical.map", "MAP", "Mean arterial pressure", K::quantity, false, kPressure, {}},
      {"clinical.pao2_fio2",
       "PaO\u2082/FiO\u2082",
       "PaO\u2082/FiO\u2082 ratio",
       K::quantity,
       false,
       kPressure,
       {}},
      {"clinical.mechanical_ventilation",
       "Ventilated",
       "Mechanical ventilation",
       K::boolean,
       false,
       {},
       kBool},
      {"clinical.active_bleeding", "Bleeding", "Active bleeding", K::boolean, false, {}, kBool},
      {"clinical.dic",
       "DIC",
       "Disseminated intravascular coagulation",
       K::boolean,
       false,
       {},
       kBool},
      {"clinical.sepsis", "Sepsis", "Sepsis", K::boolean, false, {}, kBool},
      {"clinical.on_dialysis",
       "On dialysis",
       "Renal replacement therapy (intermittent or continuous)",
       K::boolean,
       false,
       {},
       kBool},
      {"clinical.dialysis_sessions_last_week",
       "Dialysis/7 d",
       "Intermittent dialysis sessions in the last 7 days (0\u201314)",
       K::choice,
       false,
       {},
       {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14"}},
      {"clinical.cvvhd_24h_last_week",
       "CVVHD 24 h/7 d",
       "24 hours of continuous veno-venous haemodialysis in the last 7 days",
       K::boolean,
       false,
       {},
       kBool},
      {"clinical.jaundice_to_encephalopathy",
       "Jaundice\u2192HE",
       "Interval from the onset of jaundice to encephalopathy",
       K::quantity,
       false,
       {"d", "h"},
       {}},
      {"clinical.allergies",
       "Allergies",
       "Known allergies; 'none known' writes the empty list, 'not recorded' leaves it out",
       K::list,
       false,
       {kAllergiesUnknown, kAllergiesNone, kAllergiesListed},
       {}},
  };
  return table;
}

/// "u" and Greek mu (U+03BC) -> micro sign (U+00B5), as the parser reads them.
std::string normalise_micro(std::string unit) {
  if (!unit.empty() && unit[0] == 'u') unit = "\u00b5" + unit.substr(1);
  for (std::size_t p = unit.find("/u"); p != std::string::npos; p = unit.find("/u", p + 1)) {
    unit.replace(p + 1, 1, "\u00b5");
  }
  for (std::size_t p = unit.find("\u03bc"); p != std::string::npos; p = unit.find("\u03bc")) {
    unit.replace(p, 2, "\u00b5");
  }
  return unit;
}

/// A YAML double-quoted scalar: never read as anything but text.
std::string quoted(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> out;
  std::string item;
  std::stringstream in{std::string(text)};
  while (std::getline(in, item, ',')) out.push_back(text::trimmed(item));
  return out;
}

std::string_view section_of(std::string_view key) {
  const auto dot = key.find('.');
  return dot == std::string_view::npos ? std::string_view() : key.substr(0, dot);
}

std::string_view leaf_of(std::string_view key) {
  const auto dot = key.find('.');
  return dot == std::string_view::npos ? key : key.substr(dot + 1);
}

}  // namespace

std::span<const FieldSpec> patient_fields() { return field_table(); }

const FieldSpec* find_field(std::string_view key) {
  for (const auto& f : field_table()) {
    if (f.key == key) return &f;
  }
  return nullptr;
}

PatientForm empty_form() {
  PatientForm form;
  for (const auto& f : field_table()) {
    form.fields[std::string(f.key)] =
        FieldInput{"", f.units.empty() ? std::string() : std::string(f.units.front())};
  }
  return form;
}

FieldInput split_quantity(std::string_view text) {
  const std::string t = text::trimmed(text);
  std::size_t end = 0;
  while (end < t.size() && (std::isdigit(static_cast<unsigned char>(t[end])) != 0 ||
                            t[end] == '.' || t[end] == '-' || t[end] == '+' || t[end] == ',')) {
    ++end;
  }
  if (end == 0) return {t, ""};
  return {t.substr(0, end), normalise_micro(text::trimmed(std::string_view(t).substr(end)))};
}

std::string form_to_yaml(const PatientForm& form) {
  std::string top, labs, clinical;
  for (const auto& f : field_table()) {
    const auto it = form.fields.find(f.key);
    if (it == form.fields.end()) continue;
    const FieldInput& in = it->second;
    const std::string value = text::trimmed(in.value);
    std::string scalar;
    switch (f.kind) {
      case K::text:
        if (!value.empty()) scalar = quoted(value);
        break;
      case K::quantity:
        if (value.empty()) break;
        scalar =
            quoted(in.unit == kBareFraction || in.unit.empty() ? value : value + " " + in.unit);
        break;
      case K::number:
        if (!value.empty()) scalar = quoted(value);
        break;
      case K::choice:
      case K::boolean:
        if (!value.empty()) scalar = value;  // from a fixed list: plain words
        break;
      case K::list:
        if (in.unit == kAllergiesNone) {
          scalar = "[]";
        } else if (in.unit == kAllergiesListed) {
          scalar = "[";
          const auto items = split_list(value);
          for (std::size_t i = 0; i < items.size(); ++i) {
            scalar += (i ? ", " : "") + quoted(items[i]);
          }
          scalar += "]";
        }
        break;
    }
    if (scalar.empty()) continue;
    const std::string line = std::string(leaf_of(f.key)) + ": " + scalar + "\n";
    const auto section = section_of(f.key);
    if (section == "labs") {
      labs += "  " + line;
    } else if (section == "clinical") {
      clinical += "  " + line;
    } else {
      top += line;
    }
  }
  std::string out = "# LiverBridge patient file (format: examples/README.md).\n" + top;
  if (!labs.empty()) out += "\nlabs:\n" + labs;
  if (!clinical.empty()) out += "\nclinical:\n" + clinical;
  return out;
}

PatientForm form_from_yaml(std::string_view text, const std::string& file,
                           diag::Diagnostics& problems) {
  PatientForm form = empty_form();
  const auto root = yaml::guarded_load(text, file, problems);
  if (!root || !root->IsMap()) return form;
  const auto note = [&](const YAML::Node& n, const std::string& key, const std::string& what) {
    problems.add({diag::Severity::error, yaml::location_of(n.Mark(), file), key, what});
  };
  try {
    for (const auto& entry : *root) {
      const std::string top = entry.first.Scalar();
      if (top == "labs" || top == "clinical") {
        if (!entry.second.IsMap()) continue;
        for (const auto& sub : entry.second) {
          const std::string key = top + "." + sub.first.Scalar();
          if (find_field(key) == nullptr) note(sub.first, key, "is not a field of the form");
        }
      } else if (find_field(top) == nullptr) {
        note(entry.first, top, "is not a field of the form");
      }
    }
    for (const auto& f : field_table()) {
      const std::string section(section_of(f.key));
      const std::string leaf(leaf_of(f.key));
      const YAML::Node parent = section.empty() ? *root : (*root)[section];
      if (!parent || !parent.IsMap()) continue;
      const YAML::Node node = parent[leaf];
      if (!node) continue;
      FieldInput& in = form.fields[std::string(f.key)];
      if (f.kind == K::list) {
        if (node.IsSequence()) {
          std::string joined;
          for (const auto& item : node) {
            if (item.IsScalar()) joined += (joined.empty() ? "" : ", ") + item.Scalar();
          }
          in.unit = std::string(node.size() == 0 ? kAllergiesNone : kAllergiesListed);
          in.value = joined;
        } else if (node.IsScalar()) {
          in.unit = std::string(kAllergiesListed);
          in.value = node.Scalar();
        }
        continue;
      }
      if (!node.IsScalar()) {
        note(node, std::string(f.key), "is not a single value");
        continue;
      }
      const std::string scalar = node.Scalar();
      if (f.kind == K::quantity) {
        FieldInput split = split_quantity(scalar);
        if (split.unit.empty() && f.key == "hematocrit") split.unit = std::string(kBareFraction);
        in = split;
      } else {
        in.value = text::trimmed(scalar);
      }
    }
  } catch (const YAML::Exception& e) {
    problems.error(yaml::location_of(e.mark, file), "", "malformed YAML: " + e.msg);
  }
  return form;
}

}  // namespace lb::gui
