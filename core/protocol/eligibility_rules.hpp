// Eligibility rules as a protocol states them (schema: protocols/README.md,
// "eligibility"): indications and contraindications, each with a severity, a
// message, a source and a condition. A condition is a small declarative tree,
// not an expression language: leaves compare one patient field or one score
// with a bound; `all`, `any` and `not` combine them. Rules are validated when
// the protocol is read; every leaf already knows its field and the SI value of
// its bounds.
// Lives with the protocol (inputs tier) because the protocol reader builds
// and validates these rules; the eligibility engine evaluates them.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/ids.hpp"
#include "patient/eligibility_fields.hpp"
#include "units/any_quantity.hpp"
#include "units/dimension.hpp"

namespace lb::eligibility {

enum class RuleKind { indication, contraindication };
/// absolute: decides alone; relative: needs a recorded override reason;
/// caution: proceed, but the plan says so.
enum class Severity { absolute, relative, caution };

enum class Op {
  below,        ///< value <  bound
  at_most,      ///< value <= bound
  above,        ///< value >  bound
  at_least,     ///< value >= bound
  between,      ///< lo <= value <= hi
  in,           ///< word is one of the listed words
  is,           ///< boolean equals
  met,          ///< score criterion (King's College, Clichy) met / not met
  category_in,  ///< score category (class, grade, stage) is one of the listed
};

std::string_view to_string(RuleKind k);
std::string_view to_string(Severity s);
std::string_view to_string(Op op);

struct Condition {
  enum class Node { field, score, all, any, negate };
  Node node = Node::field;
  const FieldSpec* field = nullptr;  ///< Node::field
  std::string score;                 ///< Node::score: the ScoreResult key ("aarc")
  Op op = Op::at_least;
  /// Numeric bounds (lo; hi for between) in the dimension they were written in
  /// (for labs: mass or amount concentration; plain numbers: fraction).
  units::AnyQuantity lo, hi;
  units::Dimension dimension = units::Dimension::fraction;
  std::string unit;  ///< the unit as written ("10^9/L"), "" for plain numbers
  /// One of `unit` (calcium's mEq/L: 0.5 mmol/L), to show patient values in the rule's unit.
  units::AnyQuantity unit_size = units::AnyQuantity::of(units::fraction(1));
  std::vector<std::string> words;   ///< in / category_in
  bool flag = false;                ///< is / met
  std::vector<Condition> children;  ///< all / any / not (one child)
  std::string text;                 ///< the leaf as a clinician reads it: "≤ 20 10^9/L"
};

struct Rule {
  model::RuleId id;
  RuleKind kind = RuleKind::contraindication;
  Severity severity = Severity::absolute;
  Condition when;
  std::string message;
  std::string source;  ///< a source id of the protocol
};

/// ASFA 2023 lookup settings of a protocol: the procedure it performs and,
/// optionally, the ASFA indication (otherwise derived from the diagnosis).
struct AsfaSettings {
  std::string procedure = "tpe";  ///< "tpe" or "tpe_hv"
  std::string indication;         ///< "" = from the patient's diagnosis
};

struct Settings {
  std::vector<Rule> rules;
  AsfaSettings asfa;
};

/// Scores a rule may name, and what each supports.
struct ScoreSpec {
  std::string_view key;                          ///< "aarc"
  std::string_view name;                         ///< "AARC score"
  bool has_value = true;                         ///< numeric comparisons allowed
  double min = 0.0, max = 0.0;                   ///< possible values (bounds outside: error)
  bool has_met = false;                          ///< met: true/false allowed
  std::span<const std::string_view> categories;  ///< category_in allowed when non-empty
};
std::span<const ScoreSpec> score_registry();
const ScoreSpec* find_score(std::string_view key);

}  // namespace lb::eligibility
