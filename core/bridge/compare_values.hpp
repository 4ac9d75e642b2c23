// Comparing a measured value with a rule's threshold across unit systems, and showing it in
// the threshold's unit. Part of the evaluator (bridge/evaluate.cpp).
#pragma once

#include <optional>
#include <string>

#include "bridge/rule.hpp"
#include "units/analyte.hpp"
#include "units/any_quantity.hpp"

namespace lb::bridge::detail {

/// The value in the threshold's dimension (a lab in mg/dL against µmol/L goes through the
/// analyte's molar mass); empty when it cannot be converted.
std::optional<units::AnyQuantity> in_threshold_dimension(const units::AnyQuantity& value,
                                                         std::optional<units::Analyte> analyte,
                                                         const units::AnyQuantity& threshold);
/// value <comparator> threshold, exact (units/compare.hpp); empty when not comparable.
std::optional<bool> compare(const units::AnyQuantity& value, std::optional<units::Analyte> analyte,
                            const Comparison& c);
/// The value written in the unit of `threshold_text` ("318 µmol/L"), with enough decimals that
/// it never reads as the threshold when it is not equal to it.
std::string in_unit_of(const units::AnyQuantity& value, std::optional<units::Analyte> analyte,
                       const Comparison& c);
/// "≥ 70", "> 300 µmol/L"
std::string comparison_text(const Comparison& c);

}  // namespace lb::bridge::detail
