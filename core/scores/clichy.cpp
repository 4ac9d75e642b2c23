#include "scores/clichy.hpp"

#include "scores/detail.hpp"

namespace lb::scores {

ScoreResult clichy(const ScoreInputs& in, ClichyAgeBoundary boundary) {
  const bool at_least = boundary == ClichyAgeBoundary::at_least_30;
  ScoreResult r = detail::start(
      "clichy", "Clichy criteria",
      std::string("Clichy criteria (Bernuau 1986); factor V < 30 % from age ") +
          (at_least ? "30 (>= 30)" : "over 30 (> 30)"),
      "Bernuau J et al., Hepatology 1986; WJT 2025 Table 2; Wikipedia 'Clichy criteria' "
      "(clinical.md \u00a75.6)");
  if (!in.age) {
    r.missing.emplace_back("age");
    return r;
  }
  const bool older = at_least ? units::at_least(*in.age, units::years(30))
                              : units::above(*in.age, units::years(30));
  const double threshold = older ? 30.0 : 20.0;
  std::optional<bool> he;
  if (in.he_grade) he = *in.he_grade >= 3;
  std::optional<bool> fv;
  if (in.factor_v) fv = units::below(*in.factor_v, units::percent(threshold));

  r.components.push_back({"encephalopathy grade 3-4",
                          he ? "grade " + std::to_string(*in.he_grade) : "not given",
                          he ? std::optional<double>(*he ? 1.0 : 0.0) : std::nullopt});
  r.components.push_back(
      {"factor V < " + detail::num(threshold) + " % (age " + detail::years_text(*in.age) + ")",
       fv ? detail::num(units::in_percent(*in.factor_v)) + " %" : "not given",
       fv ? std::optional<double>(*fv ? 1.0 : 0.0) : std::nullopt});
  if (he.value_or(false) && fv.value_or(false)) {
    r.met = true;
  } else if ((he && !*he) || (fv && !*fv)) {
    r.met = false;
  } else {
    if (!he) r.missing.emplace_back("clinical.hepatic_encephalopathy_grade");
    if (!fv) r.missing.emplace_back("labs.factor_v");
  }
  r.notes.emplace_back(
      "encephalopathy grade 3-4 [from memory; WJT Table 2 says only 'presence of HE']");
  if (in.diagnosis && *in.diagnosis != patient::Diagnosis::alf &&
      *in.diagnosis != patient::Diagnosis::subacute_lf) {
    r.notes.emplace_back("the criteria are defined for acute liver failure");
  }
  return r;
}

}  // namespace lb::scores
