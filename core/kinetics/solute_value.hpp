// Lab values of the solutes the kinetics engine predicts, as the patient file
// and the protocol hold them: reading the baseline from a patient, writing a
// predicted value back into a copy of the patient, converting a protocol value
// into the unit system the patient's lab was entered in (bilirubin and ammonia
// through the named molar-mass conversions), and display.
#pragma once

#include <optional>

#include "explain/derivation.hpp"
#include "patient/patient.hpp"
#include "protocol/course_settings.hpp"

namespace lb::kinetics {

using protocol::LabValue;
using protocol::Solute;

/// The patient's lab for `s`, in the unit system it was entered in; unset when missing.
std::optional<LabValue> baseline_of(const patient::Patient& patient, Solute s);

/// `patient` with the lab for `s` replaced by `v` (same unit system as `v`).
void set_lab(patient::Patient& patient, Solute s, const LabValue& v);

/// `v` in the same alternative as `like` (e.g. a protocol's '1 mg/dL' for a
/// bilirubin entered in µmol/L); unset when no conversion exists.
std::optional<LabValue> in_form_of(Solute s, const LabValue& v, const LabValue& like);

/// "4.5 mg/dL", "1.52", "35 %": the clinical unit and decimals for display.
explain::Shown shown(Solute s, const LabValue& v);

/// true when a <= b (a, b in the same alternative; false otherwise).
bool at_most(const LabValue& a, const LabValue& b);
/// true when a >= b.
bool at_least(const LabValue& a, const LabValue& b);

}  // namespace lb::kinetics
