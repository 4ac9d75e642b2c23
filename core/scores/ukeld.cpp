#include "scores/ukeld.hpp"

#include <cmath>

#include "scores/detail.hpp"

namespace lb::scores {

namespace {

struct UkeldTerms {
  double bilirubin_used = 0.0;  ///< µmol/L, after the floor below
  bool bilirubin_raised = false;
  double inr = 0.0, creatinine = 0.0, bilirubin = 0.0, sodium = 0.0;  ///< the four terms
  [[nodiscard]] double raw() const { return inr + creatinine + bilirubin + sodium + 435.0; }
};

std::optional<UkeldTerms> terms(const ScoreInputs& in) {
  if (!in.inr || !in.creatinine || !in.bilirubin || !in.sodium) return std::nullopt;
  UkeldTerms t;
  t.bilirubin_used = detail::bilirubin_umol_l(*in.bilirubin);
  // The only input the patient file allows at 0; the logarithm needs it positive.
  if (units::below(in.bilirubin->amount(), units::umol_per_l(1))) {
    t.bilirubin_used = 1.0;
    t.bilirubin_raised = true;
  }
  t.inr = 5.395 * std::log(units::in_fraction(*in.inr));  // plausibility: INR >= 0.5
  t.creatinine = 1.485 * std::log(units::in_umol_per_l(in.creatinine->amount()));
  t.bilirubin = 3.13 * std::log(t.bilirubin_used);
  t.sodium = -81.565 * std::log(units::in_mmol_per_l(*in.sodium));  // plausibility: >= 90
  return t;
}

}  // namespace

std::optional<double> ukeld_raw(const ScoreInputs& in) {
  const auto t = terms(in);
  if (!t) return std::nullopt;
  return t->raw();
}

ScoreResult ukeld(const ScoreInputs& in) {
  ScoreResult r = detail::start(
      "ukeld", "UKELD", "UKELD (NHSBT)",
      "Barber K et al., Transplantation 2011;92(4):469-76; LiverBridge clinical reference §12");
  const auto t = terms(in);
  if (!t) {
    if (!in.inr) r.missing.emplace_back("labs.inr");
    if (!in.creatinine) r.missing.emplace_back("labs.creatinine");
    if (!in.bilirubin) r.missing.emplace_back("labs.bilirubin");
    if (!in.sodium) r.missing.emplace_back("labs.sodium");
    return r;
  }

  using detail::num;
  if (t->bilirubin_raised) {
    r.bounds_applied.push_back("bilirubin raised to 1 \u00b5mol/L to take its logarithm (from " +
                               num(detail::bilirubin_umol_l(*in.bilirubin)) + ")");
  }
  r.components.push_back(
      {"INR", num(units::in_fraction(*in.inr)) + "; 5.395 \u00d7 ln(INR)", t->inr});
  r.components.push_back({"creatinine",
                          detail::umol_l_text(*in.creatinine) + "; 1.485 \u00d7 ln(Cr \u00b5mol/L)",
                          t->creatinine});
  r.components.push_back({"bilirubin",
                          detail::umol_l_text(*in.bilirubin) + "; 3.13 \u00d7 ln(bili \u00b5mol/L)",
                          t->bilirubin});
  r.components.push_back({"sodium",
                          num(units::in_mmol_per_l(*in.sodium)) + " mmol/L; -81.565 \u00d7 ln(Na)",
                          t->sodium});
  r.components.push_back({"constant", "435", 435.0});
  r.raw = t->raw();
  r.value = round_half_up(*r.raw);
  return r;
}

}  // namespace lb::scores
