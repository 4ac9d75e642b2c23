// Shared helpers for the bridge tests: the bundled rule set, observations at a time and tag,
// and a rule's result in a view by id.
#pragma once

#include <doctest/doctest.h>

#include <string>

#include "bridge/observation.hpp"
#include "bridge/rule_loader.hpp"
#include "bridge/view.hpp"
#include "records/timestamp.hpp"

namespace lb::testing {

inline const bridge::RuleSet& bundled_rules() {
  static const bridge::RuleSet set = [] {
    auto load = bridge::load_rule_set(std::string(LB_SOURCE_DIR) + "/rules/bridge-rules.yaml");
    for (const auto& d : load.diagnostics.items()) INFO(diag::format(d));
    REQUIRE(load.rules.has_value());
    return *load.rules;
  }();
  return set;
}

inline const bridge::Rule& rule(const std::string& id) {
  const auto* r = bundled_rules().find(id);
  REQUIRE_MESSAGE(r != nullptr, id);
  return *r;
}

/// 2026-11-20T00:00:00Z plus `hours`.
inline bridge::Epoch at_hours(double hours) {
  return records::parse_timestamp("2026-11-20T00:00Z").value->epoch_seconds +
         static_cast<bridge::Epoch>(hours * 3600.0);
}

/// A plain-number observation (scores, INR, grades).
inline bridge::Observation number(const std::string& input, double value, double hours,
                                  bridge::Tag tag = bridge::Tag::before_exchange) {
  bridge::Observation o;
  o.input = input;
  o.value = units::AnyQuantity::of(units::Fraction::from_value(value));
  o.text = std::to_string(value);
  o.at = at_hours(hours);
  o.tag = tag;
  o.source = "test";
  return o;
}

/// A lab in µmol/L (bilirubin, creatinine, ammonia).
inline bridge::Observation umol(const std::string& input, double value, double hours,
                                bridge::Tag tag) {
  bridge::Observation o = number(input, 0, hours, tag);
  o.value = units::AnyQuantity::of(units::AmountConcentration::from_value(value * 1e-3));
  o.analyte = units::analyte_from_name(input);
  o.text = std::to_string(static_cast<int>(value)) + " µmol/L";
  return o;
}

inline const bridge::RuleResult& row(const bridge::Block& b, const std::string& id) {
  for (const auto& r : b.rows) {
    if (r.rule->id == id) return r;
  }
  FAIL("no row " << id);
  return b.rows.front();
}

inline bool has_reason(const bridge::RuleResult& r, const std::string& part) {
  for (const auto& reason : r.reasons) {
    if (reason.find(part) != std::string::npos) return true;
  }
  return false;
}

}  // namespace lb::testing
