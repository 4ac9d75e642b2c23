// The patient fields an eligibility rule may name ("labs.platelets",
// "clinical.active_bleeding"): every field of the patient catalogue
// (core/patient/catalogue.hpp) that holds a value a rule can compare, i.e.
// all but the id and the allergies. The same rows validate rules when a
// protocol is read (unknown field, wrong dimension, impossible bound) and
// read the patient when rules are evaluated, so the two can never disagree
// with each other or with the patient file.
// Lives with the patient (inputs tier): the protocol reader validates rules
// against it and the eligibility engine reads patients through it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "patient/catalogue.hpp"

namespace lb::eligibility {

using FieldSpec = patient::Field;
using FieldKind = patient::FieldKind;
using FieldValue = patient::FieldValue;

/// Every field a rule may name, in the order of the patient file.
const std::vector<const FieldSpec*>& field_registry();
/// The field with this dotted name, or nullptr (also for the id and allergies).
const FieldSpec* find_field(std::string_view name);
/// Names of all fields (for did-you-mean suggestions and documentation).
std::vector<std::string> field_names();

}  // namespace lb::eligibility
