// The choices where the sources disagree on a score (LiverBridge clinical reference), as
// named settings. Defaults are the reference's bold choices; a protocol may
// change them in its optional `scores:` section (protocols/README.md).
// Lives with the protocol (inputs tier): the protocol owns the settings, the
// score engines read them.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lb::scores {

/// §10 / a protocol choice: the OPTN 2016 allocation formula (1.32/0.033, Na 125–137, only
/// when MELD > 11, on the rounded MELD) or the other formula in circulation
/// (MELD − Na − 0.025·MELD·(140 − Na) + 140, Na 125–140, on the unrounded MELD,
/// as some calculators implement it).
enum class MeldNaFormula { optn_2016, biggins_140 };
/// §11 / a protocol choice: MELD 3.0 capped at 40 (allocation) or uncapped (authors).
enum class Meld3Cap { cap_40, none };
/// §13 / a protocol choice: Child-Pugh albumin middle band 2.8–3.5 g/dL (CCJM, most
/// calculators) or 3.0–3.5 g/dL (Harrison's).
enum class ChildPughAlbuminBand { ccjm_2_8, harrison_3_0 };
/// §16 / a protocol choice: CLIF-C OF liver: bilirubin > 12 mg/dL scores 3 (Gut tables,
/// Jalan 2014) or ≥ 12 mg/dL scores 3 (other tables).
enum class ClifLiverBoundary { above_12, at_least_12 };
/// §14 / a protocol choice: KCC non-paracetamol age criterion < 10 or > 40 years, or < 11 or > 40.
enum class KccAge { under_10_or_over_40, under_11_or_over_40 };
/// §14 / a protocol choice: KCC non-paracetamol bilirubin > 300 µmol/L or > 17.5 mg/dL.
enum class KccBilirubin { above_300_umol_l, above_17_5_mg_dl };
/// §15 / a protocol choice: Clichy factor V threshold 30 % from age 30 (≥ 30) or above 30 (> 30).
enum class ClichyAgeBoundary { at_least_30, above_30 };
/// §20: Chinese liver-failure stage from prothrombin activity or from INR.
enum class ChinaStageBasis { pta, inr };

struct ScoreSettings {
  MeldNaFormula meld_na_formula = MeldNaFormula::optn_2016;
  Meld3Cap meld_3_cap = Meld3Cap::cap_40;
  ChildPughAlbuminBand child_pugh_albumin_band = ChildPughAlbuminBand::ccjm_2_8;
  ClifLiverBoundary clif_c_of_liver = ClifLiverBoundary::above_12;
  KccAge kcc_age = KccAge::under_10_or_over_40;
  KccBilirubin kcc_bilirubin = KccBilirubin::above_300_umol_l;
  ClichyAgeBoundary clichy_age = ClichyAgeBoundary::at_least_30;
  ChinaStageBasis china_stage_basis = ChinaStageBasis::pta;

  bool operator==(const ScoreSettings&) const = default;
};

// The words a protocol file uses for each choice (first = default).
const std::vector<std::pair<std::string, MeldNaFormula>>& meld_na_formula_words();
const std::vector<std::pair<std::string, Meld3Cap>>& meld_3_cap_words();
const std::vector<std::pair<std::string, ChildPughAlbuminBand>>& child_pugh_albumin_band_words();
const std::vector<std::pair<std::string, ClifLiverBoundary>>& clif_c_of_liver_words();
const std::vector<std::pair<std::string, KccAge>>& kcc_age_words();
const std::vector<std::pair<std::string, KccBilirubin>>& kcc_bilirubin_words();
const std::vector<std::pair<std::string, ClichyAgeBoundary>>& clichy_age_words();
const std::vector<std::pair<std::string, ChinaStageBasis>>& china_stage_basis_words();

std::string_view to_string(MeldNaFormula v);
std::string_view to_string(Meld3Cap v);
std::string_view to_string(ChildPughAlbuminBand v);
std::string_view to_string(ClifLiverBoundary v);
std::string_view to_string(KccAge v);
std::string_view to_string(KccBilirubin v);
std::string_view to_string(ClichyAgeBoundary v);
std::string_view to_string(ChinaStageBasis v);

}  // namespace lb::scores
