#include "scores/score_set.hpp"

#include "scores/aarc.hpp"
#include "scores/child_pugh.hpp"
#include "scores/china_stage.hpp"
#include "scores/clichy.hpp"
#include "scores/clif_c.hpp"
#include "scores/kings_college.hpp"
#include "scores/meld.hpp"
#include "scores/ukeld.hpp"

namespace lb::scores {

ScoreSet compute_scores(const ScoreInputs& in, const ScoreSettings& s) {
  ScoreSet set;
  set.results.push_back(meld(in));
  set.results.push_back(meld_na(in, s.meld_na_formula));
  set.results.push_back(meld_3(in, s.meld_3_cap));
  set.results.push_back(ukeld(in));
  set.results.push_back(child_pugh(in, s.child_pugh_albumin_band));
  set.results.push_back(kings_college(in, s.kcc_age, s.kcc_bilirubin));
  set.results.push_back(clichy(in, s.clichy_age));
  auto of = clif_c_of(in, s.clif_c_of_liver);
  set.results.push_back(clif_c_aclf(in, of));
  set.results.insert(set.results.end() - 1, std::move(of));
  set.results.push_back(clif_c_ad(in));
  set.results.push_back(aarc(in));
  set.results.push_back(china_lf_stage(in, s.china_stage_basis));
  return set;
}

ScoreSet compute_scores(const patient::Patient& patient, const ScoreSettings& settings) {
  return compute_scores(score_inputs(patient), settings);
}

}  // namespace lb::scores
