// A patient field's value as FHIR sends it: the LOINC row of its dimension, the number in
// one of the field's usual units (the unit system it was entered in for labs) and that unit
// in UCUM. One function for the patient file's values and for session-record labs, so both
// are sent alike; the import (import.hpp) reads them back through the same tables.
#pragma once

#include <optional>
#include <string>

#include "fhir/codes.hpp"
#include "patient/catalogue.hpp"
#include "units/any_quantity.hpp"

namespace lb::fhir {

struct Measurement {
  const patient::Field* field = nullptr;
  const FieldCode* code = nullptr;
  double value = 0.0;  ///< in `unit`, 9 significant digits
  std::string unit;    ///< as the patient format spells it ("µmol/L"); "" for plain numbers
  std::string ucum;    ///< "umol/L", "{INR}"
};

/// The measurement of a catalogue value, or nullopt when the field has no code for the
/// value's dimension (a field LiverBridge does not send).
std::optional<Measurement> measure(const patient::Field& field, const patient::FieldValue& value);
/// The same for a quantity of known dimension (a session-record lab; plain numbers are
/// fractions).
std::optional<Measurement> measure(const patient::Field& field, const units::AnyQuantity& q);

/// The number of `q` in `unit` (a spelling the unit parser knows), 9 significant digits;
/// nullopt when the dimensions differ.
std::optional<double> number_in(const units::AnyQuantity& q, std::string_view unit);

}  // namespace lb::fhir
