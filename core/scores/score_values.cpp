#include "scores/score_values.hpp"

#include "scores/aarc.hpp"
#include "scores/child_pugh.hpp"
#include "scores/china_stage.hpp"
#include "scores/clichy.hpp"
#include "scores/clif_c.hpp"
#include "scores/kings_college.hpp"
#include "scores/meld.hpp"
#include "scores/ukeld.hpp"

namespace lb::scores {

namespace {

constexpr std::array<std::string_view, kScoreCount> kNames = {
    "meld",   "meld_na",   "meld_3",      "ukeld",     "child_pugh", "kings_college",
    "clichy", "clif_c_of", "clif_c_aclf", "clif_c_ad", "aarc",       "china_lf_stage"};

ScoreValue numbers(const MeldNumbers& n) { return {n.value, std::nullopt, {}}; }

}  // namespace

std::string_view to_string(ScoreKey k) { return kNames[static_cast<std::size_t>(k)]; }

std::optional<ScoreKey> score_key(std::string_view name) {
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == name) return static_cast<ScoreKey>(i);
  }
  return std::nullopt;
}

ScoreValues score_values(const ScoreInputs& in, const ScoreSettings& s) {
  ScoreValues v;
  v[ScoreKey::meld] = numbers(meld_numbers(in));
  v[ScoreKey::meld_na] = numbers(meld_na_numbers(in, s.meld_na_formula));
  v[ScoreKey::meld_3] = numbers(meld_3_numbers(in, s.meld_3_cap));
  if (const auto raw = ukeld_raw(in)) v[ScoreKey::ukeld].value = round_half_up(*raw);
  if (const auto p = child_pugh_points(in, s.child_pugh_albumin_band)) {
    v[ScoreKey::child_pugh] = {p->total(), std::nullopt, child_pugh_class(p->total())};
  }
  if (const auto k = kings_college_state(in, s.kcc_age, s.kcc_bilirubin)) {
    v[ScoreKey::kings_college].met = k->met;
  }
  v[ScoreKey::clichy].met = clichy_state(in, s.clichy_age).met;
  const ClifOf of = clif_c_of_core(in, s.clif_c_of_liver);
  if (of.total) v[ScoreKey::clif_c_of] = {*of.total, std::nullopt, of.aclf_grade};
  if (const auto raw = clif_c_aclf_raw(in, of.total)) {
    v[ScoreKey::clif_c_aclf].value = round_half_up(*raw, 2);
  }
  if (const auto raw = clif_c_ad_raw(in)) v[ScoreKey::clif_c_ad].value = round_half_up(*raw, 2);
  if (const auto p = aarc_points(in)) {
    v[ScoreKey::aarc] = {p->total(), std::nullopt, aarc_grade(p->total())};
  }
  if (const auto stage = china_stage(in, s.china_stage_basis)) {
    v[ScoreKey::china_lf_stage] = {*stage, std::nullopt, china_stage_name(*stage)};
  }
  return v;
}

ScoreValues score_values(const ScoreSet& set) {
  ScoreValues v;
  for (const auto& r : set.results) {
    if (const auto k = score_key(r.key)) v[*k] = {r.value, r.met, r.category};
  }
  return v;
}

}  // namespace lb::scores
