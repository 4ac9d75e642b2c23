#include "scores/ukeld.hpp"

#include <cmath>

#include "scores/detail.hpp"

namespace lb::scores {

ScoreResult ukeld(const ScoreInputs& in) {
  ScoreResult r = detail::start(
      "ukeld", "UKELD", "UKELD (NHSBT)",
      "clinical.md \u00a75.9: formula [from memory] reproducing R transplantr ukeld() test and "
      "transplantbenefit issue #1");
  if (!in.inr) r.missing.emplace_back("labs.inr");
  if (!in.creatinine) r.missing.emplace_back("labs.creatinine");
  if (!in.bilirubin) r.missing.emplace_back("labs.bilirubin");
  if (!in.sodium) r.missing.emplace_back("labs.sodium");
  if (!r.missing.empty()) return r;

  using detail::num;
  const double inr = units::in_fraction(*in.inr);  // plausibility: INR >= 0.5
  const double cr = units::in_umol_per_l(in.creatinine->amount());
  const double na = units::in_mmol_per_l(*in.sodium);  // plausibility: >= 90 mmol/L
  double bili = detail::bilirubin_umol_l(*in.bilirubin);
  // The only input the patient file allows at 0; the logarithm needs it positive.
  if (units::below(in.bilirubin->amount(), units::umol_per_l(1))) {
    r.bounds_applied.push_back("bilirubin raised to 1 \u00b5mol/L to take its logarithm (from " +
                               num(bili) + ")");
    bili = 1.0;
  }
  const double t_inr = 5.395 * std::log(inr);
  const double t_cr = 1.485 * std::log(cr);
  const double t_bili = 3.13 * std::log(bili);
  const double t_na = -81.565 * std::log(na);
  r.components.push_back({"INR", num(inr) + "; 5.395 \u00d7 ln(INR)", t_inr});
  r.components.push_back(
      {"creatinine", detail::umol_l_text(*in.creatinine) + "; 1.485 \u00d7 ln(Cr \u00b5mol/L)",
       t_cr});
  r.components.push_back(
      {"bilirubin", detail::umol_l_text(*in.bilirubin) + "; 3.13 \u00d7 ln(bili \u00b5mol/L)",
       t_bili});
  r.components.push_back({"sodium", num(na) + " mmol/L; -81.565 \u00d7 ln(Na)", t_na});
  r.components.push_back({"constant", "435", 435.0});
  r.raw = t_inr + t_cr + t_bili + t_na + 435.0;
  r.value = round_half_up(*r.raw);
  return r;
}

}  // namespace lb::scores
