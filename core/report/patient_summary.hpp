// The patient's planning inputs as display strings, shared by every report.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "explain/derivation.hpp"
#include "patient/patient.hpp"

namespace lb::report {

/// (label, shown quantity) pairs for age, height, weight and hematocrit.
std::vector<std::pair<std::string, explain::Shown>> patient_quantities(const patient::Patient& p);
/// "male · 45 years · 175 cm · 70.0 kg · Hct 30 % · alf"
std::string patient_one_line(const patient::Patient& p);

}  // namespace lb::report
