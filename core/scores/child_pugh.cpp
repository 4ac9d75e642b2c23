#include "scores/child_pugh.hpp"

#include "scores/detail.hpp"

namespace lb::scores {

ScoreResult child_pugh(const ScoreInputs& in, ChildPughAlbuminBand band) {
  const bool ccjm = band == ChildPughAlbuminBand::ccjm_2_8;
  ScoreResult r = detail::start(
      "child_pugh", "Child-Pugh",
      std::string("Child-Pugh (Pugh 1973), albumin middle band ") +
          (ccjm ? "2.8-3.5 g/dL (CCJM)" : "3.0-3.5 g/dL (Harrison's)"),
      "Pugh RNH et al., Br J Surg 1973;60(8):646-9; bands: CCJM Table 1, PMC3017746, Harrison's "
      "(clinical.md \u00a75.4)");
  if (!in.bilirubin) r.missing.emplace_back("labs.bilirubin");
  if (!in.albumin) r.missing.emplace_back("labs.albumin");
  if (!in.inr) r.missing.emplace_back("labs.inr");
  if (!in.ascites) r.missing.emplace_back("clinical.ascites");
  if (!in.he_grade) r.missing.emplace_back("clinical.hepatic_encephalopathy_grade");
  if (!r.missing.empty()) return r;

  using detail::num;
  using units::above;
  using units::below;
  const auto bili = in.bilirubin->mass();
  const int p_bili = below(bili, units::mg_per_dl(2)) ? 1 : above(bili, units::mg_per_dl(3)) ? 3 : 2;
  const auto alb = *in.albumin;
  const double lower = ccjm ? 2.8 : 3.0;
  const int p_alb =
      above(alb, units::g_per_dl(3.5)) ? 1 : below(alb, units::g_per_dl(lower)) ? 3 : 2;
  const auto inr = *in.inr;
  const int p_inr = below(inr, units::fraction(1.7)) ? 1 : above(inr, units::fraction(2.3)) ? 3 : 2;
  const int p_asc = *in.ascites == patient::Ascites::none   ? 1
                    : *in.ascites == patient::Ascites::mild ? 2
                                                            : 3;
  const int he = *in.he_grade;
  const int p_he = he == 0 ? 1 : he <= 2 ? 2 : 3;

  r.components.push_back({"bilirubin", detail::mg_dl_text(*in.bilirubin) +
                                           " (< 2: 1, 2-3: 2, > 3 mg/dL: 3)",
                          p_bili});
  r.components.push_back({"albumin", num(units::in_g_per_dl(alb)) + " g/dL (> 3.5: 1, " +
                                         num(lower) + (ccjm ? "" : ".0") + "-3.5: 2, < " +
                                         num(lower) + (ccjm ? "" : ".0") + " g/dL: 3)",
                          p_alb});
  r.components.push_back(
      {"INR", num(units::in_fraction(inr)) + " (< 1.7: 1, 1.7-2.3: 2, > 2.3: 3)", p_inr});
  r.components.push_back({"ascites", std::string(patient::to_string(*in.ascites)), p_asc});
  r.components.push_back(
      {"hepatic encephalopathy", "West Haven grade " + std::to_string(he) + " (0: 1, 1-2: 2, 3-4: 3)",
       p_he});
  const int total = p_bili + p_alb + p_inr + p_asc + p_he;
  r.value = total;
  r.category = total <= 6 ? "A" : total <= 9 ? "B" : "C";
  return r;
}

}  // namespace lb::scores
