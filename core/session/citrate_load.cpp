#include "session/citrate_load.hpp"

#include "session/acd.hpp"
#include "text/format.hpp"

namespace lb::session {

units::Flow ac_flow(units::Flow whole_blood, units::VolumeRatio ratio) {
  return whole_blood / (ratio - units::volume_ratio(1.0));
}

units::DoseRate citrate_infusion_rate(const CitrateFlows& f) {
  using MassFlow = decltype(units::Flow{} * units::MassConcentration{});
  MassFlow citrate = f.ac * f.ac_citrate * f.ac_returned;
  if (f.ffp_citrate) citrate = citrate + f.ffp * *f.ffp_citrate;
  return citrate / f.weight;
}

units::AmountConcentration citrate_amount(units::MassConcentration as_citric_acid) {
  return as_citric_acid / citric_acid_molar_mass();
}

std::string ffp_citrate_not_counted(units::Volume ffp) {
  return "the protocol gives no citrate content for FFP ('ffp_citrate'); the citrate rate "
         "counts the AC only and understates the load from " +
         text::grouped(units::in_milliliters(ffp), 0) + " mL of FFP";
}

units::Volume calcium_gluconate_10_volume(units::Mass salt) {
  return units::milliliters(units::in_grams(salt) * kCalciumGluconate10MlPerGram);
}

}  // namespace lb::session
