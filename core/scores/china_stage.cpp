#include "scores/china_stage.hpp"

#include "scores/detail.hpp"

namespace lb::scores {

namespace {

int stage_from_pta(units::Fraction pta) {
  if (units::above(pta, units::percent(40))) return 0;
  if (units::above(pta, units::percent(30))) return 1;
  if (units::above(pta, units::percent(20))) return 2;
  return 3;
}

int stage_from_inr(units::Fraction inr) {
  if (units::below(inr, units::fraction(1.5))) return 0;
  if (units::below(inr, units::fraction(1.9))) return 1;
  if (units::below(inr, units::fraction(2.6))) return 2;
  return 3;
}

constexpr const char* kStages[] = {"none", "early", "middle", "late"};

}  // namespace

std::optional<int> china_stage(const ScoreInputs& in, ChinaStageBasis basis) {
  if (basis == ChinaStageBasis::pta) {
    if (!in.pta) return std::nullopt;
    return stage_from_pta(*in.pta);
  }
  if (!in.inr) return std::nullopt;
  return stage_from_inr(*in.inr);
}

std::string_view china_stage_name(int stage) { return kStages[stage]; }

ScoreResult china_lf_stage(const ScoreInputs& in, ChinaStageBasis basis) {
  const bool by_pta = basis == ChinaStageBasis::pta;
  ScoreResult r = detail::start(
      "china_lf_stage", "Chinese liver-failure stage",
      std::string("Chinese liver-failure guideline stage (2012/2018/2024), by ") +
          (by_pta ? "PTA" : "INR"),
      "Chinese Society of Infectious Diseases and Chinese Society of Hepatology, Guideline for "
      "diagnosis and treatment of liver failure (2018 edition), Chin J Hepatol 2019;27(1):18-26; "
      "stage thresholds: unverified default, review locally; LiverBridge clinical reference §20");
  std::optional<int> from_pta;
  std::optional<int> from_inr;
  if (in.pta) from_pta = stage_from_pta(*in.pta);
  if (in.inr) from_inr = stage_from_inr(*in.inr);
  r.components.push_back(
      {"PTA",
       in.pta ? detail::num(units::in_percent(*in.pta)) + " %: " + kStages[*from_pta] +
                    " (early <= 40 and > 30 %, middle <= 30 and > 20 %, late <= 20 %)"
              : "not given",
       from_pta ? std::optional<double>(*from_pta) : std::nullopt});
  r.components.push_back({"INR",
                          in.inr ? detail::num(units::in_fraction(*in.inr)) + ": " +
                                       kStages[*from_inr] +
                                       " (early 1.5-< 1.9, middle 1.9-< 2.6, late >= 2.6)"
                                 : "not given",
                          from_inr ? std::optional<double>(*from_inr) : std::nullopt});
  const auto& used = by_pta ? from_pta : from_inr;
  if (!used) {
    r.missing.emplace_back(by_pta ? "labs.pta" : "labs.inr");
    return r;
  }
  r.value = *used;
  r.category = kStages[*used];
  if (from_pta && from_inr && *from_pta != *from_inr) {
    r.notes.push_back(std::string("PTA and INR give different stages (") + kStages[*from_pta] +
                      " by PTA, " + kStages[*from_inr] + " by INR); the protocol uses " +
                      (by_pta ? "PTA" : "INR"));
  }
  r.notes.emplace_back(
      "coagulation criterion only; the guideline's clinical features of each stage "
      "(complications, encephalopathy) are not assessed");
  return r;
}

}  // namespace lb::scores
