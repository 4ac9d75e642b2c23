#include "scores/aarc.hpp"

#include "scores/detail.hpp"

namespace lb::scores {

namespace {

/// 1 below `low`, 3 above `high`, else 2 (both edges belong to the middle band).
template <class Q>
int band(Q v, Q low, Q high) {
  if (units::below(v, low)) return 1;
  if (units::above(v, high)) return 3;
  return 2;
}

}  // namespace

std::optional<AarcPoints> aarc_points(const ScoreInputs& in) {
  if (!in.bilirubin || !in.he_grade || !in.inr || !in.lactate || !in.creatinine) {
    return std::nullopt;
  }
  AarcPoints p;
  p.bilirubin = band(in.bilirubin->mass(), units::mg_per_dl(15), units::mg_per_dl(25));
  const int he = *in.he_grade;
  p.encephalopathy = he == 0 ? 1 : he <= 2 ? 2 : 3;
  p.inr = band(*in.inr, units::fraction(1.8), units::fraction(2.5));
  p.lactate = band(in.lactate->amount(), units::mmol_per_l(1.5), units::mmol_per_l(2.5));
  p.creatinine = band(in.creatinine->mass(), units::mg_per_dl(0.7), units::mg_per_dl(1.5));
  return p;
}

std::string_view aarc_grade(int total) { return total <= 7 ? "I" : total <= 10 ? "II" : "III"; }

ScoreResult aarc(const ScoreInputs& in) {
  ScoreResult r = detail::start(
      "aarc", "AARC score", "AARC score (Choudhury 2017) and grade",
      "Choudhury A et al., Hepatol Int 2017;11(5):461-71; LiverBridge clinical reference §19");
  const auto points = aarc_points(in);
  if (!points) {
    if (!in.bilirubin) r.missing.emplace_back("labs.bilirubin");
    if (!in.he_grade) r.missing.emplace_back("clinical.hepatic_encephalopathy_grade");
    if (!in.inr) r.missing.emplace_back("labs.inr");
    if (!in.lactate) r.missing.emplace_back("labs.lactate");
    if (!in.creatinine) r.missing.emplace_back("labs.creatinine");
    return r;
  }

  using detail::num;
  r.components.push_back({"bilirubin",
                          detail::mg_dl_text(*in.bilirubin) + " (< 15: 1, 15-25: 2, > 25 mg/dL: 3)",
                          points->bilirubin});
  r.components.push_back(
      {"hepatic encephalopathy",
       "West Haven grade " + std::to_string(*in.he_grade) + " (0: 1, 1-2: 2, 3-4: 3)",
       points->encephalopathy});
  r.components.push_back(
      {"INR", num(units::in_fraction(*in.inr)) + " (< 1.8: 1, 1.8-2.5: 2, > 2.5: 3)", points->inr});
  r.components.push_back(
      {"lactate", detail::mmol_l_text(*in.lactate) + " (< 1.5: 1, 1.5-2.5: 2, > 2.5 mmol/L: 3)",
       points->lactate});
  r.components.push_back(
      {"creatinine", detail::mg_dl_text(*in.creatinine) + " (< 0.7: 1, 0.7-1.5: 2, > 1.5 mg/dL: 3)",
       points->creatinine});
  const int total = points->total();
  r.value = total;
  r.category = aarc_grade(total);
  return r;
}

}  // namespace lb::scores
