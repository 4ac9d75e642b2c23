// The one list of laboratory analytes: the patient file's `labs:` keys, the
// analytes a session record accepts, the solutes the kinetics engine
// predicts and the species the molar-mass conversions know all name their
// analyte with this enum, so a lab is spelled one way everywhere.
#pragma once

#include <optional>
#include <string_view>

namespace lb::units {

enum class Analyte {
  bilirubin,
  creatinine,
  ammonia,
  lactate,
  ionized_calcium,
  total_calcium,
  glucose,
  phosphate,
  inr,
  sodium,
  potassium,
  bicarbonate,
  albumin,
  fibrinogen,
  igg,
  platelets,
  wbc,
  pta,
  factor_v,
  arterial_ph,
  citrate,  ///< not a patient lab: the anticoagulant's concentration (dose calculations)
};

/// The key as written in files ("ionized_calcium"): the patient file's `labs:` key,
/// the session record's lab name and the protocol's solute name.
std::string_view analyte_name(Analyte a);
/// The analyte with this key, or nullopt.
std::optional<Analyte> analyte_from_name(std::string_view name);

}  // namespace lb::units
