#include "scores/child_pugh.hpp"

#include "scores/detail.hpp"

namespace lb::scores {

namespace {

/// The lower edge of the albumin middle band (g/dL), per the chosen source.
double albumin_lower(ChildPughAlbuminBand band) {
  return band == ChildPughAlbuminBand::ccjm_2_8 ? 2.8 : 3.0;
}

}  // namespace

std::optional<ChildPughPoints> child_pugh_points(const ScoreInputs& in, ChildPughAlbuminBand band) {
  if (!in.bilirubin || !in.albumin || !in.inr || !in.ascites || !in.he_grade) return std::nullopt;
  using units::above;
  using units::below;
  ChildPughPoints p;
  const auto bili = in.bilirubin->mass();
  p.bilirubin = below(bili, units::mg_per_dl(2)) ? 1 : above(bili, units::mg_per_dl(3)) ? 3 : 2;
  const auto alb = *in.albumin;
  p.albumin = above(alb, units::g_per_dl(3.5))                   ? 1
              : below(alb, units::g_per_dl(albumin_lower(band))) ? 3
                                                                 : 2;
  const auto inr = *in.inr;
  p.inr = below(inr, units::fraction(1.7)) ? 1 : above(inr, units::fraction(2.3)) ? 3 : 2;
  p.ascites = *in.ascites == patient::Ascites::none   ? 1
              : *in.ascites == patient::Ascites::mild ? 2
                                                      : 3;
  const int he = *in.he_grade;
  p.encephalopathy = he == 0 ? 1 : he <= 2 ? 2 : 3;
  return p;
}

std::string_view child_pugh_class(int total) { return total <= 6 ? "A" : total <= 9 ? "B" : "C"; }

ScoreResult child_pugh(const ScoreInputs& in, ChildPughAlbuminBand band) {
  const bool ccjm = band == ChildPughAlbuminBand::ccjm_2_8;
  ScoreResult r = detail::start(
      "child_pugh", "Child-Pugh",
      std::string("Child-Pugh (Pugh 1973), albumin middle band ") +
          (ccjm ? "2.8-3.5 g/dL (CCJM)" : "3.0-3.5 g/dL (Harrison's)"),
      "Pugh RNH et al., Br J Surg 1973;60(8):646-9; LiverBridge clinical reference §13");
  const auto points = child_pugh_points(in, band);
  if (!points) {
    if (!in.bilirubin) r.missing.emplace_back("labs.bilirubin");
    if (!in.albumin) r.missing.emplace_back("labs.albumin");
    if (!in.inr) r.missing.emplace_back("labs.inr");
    if (!in.ascites) r.missing.emplace_back("clinical.ascites");
    if (!in.he_grade) r.missing.emplace_back("clinical.hepatic_encephalopathy_grade");
    return r;
  }

  using detail::num;
  const std::string lower = ccjm ? "2.8" : "3.0";
  r.components.push_back({"bilirubin",
                          detail::mg_dl_text(*in.bilirubin) + " (< 2: 1, 2-3: 2, > 3 mg/dL: 3)",
                          points->bilirubin});
  r.components.push_back({"albumin",
                          num(units::in_g_per_dl(*in.albumin)) + " g/dL (> 3.5: 1, " + lower +
                              "-3.5: 2, < " + lower + " g/dL: 3)",
                          points->albumin});
  r.components.push_back(
      {"INR", num(units::in_fraction(*in.inr)) + " (< 1.7: 1, 1.7-2.3: 2, > 2.3: 3)", points->inr});
  r.components.push_back(
      {"ascites", std::string(patient::to_string(*in.ascites)), points->ascites});
  r.components.push_back(
      {"hepatic encephalopathy",
       "West Haven grade " + std::to_string(*in.he_grade) + " (0: 1, 1-2: 2, 3-4: 3)",
       points->encephalopathy});
  const int total = points->total();
  r.value = total;
  r.category = child_pugh_class(total);
  return r;
}

}  // namespace lb::scores
