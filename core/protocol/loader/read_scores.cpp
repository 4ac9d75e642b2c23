// scores: the choices where the sources of a score disagree (LiverBridge clinical reference),
// each a named word; absent keys keep the reference's defaults.
#include "protocol/loader/sections.hpp"

namespace lb::protocol::detail {

using yaml::MapReader;
using yaml::Need;

namespace {

template <class E>
void read_choice(MapReader& r, const std::string& key,
                 const std::vector<std::pair<std::string, E>>& words, E& out) {
  if (auto v = r.choice<E>(key, Need::optional, words)) out = *v;
}

}  // namespace

void read_scores(MapReader& top, scores::ScoreSettings& out) {
  auto r = top.child("scores", Need::optional);
  if (!r.valid()) return;
  read_choice(r, "meld_na_formula", scores::meld_na_formula_words(), out.meld_na_formula);
  read_choice(r, "meld_3_cap", scores::meld_3_cap_words(), out.meld_3_cap);
  read_choice(r, "child_pugh_albumin_band", scores::child_pugh_albumin_band_words(),
              out.child_pugh_albumin_band);
  read_choice(r, "clif_c_of_liver", scores::clif_c_of_liver_words(), out.clif_c_of_liver);
  read_choice(r, "kcc_age", scores::kcc_age_words(), out.kcc_age);
  read_choice(r, "kcc_bilirubin", scores::kcc_bilirubin_words(), out.kcc_bilirubin);
  read_choice(r, "clichy_age", scores::clichy_age_words(), out.clichy_age);
  read_choice(r, "china_stage_basis", scores::china_stage_basis_words(), out.china_stage_basis);
  r.finish();
}

}  // namespace lb::protocol::detail
