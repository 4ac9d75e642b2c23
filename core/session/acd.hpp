// Acid-citrate-dextrose solutions: USP composition per litre and the total
// citrate they contain, expressed as anhydrous citric acid (LiverBridge clinical reference §5).
#pragma once

#include "protocol/session_settings.hpp"
#include "units/quantities.hpp"

namespace lb::session {

/// Grams per litre of the citrate-bearing ingredients (USP, LiverBridge clinical reference §5).
struct AcdComposition {
  units::MassConcentration citric_acid_anhydrous;
  units::MassConcentration sodium_citrate_dihydrate;
};

/// ACD-A: 7.3 g + 22.0 g per litre; ACD-B: 4.4 g + 13.2 g per litre.
AcdComposition acd_composition(protocol::AcdSolution s);

/// Molar masses used to convert between the two salts (named conversions).
units::MolarMass citric_acid_molar_mass();               ///< C6H8O7, 192.12 g/mol
units::MolarMass sodium_citrate_dihydrate_molar_mass();  ///< Na3C6H5O7·2H2O, 294.10 g/mol

/// Total citrate of a solution as anhydrous citric acid: ACD-A 112.8 mmol/L ≈ 21.7 g/L (V21).
units::MassConcentration citrate_as_citric_acid(const AcdComposition& c);

}  // namespace lb::session
