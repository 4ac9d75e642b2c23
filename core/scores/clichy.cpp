#include "scores/clichy.hpp"

#include "scores/detail.hpp"

namespace lb::scores {

ClichyState clichy_state(const ScoreInputs& in, ClichyAgeBoundary boundary) {
  ClichyState s;
  if (in.he_grade) s.encephalopathy = *in.he_grade >= 3;
  if (in.age) {
    const bool older = boundary == ClichyAgeBoundary::at_least_30
                           ? units::at_least(*in.age, units::years(30))
                           : units::above(*in.age, units::years(30));
    s.threshold_pct = older ? 30.0 : 20.0;
    if (in.factor_v) s.factor_v = units::below(*in.factor_v, units::percent(*s.threshold_pct));
  }
  if (s.encephalopathy.value_or(false) && s.factor_v.value_or(false)) {
    s.met = true;
  } else if ((s.encephalopathy && !*s.encephalopathy) || (s.factor_v && !*s.factor_v)) {
    s.met = false;
  }
  return s;
}

ScoreResult clichy(const ScoreInputs& in, ClichyAgeBoundary boundary) {
  const bool at_least = boundary == ClichyAgeBoundary::at_least_30;
  ScoreResult r = detail::start(
      "clichy", "Clichy criteria",
      std::string("Clichy criteria (Bernuau 1986); factor V < 30 % from age ") +
          (at_least ? "30 (>= 30)" : "over 30 (> 30)"),
      "Bernuau J et al., Hepatology 1986;6(4):648-51; LiverBridge clinical reference §15");
  const ClichyState s = clichy_state(in, boundary);
  const auto& he = s.encephalopathy;
  const auto& fv = s.factor_v;
  r.components.push_back({"encephalopathy grade 3-4",
                          he ? "grade " + std::to_string(*in.he_grade) : "not given",
                          he ? std::optional<double>(*he ? 1.0 : 0.0) : std::nullopt});
  const std::string fv_name = s.threshold_pct ? "factor V < " + detail::num(*s.threshold_pct) +
                                                    " % (age " + detail::years_text(*in.age) + ")"
                                              : "factor V < 20 % (age < 30) or < 30 % (older)";
  std::string fv_input = "not given";
  if (fv) {
    fv_input = detail::num(units::in_percent(*in.factor_v)) + " %";
  } else if (in.factor_v) {
    fv_input = detail::num(units::in_percent(*in.factor_v)) + " %; the threshold needs the age";
  }
  r.components.push_back(
      {fv_name, fv_input, fv ? std::optional<double>(*fv ? 1.0 : 0.0) : std::nullopt});
  r.met = s.met;
  if (!s.met) {
    if (!he) r.missing.emplace_back("clinical.hepatic_encephalopathy_grade");
    if (!in.factor_v) r.missing.emplace_back("labs.factor_v");
    if (!in.age) r.missing.emplace_back("age");
  }
  r.notes.emplace_back(
      "encephalopathy grade 3-4 required: unverified default, review locally (later tables "
      "require only the presence of encephalopathy)");
  if (in.diagnosis && *in.diagnosis != patient::Diagnosis::alf &&
      *in.diagnosis != patient::Diagnosis::subacute_lf) {
    r.notes.emplace_back("the criteria are defined for acute liver failure");
  }
  return r;
}

}  // namespace lb::scores
