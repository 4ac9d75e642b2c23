// Total blood volume estimators (LiverBridge clinical reference §2.1, §2.6, §2.4, §2.3, §2.2).
#include "volume/blood_volume.hpp"

#include <boost/units/cmath.hpp>
#include <stdexcept>
#include <string>

#include "units/compare.hpp"
#include "volume/detail.hpp"
#include "volume/kernels.hpp"

namespace lb::volume {

namespace {

constexpr const char* kNadlerSource =
    "Nadler SB, Hidalgo JH, Bloch T. Prediction of blood volume in normal human adults. "
    "Surgery 1962;51(2):224-32; LiverBridge clinical reference §2.1";
constexpr const char* kWeightBasedSource =
    "Lemmens HJ, Bernstein DP, Brodsky JB. Obes Surg 2006;16(6):773-6 (70 mL/kg at BMI 22); "
    "LiverBridge clinical reference §2.2";
constexpr const char* kLemmensSource =
    "Lemmens HJ, Bernstein DP, Brodsky JB. Estimating blood volume in obese and morbidly obese "
    "patients. Obes Surg 2006;16(6):773-6; LiverBridge clinical reference §2.3";
constexpr const char* kGilcherSource =
    "Gilcher RO, McCombs JS. Blood volume and red cell mass measurements. In: Hematology in "
    "Clinical Practice, 4th ed., 2005, pp. 595-605 (mL/kg table: unverified default, review "
    "locally); LiverBridge clinical reference §2.4";

/// WHO obesity threshold (BMI ≥ 30 kg/m²): weight-driven blood-volume rules
/// were derived in non-obese adults; Lemmens–Bernstein–Brodsky addresses
/// obesity (LiverBridge clinical reference §2.3).
constexpr units::BodyMassIndex kObeseBmi = units::kg_per_m2(30);

const char* sex_name(model::Sex sex) { return sex == model::Sex::male ? "male" : "female"; }

/// BMI = W / H² (LiverBridge clinical reference §2.3).
units::BodyMassIndex bmi_of(units::Length height, units::Mass weight) {
  return kernel::body_mass_index(height, weight);
}

/// A published coefficient exactly as written ("0.3669", "0.03219").
std::string coefficient(double v) { return text::fixed(v, detail::decimals_for(v, 0, 6)); }

std::string obesity_warning(units::BodyMassIndex bmi, const std::string& why) {
  return "BMI " + detail::kg_m2(bmi) + " is at least 30 kg/m² (obese): " + why +
         "; consider Lemmens–Bernstein–Brodsky (blood volume indexed to BMI)";
}

explain::Derivation tbv_derivation(units::Volume tbv) {
  explain::Derivation how;
  how.id = "total_blood_volume";
  how.label = "Total blood volume";
  how.shown = {units::in_milliliters(tbv), "mL", 0};
  return how;
}

}  // namespace

explain::Derived<units::Volume> nadler_blood_volume(model::Sex sex, units::Length height,
                                                    units::Mass weight, units::Mass min_weight) {
  detail::require_height(height);
  detail::require_weight(weight);
  // Nadler 1962 (LiverBridge clinical reference §2.1), defined with H in metres, W in kilograms,
  // TBV in litres.
  const kernel::NadlerCoefficients k = kernel::nadler_coefficients(sex);
  const double h = units::in_meters(height);
  const double w = units::in_kilograms(weight);
  const units::Volume tbv = kernel::nadler(sex, height, weight);

  explain::Derivation how = tbv_derivation(tbv);
  how.method = std::string("Nadler 1962, ") + sex_name(sex);
  how.formula = "TBV = " + coefficient(k.a) + " × H³ + " + coefficient(k.b) + " × W + " +
                coefficient(k.c) + "  (H in m, W in kg, TBV in L)";
  how.inputs = {
      explain::text_input("sex", sex_name(sex)),
      explain::quantity_input("H (height)", h, "m", detail::height_m_decimals(height)),
      explain::quantity_input("W (weight)", w, "kg", detail::weight_decimals(weight)),
  };
  how.source = kNadlerSource;
  if (units::below(weight, min_weight)) {
    how.warnings.push_back("Weight " + detail::kg(weight) + " is below " + detail::kg(min_weight) +
                           ", the protocol's minimum weight for Nadler 1962 (derived in "
                           "adults): not applicable");
  }
  const units::BodyMassIndex bmi = bmi_of(height, weight);
  if (units::at_least(bmi, kObeseBmi))
    how.warnings.push_back(obesity_warning(
        bmi,
        "Nadler 1962 was derived in normal adults and may overestimate blood volume in obesity"));
  return {tbv, std::move(how)};
}

explain::Derived<units::Volume> weight_based_blood_volume(units::Mass weight,
                                                          units::VolumePerMass per_kg,
                                                          std::optional<units::BodyMassIndex> bmi) {
  detail::require_weight(weight);
  detail::require_positive(units::in_ml_per_kg(per_kg), "blood volume per kg");
  // TBV = W × mL/kg (LiverBridge clinical reference §2.6; default 70 mL/kg, §10.2).
  const units::Volume tbv = weight * per_kg;

  const std::string rate = detail::ml_per_kg(per_kg);
  explain::Derivation how = tbv_derivation(tbv);
  how.method = "Weight-based, " + rate;
  how.formula = "TBV = W × " + rate;
  how.inputs = {
      explain::quantity_input("W (weight)", units::in_kilograms(weight), "kg",
                              detail::weight_decimals(weight)),
      explain::quantity_input("blood volume per kg", units::in_ml_per_kg(per_kg), "mL/kg",
                              detail::decimals_for(units::in_ml_per_kg(per_kg), 0, 3)),
  };
  how.source = kWeightBasedSource;
  if (bmi && units::at_least(*bmi, kObeseBmi)) {
    how.inputs.push_back(
        explain::quantity_input("BMI", units::in_kg_per_m2(*bmi), "kg/m²", 1, "bmi"));
    how.warnings.push_back(
        obesity_warning(*bmi, "weight-based rules overestimate blood volume in obesity"));
  }
  return {tbv, std::move(how)};
}

explain::Derived<units::Volume> lemmens_blood_volume(units::Length height, units::Mass weight,
                                                     units::VolumePerMass reference,
                                                     units::BodyMassIndex reference_bmi) {
  detail::require_height(height);
  detail::require_weight(weight);
  detail::require_positive(units::in_ml_per_kg(reference), "Lemmens reference volume per kg");
  detail::require_positive(units::in_kg_per_m2(reference_bmi), "Lemmens reference BMI");
  // Lemmens–Bernstein–Brodsky 2006 (LiverBridge clinical reference §2.3):
  //   BMI = W / H²;  TBV = W × 70 mL/kg ÷ √(BMI / 22)   ( = 70 × √22 × H × √W mL)
  const units::BodyMassIndex bmi = bmi_of(height, weight);
  const units::VolumePerMass indexed = kernel::lemmens_indexed_rate(bmi, reference, reference_bmi);
  const units::Volume tbv = weight * indexed;

  const std::string ref_rate = detail::ml_per_kg(reference);
  const double ref_bmi = units::in_kg_per_m2(reference_bmi);
  const std::string ref_bmi_text = text::fixed(ref_bmi, detail::decimals_for(ref_bmi, 0, 2));
  explain::Derivation how = tbv_derivation(tbv);
  how.method = "Lemmens–Bernstein–Brodsky 2006";
  how.formula =
      "TBV = W × " + ref_rate + " ÷ √(BMI ÷ " + ref_bmi_text + ")  (W in kg, BMI in kg/m²)";
  how.inputs = {
      explain::quantity_input("W (weight)", units::in_kilograms(weight), "kg",
                              detail::weight_decimals(weight)),
      explain::quantity_input("height", units::in_meters(height), "m",
                              detail::height_m_decimals(height)),
      explain::quantity_input("BMI", units::in_kg_per_m2(bmi), "kg/m²", 1, "bmi"),
      explain::quantity_input("reference blood volume per kg", units::in_ml_per_kg(reference),
                              "mL/kg", detail::decimals_for(units::in_ml_per_kg(reference), 0, 3)),
      explain::quantity_input("reference BMI", ref_bmi, "kg/m²",
                              detail::decimals_for(ref_bmi, 0, 2)),
      explain::quantity_input("indexed blood volume", units::in_ml_per_kg(indexed), "mL/kg", 1),
  };
  how.source = kLemmensSource;
  return {tbv, std::move(how)};
}

explain::Derived<units::Volume> gilcher_blood_volume(model::Sex sex, model::Build build,
                                                     units::Mass weight,
                                                     const protocol::GilcherTable& table) {
  detail::require_weight(weight);
  const units::VolumePerMass per_kg = kernel::gilcher_rate(table, sex, build);
  detail::require_positive(units::in_ml_per_kg(per_kg), "Gilcher volume per kg");
  // Gilcher's rule of five (LiverBridge clinical reference §2.4): TBV = W × mL/kg for sex and
  // build.
  const units::Volume tbv = weight * per_kg;

  const std::string build_name(model::to_string(build));
  const std::string rate = detail::ml_per_kg(per_kg);
  explain::Derivation how = tbv_derivation(tbv);
  how.method = std::string("Gilcher rule of five, ") + sex_name(sex) + ", " + build_name + " build";
  how.formula = "TBV = W × " + rate;
  how.inputs = {
      explain::text_input("sex", sex_name(sex)),
      explain::text_input("build", build_name),
      explain::quantity_input("W (weight)", units::in_kilograms(weight), "kg",
                              detail::weight_decimals(weight)),
      explain::quantity_input("blood volume per kg", units::in_ml_per_kg(per_kg), "mL/kg",
                              detail::decimals_for(units::in_ml_per_kg(per_kg), 0, 3)),
  };
  how.source = kGilcherSource;
  how.warnings.push_back("Gilcher's mL/kg table (" + rate + " for a " + sex_name(sex) + " of " +
                         build_name +
                         " build) is an unverified default: review locally; "
                         "check with a clinician before use");
  return {tbv, std::move(how)};
}

explain::Derived<units::Volume> blood_volume(const protocol::BloodVolumeSettings& settings,
                                             model::Sex sex, units::Length height,
                                             units::Mass weight,
                                             std::optional<model::Build> build) {
  detail::require_height(height);
  detail::require_weight(weight);
  const units::BodyMassIndex bmi = bmi_of(height, weight);
  const units::VolumePerMass weight_rate = kernel::weight_based_rate(settings, sex);

  // The protocol's obesity switch replaces whatever method it names (protocol.hpp).
  if (settings.obese_switch_bmi && units::at_least(bmi, *settings.obese_switch_bmi)) {
    auto out = lemmens_blood_volume(height, weight, settings.lemmens_reference,
                                    settings.lemmens_reference_bmi);
    out.how.method += " (protocol switch at BMI ≥ " + detail::kg_m2(*settings.obese_switch_bmi) +
                      "; BMI " + detail::kg_m2(bmi) + ")";
    return out;
  }

  switch (settings.method) {
    case protocol::BloodVolumeMethod::nadler: {
      if (units::below(weight, settings.nadler_min_weight)) {
        // Below the Nadler minimum the weight-based rule applies (LiverBridge clinical reference
        // §2.1).
        auto out = weight_based_blood_volume(weight, weight_rate, bmi);
        out.how.method +=
            " (Nadler 1962 not applicable below " + detail::kg(settings.nadler_min_weight) + ")";
        out.how.warnings.insert(
            out.how.warnings.begin(),
            "Weight " + detail::kg(weight) + " is below " + detail::kg(settings.nadler_min_weight) +
                ", the protocol's minimum weight for Nadler 1962; the weight-based rule (" +
                detail::ml_per_kg(weight_rate) + ") was used instead");
        return out;
      }
      return nadler_blood_volume(sex, height, weight, settings.nadler_min_weight);
    }
    case protocol::BloodVolumeMethod::weight_based:
      return weight_based_blood_volume(weight, weight_rate, bmi);
    case protocol::BloodVolumeMethod::lemmens:
      return lemmens_blood_volume(height, weight, settings.lemmens_reference,
                                  settings.lemmens_reference_bmi);
    case protocol::BloodVolumeMethod::gilcher:
      if (!build) {
        throw std::invalid_argument(
            "Gilcher's rule of five needs the patient's build (obese, thin, normal, muscular)");
      }
      return gilcher_blood_volume(sex, *build, weight, settings.gilcher);
  }
  throw std::invalid_argument("unknown blood volume method");
}

}  // namespace lb::volume
