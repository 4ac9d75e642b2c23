// Distinct types for the ids that cross the records API and the plan
// pipeline: a patient pseudonym, a stored plan, a recorded session and an
// eligibility rule. Each is its own type, so a session id cannot be passed
// where a plan id is expected, nor a rule id where a patient is meant; a
// value is made explicitly from its string (or database number) and read
// back with .str() (or .raw(), the database number).
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <type_traits>
#include <utility>

namespace lb::model {

/// A strong typedef: `Tag` tells the ids apart, `Rep` is what is stored.
template <class Tag, class Rep = std::string>
class Id {
 public:
  Id() = default;
  explicit Id(Rep value) : value_(std::move(value)) {}

  [[nodiscard]] const Rep& raw() const { return value_; }
  /// The id as text: itself for a string id, the decimal number for a database id.
  [[nodiscard]] std::string str() const {
    if constexpr (std::is_same_v<Rep, std::string>) {
      return value_;
    } else {
      return std::to_string(value_);
    }
  }
  [[nodiscard]] bool empty() const {
    if constexpr (std::is_same_v<Rep, std::string>) {
      return value_.empty();
    } else {
      return value_ == Rep{};
    }
  }

  friend bool operator==(const Id&, const Id&) = default;
  friend auto operator<=>(const Id&, const Id&) = default;

 private:
  Rep value_{};
};

/// A patient's pseudonym in the records ("LB-ALF-0001"), as in the patient file's `id:`.
using PatientId = Id<struct PatientIdTag>;
/// An eligibility rule of a protocol ("severe_sepsis").
using RuleId = Id<struct RuleIdTag>;
/// A stored plan (its row in the records database).
using PlanId = Id<struct PlanIdTag, std::int64_t>;
/// A recorded session (its row in the records database).
using SessionId = Id<struct SessionIdTag, std::int64_t>;

}  // namespace lb::model
