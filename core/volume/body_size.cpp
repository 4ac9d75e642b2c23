// Body-size measures (LiverBridge clinical reference §2.3, §1.2).
#include "volume/body_size.hpp"

#include <stdexcept>
#include <string>
#include <vector>

#include "text/format.hpp"
#include "units/compare.hpp"
#include "volume/detail.hpp"
#include "volume/kernels.hpp"

namespace lb::volume {

namespace {

/// How an IBW line is named and printed; its coefficients are kernel::ibw_line's.
struct NamedLine {
  const char* name;  ///< "Devine 1974"
  kernel::IbwLine coefficients;
  int base_decimals;   ///< as published: 50.0, 52, 56.2
  int slope_decimals;  ///< as published: 2.3, 1.9, 1.41
};

NamedLine ibw_line(protocol::IbwMethod method, model::Sex sex) {
  const kernel::IbwLine coefficients = kernel::ibw_line(method, sex);
  switch (method) {
    case protocol::IbwMethod::devine: return {"Devine 1974", coefficients, 1, 1};
    case protocol::IbwMethod::robinson: return {"Robinson 1983", coefficients, 0, 1};
    case protocol::IbwMethod::miller: return {"Miller 1983", coefficients, 1, 2};
  }
  throw std::invalid_argument("unknown ideal body weight method");
}

constexpr const char* kIbwSource =
    "Devine BJ. Drug Intell Clin Pharm 1974;8:650-5; Robinson JD et al. Am J Hosp Pharm "
    "1983;40(6):1016-9; Miller DR et al. Am J Hosp Pharm 1983;40(10):1622-5; "
    "LiverBridge clinical reference §1.2";

}  // namespace

explain::Derived<units::BodyMassIndex> body_mass_index(units::Length height, units::Mass weight) {
  detail::require_height(height);
  detail::require_weight(weight);
  // BMI = W / H² (kg, m) — the definition used by Lemmens–Bernstein–Brodsky (LiverBridge clinical
  // reference §2.3).
  const units::BodyMassIndex bmi = kernel::body_mass_index(height, weight);

  explain::Derivation how;
  how.id = "bmi";
  how.label = "Body mass index";
  how.shown = {units::in_kg_per_m2(bmi), "kg/m²", 1};
  how.method = "Quetelet index";
  how.formula = "BMI = W ÷ H²  (W in kg, H in m)";
  how.inputs = {
      explain::quantity_input("height", units::in_meters(height), "m",
                              detail::height_m_decimals(height)),
      explain::quantity_input("weight", units::in_kilograms(weight), "kg",
                              detail::weight_decimals(weight)),
  };
  how.source =
      "WHO Technical Report Series 894, 2000 (body mass index); "
      "LiverBridge clinical reference §1.1";
  return {bmi, std::move(how)};
}

explain::Derived<units::Mass> ideal_body_weight(protocol::IbwMethod method, model::Sex sex,
                                                units::Length height,
                                                protocol::ShortStaturePolicy below_60_inches) {
  detail::require_height(height);
  const NamedLine line = ibw_line(method, sex);
  const units::Length five_feet = kernel::kIbwLineStart;
  const units::Mass base = line.coefficients.base;

  // IBW = base + slope × (H − 60 in), with H − 60 in counted in inches (LiverBridge clinical
  // reference §1.2).
  const units::Mass on_line = kernel::ibw_on_line(line.coefficients, height);
  units::Mass ibw = kernel::ideal_body_weight(line.coefficients, height, below_60_inches);
  std::vector<std::string> warnings;
  if (units::below(height, five_feet)) {
    const std::string why = "Height " + detail::cm(height) + " is below 60 in (152.4 cm), where " +
                            line.name + " starts";
    if (below_60_inches == protocol::ShortStaturePolicy::floor_at_base) {
      warnings.push_back(why + "; ideal body weight floored at the base weight of " +
                         detail::kg(base) + " (the line would give " + detail::kg(on_line) + ")");
    } else {
      warnings.push_back(why + "; the line was extrapolated below its base of " + detail::kg(base) +
                         " to " + detail::kg(on_line) + " (not validated below 5 ft)");
    }
  }
  // A line extrapolated to 0 kg or below gives no ideal body weight. That is not a reason to
  // refuse the plan: most exchange rules never use IBW. Report it as not computed (value 0 kg,
  // which any rule that needs IBW refuses) and let the rule decide.
  const bool computed = units::in_kilograms(ibw) > 0.0;
  if (!computed) {
    ibw = units::kilograms(0);
    warnings.push_back("ideal body weight not computed: " + std::string(line.name) +
                       " gives no positive weight at " + detail::cm(height) + " (the line gives " +
                       detail::kg(on_line) + ")");
  }

  const bool male = sex == model::Sex::male;
  explain::Derivation how;
  how.id = "ideal_body_weight";
  how.label = "Ideal body weight";
  how.shown = {units::in_kilograms(ibw), "kg", 1};
  how.method =
      std::string(computed ? "" : "not computed: ") + line.name + ", " + (male ? "male" : "female");
  how.formula = "IBW = " + text::fixed(units::in_kilograms(base), line.base_decimals) + " + " +
                text::fixed(units::in_kilograms(line.coefficients.per_inch), line.slope_decimals) +
                " × (H − 60)  (H in inches, IBW in kg)";
  if (computed && ibw != on_line)
    how.formula += ", floored at " + detail::kg(base) + " below 60 in";
  how.inputs = {
      explain::text_input("sex", male ? "male" : "female"),
      explain::quantity_input("height", units::in_centimeters(height), "cm", 1),
      explain::quantity_input("H (height in inches)", units::in_inches(height), "in", 2),
  };
  how.source = kIbwSource;
  how.warnings = std::move(warnings);
  return {ibw, std::move(how)};
}

}  // namespace lb::volume
