#include "units/analyte.hpp"

#include <array>
#include <utility>

namespace lb::units {

namespace {
using A = Analyte;
// In enum order; one table serves both directions.
constexpr std::array<std::pair<Analyte, std::string_view>, 21> kNames = {{
    {A::bilirubin, "bilirubin"},
    {A::creatinine, "creatinine"},
    {A::ammonia, "ammonia"},
    {A::lactate, "lactate"},
    {A::ionized_calcium, "ionized_calcium"},
    {A::total_calcium, "total_calcium"},
    {A::glucose, "glucose"},
    {A::phosphate, "phosphate"},
    {A::inr, "inr"},
    {A::sodium, "sodium"},
    {A::potassium, "potassium"},
    {A::bicarbonate, "bicarbonate"},
    {A::albumin, "albumin"},
    {A::fibrinogen, "fibrinogen"},
    {A::igg, "igg"},
    {A::platelets, "platelets"},
    {A::wbc, "wbc"},
    {A::pta, "pta"},
    {A::factor_v, "factor_v"},
    {A::arterial_ph, "arterial_ph"},
    {A::citrate, "citrate"},
}};
}  // namespace

std::string_view analyte_name(Analyte a) {
  for (const auto& [analyte, name] : kNames) {
    if (analyte == a) return name;
  }
  return "unknown";
}

std::optional<Analyte> analyte_from_name(std::string_view name) {
  for (const auto& [analyte, n] : kNames) {
    if (n == name) return analyte;
  }
  return std::nullopt;
}

}  // namespace lb::units
