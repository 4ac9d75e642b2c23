#include "protocol/eligibility_rules.hpp"

#include <algorithm>
#include <array>

#include "protocol/names.hpp"

namespace lb::eligibility {

std::string_view to_string(RuleKind k) { return protocol::names::kRuleKind.name(k); }

std::string_view to_string(Severity s) { return protocol::names::kRuleSeverity.name(s); }

std::string_view to_string(Op op) { return protocol::names::kOp.name(op); }

namespace {

constexpr std::array<std::string_view, 3> kChildPugh = {"A", "B", "C"};
constexpr std::array<std::string_view, 3> kAarcGrades = {"I", "II", "III"};
constexpr std::array<std::string_view, 4> kChinaStages = {"none", "early", "middle", "late"};
// EASL-CLIF grades (LiverBridge clinical reference §16, §21); 1a/1b and 3a/3b as the APACHE trial
// splits them.
constexpr std::array<std::string_view, 6> kAclfGrades = {"no ACLF", "ACLF-1a", "ACLF-1b",
                                                         "ACLF-2",  "ACLF-3a", "ACLF-3b"};
constexpr std::span<const std::string_view> kNone{};

// Possible values: the scores' own ranges (LiverBridge clinical reference §9); bounds outside
// them can never be met and are refused as impossible.
// clang-format off
const std::array kScores = {
    ScoreSpec{"meld", "MELD", true, 6, 40, false, kNone},
    ScoreSpec{"meld_na", "MELD-Na", true, 6, 40, false, kNone},
    ScoreSpec{"meld_3", "MELD 3.0", true, 6, 80, false, kNone},  // uncapped (meld_3_cap: none) exceeds 40
    ScoreSpec{"ukeld", "UKELD", true, 0, 100, false, kNone},
    ScoreSpec{"child_pugh", "Child-Pugh", true, 5, 15, false, kChildPugh},
    ScoreSpec{"kings_college", "King's College criteria", false, 0, 0, true, kNone},
    ScoreSpec{"clichy", "Clichy criteria", false, 0, 0, true, kNone},
    ScoreSpec{"clif_c_of", "CLIF-C OF", true, 6, 18, false, kAclfGrades},
    ScoreSpec{"clif_c_aclf", "CLIF-C ACLF", true, 0, 100, false, kNone},
    ScoreSpec{"clif_c_ad", "CLIF-C AD", true, 0, 100, false, kNone},
    ScoreSpec{"aarc", "AARC score", true, 5, 15, false, kAarcGrades},
    ScoreSpec{"china_lf_stage", "Chinese liver-failure stage", false, 0, 0, false, kChinaStages},
};
// clang-format on

}  // namespace

std::span<const ScoreSpec> score_registry() { return kScores; }

const ScoreSpec* find_score(std::string_view key) {
  const auto* it = std::find_if(kScores.begin(), kScores.end(),
                                [key](const ScoreSpec& s) { return s.key == key; });
  return it == kScores.end() ? nullptr : &*it;
}

}  // namespace lb::eligibility
