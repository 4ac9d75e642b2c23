#include "session/acd.hpp"

namespace lb::session {

AcdComposition acd_composition(protocol::AcdSolution s) {
  switch (s) {
    case protocol::AcdSolution::acd_a: return {units::g_per_l(7.3), units::g_per_l(22.0)};
    case protocol::AcdSolution::acd_b: return {units::g_per_l(4.4), units::g_per_l(13.2)};
  }
  return {units::g_per_l(7.3), units::g_per_l(22.0)};
}

units::MolarMass citric_acid_molar_mass() { return units::g_per_mol(192.12); }
units::MolarMass sodium_citrate_dihydrate_molar_mass() { return units::g_per_mol(294.10); }

units::MassConcentration citrate_as_citric_acid(const AcdComposition& c) {
  // One citrate ion per molecule of either salt: add the moles, weigh them as citric acid.
  const units::AmountConcentration moles =
      c.citric_acid_anhydrous / citric_acid_molar_mass() +
      c.sodium_citrate_dihydrate / sodium_citrate_dihydrate_molar_mass();
  return moles * citric_acid_molar_mass();
}

}  // namespace lb::session
