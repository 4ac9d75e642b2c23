// The field catalogue: one row per value of the patient file (key, label,
// section, kind, dimension, analyte, accepted units, plausible ranges and a
// typed accessor). Everything else that describes patient fields is a
// projection of this table: the patient-file readers, the plausibility
// checks, the eligibility field registry, the cohort CSV columns, the
// analytes of a session record and the window's patient form. A new field is
// one new row; tests/unit/gui/test_field_catalogue.cpp fails if a projection
// misses it or accepts other units.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "patient/patient.hpp"
#include "patient/plausibility.hpp"
#include "units/analyte.hpp"
#include "units/any_quantity.hpp"
#include "units/dimension.hpp"
#include "units/lab_conversions.hpp"

namespace lb::units {
struct ParsedQuantity;  // units/parse.hpp (not included: <signal.h> defines a si_value macro)
}  // namespace lb::units

namespace lb::patient {

enum class Section { patient, labs, clinical };

enum class FieldKind {
  text,      ///< the pseudonymous id
  quantity,  ///< one dimension ("72 kg")
  lab,       ///< an analyte in either unit system (bilirubin mg/dL or µmol/L)
  number,    ///< a plain number without unit (INR, pH)
  whole,     ///< a whole number in [min, max] (HE grade)
  boolean,   ///< true / false
  word,      ///< one of `words`
  list,      ///< a list of words (allergies)
};

/// How "mEq/L" is read for a field: refused (not an ion), as mmol/L (a
/// monovalent ion: Na, K, HCO3) or as half a mmol/L (divalent calcium).
enum class MeqRule { refused, monovalent, divalent };

/// The units a field accepts. Every unit of the field's dimension(s) is
/// accepted (for labs: mass and amount concentrations), with these limits.
struct FieldUnits {
  /// The usual units, canonical spelling, the default first: offered by the
  /// form and named in messages. Empty for fields without a unit.
  std::span<const std::string_view> usual;
  MeqRule meq = MeqRule::refused;
  /// Only units of the same size as a usual one (age: years or days, not hours).
  bool only_usual = false;
  /// A bare number is a fraction (hematocrit 0.30).
  bool bare_fraction = false;
};

/// One field's value, in the member its kind uses.
struct FieldValue {
  std::optional<units::AnyQuantity> quantity;  ///< quantity, number, whole (as a fraction)
  std::optional<units::LabConcentration> lab;  ///< lab
  bool flag = false;                           ///< boolean
  int whole = 0;                               ///< whole
  std::size_t word = 0;                        ///< word: index into Field::words
  std::string text;                            ///< text
  std::vector<std::string> list;               ///< list
  std::string_view note;  ///< why an inferred value was inferred ("no vasopressor running")
};

struct Field {
  std::string_view key;      ///< dotted key path as in the file: "weight", "labs.bilirubin"
  std::string_view label;    ///< short label: "Bilirubin"
  std::string_view meaning;  ///< one line: what the field is
  FieldKind kind = FieldKind::quantity;
  /// quantity: its dimension; lab: the dimension its range is written in;
  /// number, whole: fraction (a pure number).
  units::Dimension dimension = units::Dimension::fraction;
  std::optional<units::Analyte> analyte;  ///< every field of `labs:`
  FieldUnits units;
  std::optional<PlausibleRange> range;  ///< hard (error) and soft (warning) bounds
  bool required = false;
  int min = 0, max = 0;                     ///< whole only
  std::span<const std::string_view> words;  ///< word only: allowed words, in enum order
  /// The patient's value, nullopt when missing. Norepinephrine reads 0 when
  /// no vasopressor runs (with a note).
  std::optional<FieldValue> (*get)(const Patient&) = nullptr;
  /// Stores a value of the field's kind.
  void (*set)(Patient&, const FieldValue&) = nullptr;

  [[nodiscard]] Section section() const;
  /// The key without its section: "bilirubin".
  [[nodiscard]] std::string_view leaf() const;
};

/// Every field, in the order of the patient file.
std::span<const Field> field_catalogue();
/// The field with this dotted key ("labs.bilirubin"), or nullptr.
const Field* find_field(std::string_view key);
/// The field of a section with this leaf key ("bilirubin" in labs), or nullptr.
const Field* find_field(Section section, std::string_view leaf);
/// The lab field of an analyte, or nullptr (citrate is no patient lab).
const Field* field_of(units::Analyte analyte);
/// The label for a dotted key or an analyte name ("labs.wbc" or "wbc" -> "WBC"),
/// or nullopt when no field has that key. For every page that names fields.
std::optional<std::string_view> field_label(std::string_view key);

/// "mg/dL or µmol/L", "mmol/L, mg/dL or mEq/L": the usual units for messages.
std::string units_hint(const Field& f);

/// Why a unit is refused for a field (each reader words it for its input).
enum class Refusal {
  none,
  wrong_dimension,  ///< a length for a mass; not a concentration for a lab
  meq_not_ion,      ///< mEq/L for a field that is not an ion
  not_usual,        ///< a unit of the right dimension the field does not take (age in hours)
  no_unit,          ///< a bare number where a unit is needed
};

/// A parsed value checked against the field's units: the value in SI (mEq/L of
/// calcium halved) or why it is refused. Every reader decides with this one
/// function, so the patient file, the cohort CSV, a session record and an
/// eligibility bound accept the same units.
struct Accepted {
  std::optional<units::AnyQuantity> value;
  Refusal refusal = Refusal::none;
};
Accepted accept(const Field& f, const units::ParsedQuantity& q);

}  // namespace lb::patient

namespace lb::patient {

/// The FieldValue of a quantity or lab field for an accepted quantity (a lab
/// keeps the unit system it was entered in).
FieldValue measured_value(const Field& f, const units::AnyQuantity& q);

/// The value as a typed quantity in the dimension of the field's range (a lab
/// converted with its analyte's factor); nullopt for fields without a range.
std::optional<units::AnyQuantity> in_range_dimension(const Field& f, const FieldValue& v);

/// The field's plausible range in `unit`, a unit the field accepts as the parser spells it
/// ("" for a bare number): each bound converted (a lab with its analyte's factor, calcium
/// in mEq/L as half a mmol/L) and rounded outward to the digits it is shown with
/// (shown_bound), so that a value is checked and worded in the unit it was written in and
/// a value on the documented edge is accepted. The range itself when `unit` has the
/// range's scale; nullopt when the field has no range or refuses the unit.
std::optional<PlausibleRange> range_in_unit(const Field& f, std::string_view unit);

}  // namespace lb::patient
