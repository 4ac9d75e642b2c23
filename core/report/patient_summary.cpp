#include "report/patient_summary.hpp"

#include "text/format.hpp"

namespace lb::report {

std::vector<std::pair<std::string, explain::Shown>> patient_quantities(const patient::Patient& p) {
  return {
      {"age", {units::in_years(p.age), "years", 0}},
      {"height", {units::in_centimeters(p.height), "cm", 1}},
      {"weight", {units::in_kilograms(p.weight), "kg", 1}},
      {"hematocrit", {units::in_percent(p.hematocrit), "%", 1}},
  };
}

std::string patient_one_line(const patient::Patient& p) {
  std::string out(model::to_string(p.sex));
  for (const auto& [name, q] : patient_quantities(p)) {
    out += " · ";
    if (name == "hematocrit") out += "Hct ";
    out += text::shown(q);
  }
  out += " · diagnosis ";
  out += patient::to_string(p.diagnosis);
  return out;
}

}  // namespace lb::report
