// Reading one patient-file value as its catalogue row describes it: parse it
// with its unit, check the unit against the field's accepted units, then hold
// it against the field's plausibility range. Each problem becomes one
// diagnostic at the value's line and column; a value with an error comes back
// as nullopt, so that nothing downstream (cross-checks, the plan) sees it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "patient/catalogue.hpp"
#include "patient/plausibility.hpp"
#include "units/parse.hpp"
#include "yaml/map_reader.hpp"

namespace lb::patient {

/// Scale of the unit the quantity was written in (a bare number: 1).
UnitScale written_scale(const units::ParsedQuantity& q);

/// Reads the field `f` from `r` (the mapping of its section): every kind,
/// with the field's units and plausibility range. Missing optional fields
/// and values with errors are nullopt.
std::optional<FieldValue> read_field(yaml::MapReader& r, const Field& f);

/// Reads every field of `section` into `p` except text and list fields (the
/// id and the allergies, which have readers of their own); the caller
/// finishes the reader. Returns false when a required field has no value.
bool read_section(yaml::MapReader& r, Section section, Patient& p);

}  // namespace lb::patient
