#include "protocol/score_settings.hpp"

namespace lb::scores {

namespace {
template <class E>
std::string_view word_for(const std::vector<std::pair<std::string, E>>& words, E v) {
  for (const auto& [word, value] : words) {
    if (value == v) return word;
  }
  return "?";
}
}  // namespace

const std::vector<std::pair<std::string, MeldNaFormula>>& meld_na_formula_words() {
  static const std::vector<std::pair<std::string, MeldNaFormula>> k = {
      {"optn_2016", MeldNaFormula::optn_2016}, {"biggins_140", MeldNaFormula::biggins_140}};
  return k;
}
const std::vector<std::pair<std::string, Meld3Cap>>& meld_3_cap_words() {
  static const std::vector<std::pair<std::string, Meld3Cap>> k = {{"40", Meld3Cap::cap_40},
                                                                  {"none", Meld3Cap::none}};
  return k;
}
const std::vector<std::pair<std::string, ChildPughAlbuminBand>>& child_pugh_albumin_band_words() {
  static const std::vector<std::pair<std::string, ChildPughAlbuminBand>> k = {
      {"ccjm_2_8", ChildPughAlbuminBand::ccjm_2_8},
      {"harrison_3_0", ChildPughAlbuminBand::harrison_3_0}};
  return k;
}
const std::vector<std::pair<std::string, ClifLiverBoundary>>& clif_c_of_liver_words() {
  static const std::vector<std::pair<std::string, ClifLiverBoundary>> k = {
      {"above_12", ClifLiverBoundary::above_12}, {"at_least_12", ClifLiverBoundary::at_least_12}};
  return k;
}
const std::vector<std::pair<std::string, KccAge>>& kcc_age_words() {
  static const std::vector<std::pair<std::string, KccAge>> k = {
      {"under_10_or_over_40", KccAge::under_10_or_over_40},
      {"under_11_or_over_40", KccAge::under_11_or_over_40}};
  return k;
}
const std::vector<std::pair<std::string, KccBilirubin>>& kcc_bilirubin_words() {
  static const std::vector<std::pair<std::string, KccBilirubin>> k = {
      {"above_300_umol_l", KccBilirubin::above_300_umol_l},
      {"above_17_5_mg_dl", KccBilirubin::above_17_5_mg_dl}};
  return k;
}
const std::vector<std::pair<std::string, ClichyAgeBoundary>>& clichy_age_words() {
  static const std::vector<std::pair<std::string, ClichyAgeBoundary>> k = {
      {"at_least_30", ClichyAgeBoundary::at_least_30}, {"above_30", ClichyAgeBoundary::above_30}};
  return k;
}
const std::vector<std::pair<std::string, ChinaStageBasis>>& china_stage_basis_words() {
  static const std::vector<std::pair<std::string, ChinaStageBasis>> k = {
      {"pta", ChinaStageBasis::pta}, {"inr", ChinaStageBasis::inr}};
  return k;
}

std::string_view to_string(MeldNaFormula v) { return word_for(meld_na_formula_words(), v); }
std::string_view to_string(Meld3Cap v) { return word_for(meld_3_cap_words(), v); }
std::string_view to_string(ChildPughAlbuminBand v) {
  return word_for(child_pugh_albumin_band_words(), v);
}
std::string_view to_string(ClifLiverBoundary v) { return word_for(clif_c_of_liver_words(), v); }
std::string_view to_string(KccAge v) { return word_for(kcc_age_words(), v); }
std::string_view to_string(KccBilirubin v) { return word_for(kcc_bilirubin_words(), v); }
std::string_view to_string(ClichyAgeBoundary v) { return word_for(clichy_age_words(), v); }
std::string_view to_string(ChinaStageBasis v) { return word_for(china_stage_basis_words(), v); }

}  // namespace lb::scores
