// The rows of the field catalogue (catalogue.hpp). Order: the patient file's.
#include "patient/catalogue.hpp"

#include <algorithm>
#include <array>

#include "model/names.hpp"
#include "patient/catalogue_access.hpp"
#include "patient/names.hpp"
#include "units/parse.hpp"

namespace lb::patient {

namespace {

using A = units::Analyte;
using D = units::Dimension;
using K = FieldKind;
using units::Analyte;
namespace acc = access;
constexpr std::optional<double> none = std::nullopt;

/// Plausibility bounds in `unit` (see the source note above kFields).
struct Bounds {
  Bounds(std::string_view u, double hmin, double hmax, std::optional<double> smin = none,
         std::optional<double> smax = none, std::string_view note = {})
      : unit(u), hard_min(hmin), hard_max(hmax), soft_min(smin), soft_max(smax), soft_note(note) {}
  std::string_view unit;
  double hard_min = 0, hard_max = 0;
  std::optional<double> soft_min, soft_max;
  std::string_view soft_note;
};

// ---- units ------------------------------------------------------------------------------
constexpr std::array<std::string_view, 2> kAge = {"years", "days"};
constexpr std::array<std::string_view, 4> kHeight = {"cm", "m", "in", "ft"};
constexpr std::array<std::string_view, 3> kWeight = {"kg", "lb", "g"};
constexpr std::array<std::string_view, 1> kPercent = {"%"};
constexpr std::array<std::string_view, 2> kBilirubin = {"mg/dL", "\u00b5mol/L"};
constexpr std::array<std::string_view, 2> kAmmonia = {"\u00b5mol/L", "\u00b5g/dL"};
constexpr std::array<std::string_view, 2> kSmallMolecule = {"mmol/L", "mg/dL"};
constexpr std::array<std::string_view, 3> kCalcium = {"mmol/L", "mg/dL", "mEq/L"};
constexpr std::array<std::string_view, 2> kIon = {"mmol/L", "mEq/L"};
constexpr std::array<std::string_view, 2> kAlbumin = {"g/dL", "g/L"};
constexpr std::array<std::string_view, 2> kProtein = {"g/L", "mg/dL"};
constexpr std::array<std::string_view, 2> kCells = {"10^9/L", "10^3/\u00b5L"};
constexpr std::array<std::string_view, 2> kDoseRate = {"\u00b5g/kg/min", "mg/kg/min"};
constexpr std::array<std::string_view, 2> kPressure = {"mmHg", "kPa"};
constexpr std::array<std::string_view, 2> kInterval = {"d", "h"};

constexpr FieldUnits usual(std::span<const std::string_view> u, MeqRule meq = MeqRule::refused) {
  return {u, meq, false, false};
}

// ---- words (enum order): the name tables every reader and to_string use ------------------
constexpr auto kSex = model::names::kSex.name_array();
constexpr auto kDiagnosis = names::kDiagnosis.name_array();
constexpr auto kBuild = model::names::kBuild.name_array();
constexpr auto kEtiology = names::kEtiology.name_array();
constexpr auto kAscites = names::kAscites.name_array();
// The catalogue reads a word as its index in these lists, so each table lists its enum in order.
static_assert(model::names::kSex.in_enum_order() && names::kDiagnosis.in_enum_order() &&
              model::names::kBuild.in_enum_order() && names::kEtiology.in_enum_order() &&
              names::kAscites.in_enum_order());

// ---- row makers -------------------------------------------------------------------------
Field make(std::string_view key, std::string_view label, std::string_view meaning, K kind,
           acc::Access a) {
  Field f;
  f.key = key;
  f.label = label;
  f.meaning = meaning;
  f.kind = kind;
  f.get = a.get;
  f.set = a.set;
  return f;
}

Field bounded(Field f, const Bounds& b) {
  f.range =
      PlausibleRange{f.key, b.unit, b.hard_min, b.hard_max, b.soft_min, b.soft_max, b.soft_note};
  return f;
}

Field quantity(std::string_view key, std::string_view label, std::string_view meaning, D d,
               FieldUnits u, const Bounds& b, acc::Access a) {
  Field f = make(key, label, meaning, K::quantity, a);
  f.dimension = d;
  f.units = u;
  return bounded(f, b);
}

Field lab(std::string_view key, std::string_view label, std::string_view meaning, Analyte an,
          FieldUnits u, const Bounds& b, acc::Access a) {
  Field f = make(key, label, meaning, K::lab, a);
  f.analyte = an;
  f.units = u;
  f.dimension = unit_scale(b.unit).dimension;
  return bounded(f, b);
}

/// A lab held as one typed quantity (sodium, albumin, platelets, PTA).
Field lab_quantity(std::string_view key, std::string_view label, std::string_view meaning,
                   Analyte an, D d, FieldUnits u, const Bounds& b, acc::Access a) {
  Field f = quantity(key, label, meaning, d, u, b, a);
  f.analyte = an;
  return f;
}

Field number(std::string_view key, std::string_view label, std::string_view meaning,
             std::optional<Analyte> an, const Bounds& b, acc::Access a) {
  Field f = make(key, label, meaning, K::number, a);
  f.analyte = an;
  return bounded(f, b);
}

Field whole(std::string_view key, std::string_view label, std::string_view meaning, int min,
            int max, acc::Access a) {
  Field f = make(key, label, meaning, K::whole, a);
  f.min = min;
  f.max = max;
  return f;
}

Field word(std::string_view key, std::string_view label, std::string_view meaning,
           std::span<const std::string_view> words, acc::Access a, bool required = false) {
  Field f = make(key, label, meaning, K::word, a);
  f.words = words;
  f.required = required;
  return f;
}

Field flag(std::string_view key, std::string_view label, std::string_view meaning, acc::Access a) {
  return make(key, label, meaning, K::boolean, a);
}

Field required(Field f) {
  f.required = true;
  return f;
}

/// No vasopressor running and no dose written: the dose is 0, not unknown.
std::optional<FieldValue> norepinephrine(const Patient& p) {
  if (p.clinical.norepinephrine_dose) return acc::to_value(p.clinical.norepinephrine_dose);
  if (p.clinical.vasopressors.has_value() && !*p.clinical.vasopressors) {
    auto v = acc::to_value(units::ug_per_kg_per_min(0));
    v->note = "no vasopressor running";
    return v;
  }
  return std::nullopt;
}

// The plausibility bounds. Hard bounds reject (error); soft bounds warn.
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
// is converted with the §6 factors before it is compared.
//
// Labels are short so that the window's form fits a third of a 1280-pixel screen; the
// meaning is its tooltip.
std::vector<Field> make_fields() {
  using P = Patient;
  using L = Labs;
  using C = Clinical;
  Field id =
      make("id", "Patient id", "Pseudonymous code (never a name, record number or birth date)",
           K::text, acc::top<&P::id>());
  Field age = quantity(
      "age", "Age", "Age in years", D::time, usual(kAge),
      {"years", 0, 120, 18, none, "LiverBridge's volume formulas and scores are for adults"},
      acc::top<&P::age>());
  age.units.only_usual = true;
  Field hct =
      quantity("hematocrit", "Hematocrit", "Hct as a percentage or a fraction (0.30)", D::fraction,
               usual(kPercent), {"%", 10, 70, 20, 55}, acc::top<&P::hematocrit>());
  hct.units.bare_fraction = true;
  return {
      required(id),
      word("sex", "Sex", "Selects the sex-specific formulas (Nadler, Devine, Gilcher)", kSex,
           acc::top<&P::sex>(), true),
      required(age),
      required(quantity("height", "Height", "Body height", D::length, usual(kHeight),
                        {"cm", 40, 250, 140, 210}, acc::top<&P::height>())),
      required(quantity("weight", "Weight", "Actual body weight", D::mass, usual(kWeight),
                        {"kg", 0.5, 500, 35, 250}, acc::top<&P::weight>())),
      required(hct),
      word("diagnosis", "Diagnosis",
           "alf: acute, subacute_lf: subacute, aclf: acute-on-chronic, chronic_lf: chronic "
           "liver failure",
           kDiagnosis, acc::top<&P::diagnosis>(), true),
      word("build", "Build", "Only used by Gilcher's rule of five", kBuild, acc::top<&P::build>()),
      word("etiology", "Etiology", "Cause of the liver failure (used by the scores)", kEtiology,
           acc::top<&P::etiology>()),
      // ---- labs ---------------------------------------------------------------------------
      lab("labs.bilirubin", "Bilirubin", "Total bilirubin", A::bilirubin, usual(kBilirubin),
          {"mg/dL", 0, 100, none, 50}, acc::labs<&L::bilirubin>()),
      lab("labs.creatinine", "Creatinine", "Serum creatinine", A::creatinine, usual(kBilirubin),
          {"mg/dL", 0.05, 30, none, 20}, acc::labs<&L::creatinine>()),
      lab("labs.ammonia", "Ammonia", "Arterial or venous ammonia (\u00b5g/dL as NH\u2083)",
          A::ammonia, usual(kAmmonia), {"\u00b5mol/L", 0, 1000, none, 500},
          acc::labs<&L::ammonia>()),
      lab("labs.lactate", "Lactate", "Lactate", A::lactate, usual(kSmallMolecule),
          {"mmol/L", 0, 40, none, 25}, acc::labs<&L::lactate>()),
      lab("labs.ionized_calcium", "Ionized Ca", "Ionized calcium (mEq/L \u00d7 0.5 = mmol/L)",
          A::ionized_calcium, usual(kCalcium, MeqRule::divalent), {"mmol/L", 0.1, 3, 0.5, 1.8},
          acc::labs<&L::ionized_calcium>()),
      lab("labs.total_calcium", "Total Ca", "Total calcium (mEq/L \u00d7 0.5 = mmol/L)",
          A::total_calcium, usual(kCalcium, MeqRule::divalent), {"mmol/L", 0.5, 6, 1.25, 4},
          acc::labs<&L::total_calcium>()),
      lab("labs.glucose", "Glucose", "Glucose", A::glucose, usual(kSmallMolecule),
          {"mmol/L", 0, 100, 1, 50}, acc::labs<&L::glucose>()),
      lab("labs.phosphate", "Phosphate", "Phosphate (as phosphorus)", A::phosphate,
          usual(kSmallMolecule), {"mmol/L", 0, 10, none, 5}, acc::labs<&L::phosphate>()),
      number("labs.inr", "INR", "International normalised ratio (a plain number)", A::inr,
             {"", 0.5, 30, none, 15}, acc::labs<&L::inr>()),
      lab_quantity("labs.sodium", "Sodium", "Serum sodium", A::sodium, D::amount_concentration,
                   usual(kIon, MeqRule::monovalent), {"mmol/L", 90, 200, 100, 180},
                   acc::labs<&L::sodium>()),
      lab_quantity("labs.potassium", "Potassium", "Serum potassium", A::potassium,
                   D::amount_concentration, usual(kIon, MeqRule::monovalent),
                   {"mmol/L", 1, 12, 2, 8}, acc::labs<&L::potassium>()),
      lab_quantity("labs.bicarbonate", "Bicarbonate", "Bicarbonate", A::bicarbonate,
                   D::amount_concentration, usual(kIon, MeqRule::monovalent),
                   {"mmol/L", 0, 60, 5, 45}, acc::labs<&L::bicarbonate>()),
      lab_quantity("labs.albumin", "Albumin", "Serum albumin", A::albumin, D::mass_concentration,
                   usual(kAlbumin), {"g/L", 5, 70, 10, 60}, acc::labs<&L::albumin>()),
      lab_quantity("labs.fibrinogen", "Fibrinogen", "Fibrinogen", A::fibrinogen,
                   D::mass_concentration, usual(kProtein), {"g/L", 0, 15, none, 8},
                   acc::labs<&L::fibrinogen>()),
      lab_quantity("labs.igg", "IgG", "Immunoglobulin G", A::igg, D::mass_concentration,
                   usual(kProtein), {"g/L", 0, 100, none, 40}, acc::labs<&L::igg>()),
      lab_quantity("labs.platelets", "Platelets", "Platelet count", A::platelets,
                   D::cell_concentration, usual(kCells), {"10^9/L", 0, 2000, none, 1000},
                   acc::labs<&L::platelets>()),
      lab_quantity("labs.wbc", "WBC", "White blood cell count", A::wbc, D::cell_concentration,
                   usual(kCells), {"10^9/L", 0, 1000, none, 100}, acc::labs<&L::wbc>()),
      lab_quantity("labs.pta", "PTA", "Prothrombin activity (never converted to or from INR)",
                   A::pta, D::fraction, usual(kPercent), {"%", 0, 200, none, 150},
                   acc::labs<&L::pta>()),
      lab_quantity("labs.factor_v", "Factor V", "Factor V, % of normal", A::factor_v, D::fraction,
                   usual(kPercent), {"%", 0, 300, none, 200}, acc::labs<&L::factor_v>()),
      number("labs.arterial_ph", "Arterial pH", "Arterial pH (a plain number)", A::arterial_ph,
             {"", 6.3, 8, 6.8, 7.7}, acc::labs<&L::arterial_ph>()),
      // ---- clinical -----------------------------------------------------------------------
      whole("clinical.hepatic_encephalopathy_grade", "HE grade",
            "Hepatic encephalopathy, West Haven grade 0\u20134", 0, 4,
            acc::clinical<&C::hepatic_encephalopathy_grade>()),
      word("clinical.ascites", "Ascites", "As in Child-Pugh", kAscites,
           acc::clinical<&C::ascites>()),
      flag("clinical.vasopressors", "Vasopressors", "Any vasopressor running",
           acc::clinical<&C::vasopressors>()),
      quantity("clinical.norepinephrine_dose", "Norepinephrine", "Norepinephrine dose rate",
               D::dose_rate, usual(kDoseRate), {"\u00b5g/kg/min", 0, 10, none, 2},
               {norepinephrine, acc::clinical<&C::norepinephrine_dose>().set}),
      quantity("clinical.map", "MAP", "Mean arterial pressure", D::pressure, usual(kPressure),
               {"mmHg", 10, 250, 40, 150}, acc::clinical<&C::mean_arterial_pressure>()),
      quantity("clinical.pao2_fio2", "PaO\u2082/FiO\u2082", "PaO\u2082/FiO\u2082 ratio",
               D::pressure, usual(kPressure), {"mmHg", 20, 800, 50, 600},
               acc::clinical<&C::pao2_fio2>()),
      flag("clinical.mechanical_ventilation", "Ventilated", "Mechanical ventilation",
           acc::clinical<&C::mechanical_ventilation>()),
      flag("clinical.active_bleeding", "Bleeding", "Active bleeding",
           acc::clinical<&C::active_bleeding>()),
      flag("clinical.dic", "DIC", "Disseminated intravascular coagulation",
           acc::clinical<&C::dic>()),
      flag("clinical.sepsis", "Sepsis", "Sepsis", acc::clinical<&C::sepsis>()),
      flag("clinical.on_dialysis", "On dialysis",
           "Renal replacement therapy (intermittent or continuous)",
           acc::clinical<&C::on_dialysis>()),
      whole("clinical.dialysis_sessions_last_week", "Dialysis/7 d",
            "Intermittent dialysis sessions in the last 7 days (0\u201314)", 0, 14,
            acc::clinical<&C::dialysis_sessions_last_week>()),
      flag("clinical.cvvhd_24h_last_week", "CVVHD 24 h/7 d",
           "24 hours of continuous veno-venous haemodialysis in the last 7 days",
           acc::clinical<&C::cvvhd_24h_last_week>()),
      quantity("clinical.jaundice_to_encephalopathy", "Jaundice\u2192HE",
               "Interval from the onset of jaundice to encephalopathy", D::time, usual(kInterval),
               {"days", 0, 365, none, none}, acc::clinical<&C::jaundice_to_encephalopathy>()),
      make("clinical.allergies", "Allergies",
           "Known allergies; 'none known' writes the empty list, 'not recorded' leaves it out",
           K::list, acc::clinical<&C::allergies>()),
  };
}

const std::vector<Field>& fields() {
  static const std::vector<Field> kFields = make_fields();
  return kFields;
}

}  // namespace

Section Field::section() const {
  if (key.starts_with("labs.")) return Section::labs;
  if (key.starts_with("clinical.")) return Section::clinical;
  return Section::patient;
}

std::string_view Field::leaf() const {
  const auto dot = key.find('.');
  return dot == std::string_view::npos ? key : key.substr(dot + 1);
}

std::span<const Field> field_catalogue() { return fields(); }

const Field* find_field(std::string_view key) {
  const auto& all = fields();
  const auto it =
      std::find_if(all.begin(), all.end(), [&](const Field& f) { return f.key == key; });
  return it == all.end() ? nullptr : &*it;
}

const Field* find_field(Section section, std::string_view leaf) {
  for (const auto& f : fields()) {
    if (f.section() == section && f.leaf() == leaf) return &f;
  }
  return nullptr;
}

const Field* field_of(units::Analyte analyte) {
  for (const auto& f : fields()) {
    if (f.analyte == analyte) return &f;
  }
  return nullptr;
}

std::optional<std::string_view> field_label(std::string_view key) {
  if (const Field* f = find_field(key)) return f->label;
  if (const auto a = units::analyte_from_name(key)) {
    if (const Field* f = field_of(*a)) return f->label;
  }
  return std::nullopt;
}

std::string units_hint(const Field& f) {
  std::string out;
  const auto& u = f.units.usual;
  for (std::size_t i = 0; i < u.size(); ++i) {
    if (i > 0) out += i + 1 == u.size() ? " or " : ", ";
    out += u[i];
  }
  return out;
}

}  // namespace lb::patient
