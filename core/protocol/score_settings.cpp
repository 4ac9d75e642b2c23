#include "protocol/score_settings.hpp"

#include "text/enum_names.hpp"

namespace lb::scores {

namespace {

// One table per setting, as protocol YAML spells it: to_string and the reader's words.
constexpr auto kMeldNaFormulaNames = text::enum_names<MeldNaFormula>({
    {MeldNaFormula::optn_2016, "optn_2016"},
    {MeldNaFormula::biggins_140, "biggins_140"},
});
static_assert(kMeldNaFormulaNames.unique());
constexpr auto kMeld3CapNames = text::enum_names<Meld3Cap>({
    {Meld3Cap::cap_40, "40"},
    {Meld3Cap::none, "none"},
});
static_assert(kMeld3CapNames.unique());
constexpr auto kChildPughAlbuminBandNames = text::enum_names<ChildPughAlbuminBand>({
    {ChildPughAlbuminBand::ccjm_2_8, "ccjm_2_8"},
    {ChildPughAlbuminBand::harrison_3_0, "harrison_3_0"},
});
static_assert(kChildPughAlbuminBandNames.unique());
constexpr auto kClifLiverBoundaryNames = text::enum_names<ClifLiverBoundary>({
    {ClifLiverBoundary::above_12, "above_12"},
    {ClifLiverBoundary::at_least_12, "at_least_12"},
});
static_assert(kClifLiverBoundaryNames.unique());
constexpr auto kKccAgeNames = text::enum_names<KccAge>({
    {KccAge::under_10_or_over_40, "under_10_or_over_40"},
    {KccAge::under_11_or_over_40, "under_11_or_over_40"},
});
static_assert(kKccAgeNames.unique());
constexpr auto kKccBilirubinNames = text::enum_names<KccBilirubin>({
    {KccBilirubin::above_300_umol_l, "above_300_umol_l"},
    {KccBilirubin::above_17_5_mg_dl, "above_17_5_mg_dl"},
});
static_assert(kKccBilirubinNames.unique());
constexpr auto kClichyAgeBoundaryNames = text::enum_names<ClichyAgeBoundary>({
    {ClichyAgeBoundary::at_least_30, "at_least_30"},
    {ClichyAgeBoundary::above_30, "above_30"},
});
static_assert(kClichyAgeBoundaryNames.unique());
constexpr auto kChinaStageBasisNames = text::enum_names<ChinaStageBasis>({
    {ChinaStageBasis::pta, "pta"},
    {ChinaStageBasis::inr, "inr"},
});
static_assert(kChinaStageBasisNames.unique());

}  // namespace

const std::vector<std::pair<std::string, MeldNaFormula>>& meld_na_formula_words() {
  static const auto k = kMeldNaFormulaNames.options();
  return k;
}
const std::vector<std::pair<std::string, Meld3Cap>>& meld_3_cap_words() {
  static const auto k = kMeld3CapNames.options();
  return k;
}
const std::vector<std::pair<std::string, ChildPughAlbuminBand>>& child_pugh_albumin_band_words() {
  static const auto k = kChildPughAlbuminBandNames.options();
  return k;
}
const std::vector<std::pair<std::string, ClifLiverBoundary>>& clif_c_of_liver_words() {
  static const auto k = kClifLiverBoundaryNames.options();
  return k;
}
const std::vector<std::pair<std::string, KccAge>>& kcc_age_words() {
  static const auto k = kKccAgeNames.options();
  return k;
}
const std::vector<std::pair<std::string, KccBilirubin>>& kcc_bilirubin_words() {
  static const auto k = kKccBilirubinNames.options();
  return k;
}
const std::vector<std::pair<std::string, ClichyAgeBoundary>>& clichy_age_words() {
  static const auto k = kClichyAgeBoundaryNames.options();
  return k;
}
const std::vector<std::pair<std::string, ChinaStageBasis>>& china_stage_basis_words() {
  static const auto k = kChinaStageBasisNames.options();
  return k;
}

std::string_view to_string(MeldNaFormula v) { return kMeldNaFormulaNames.name(v); }
std::string_view to_string(Meld3Cap v) { return kMeld3CapNames.name(v); }
std::string_view to_string(ChildPughAlbuminBand v) { return kChildPughAlbuminBandNames.name(v); }
std::string_view to_string(ClifLiverBoundary v) { return kClifLiverBoundaryNames.name(v); }
std::string_view to_string(KccAge v) { return kKccAgeNames.name(v); }
std::string_view to_string(KccBilirubin v) { return kKccBilirubinNames.name(v); }
std::string_view to_string(ClichyAgeBoundary v) { return kClichyAgeBoundaryNames.name(v); }
std::string_view to_string(ChinaStageBasis v) { return kChinaStageBasisNames.name(v); }

}  // namespace lb::scores
