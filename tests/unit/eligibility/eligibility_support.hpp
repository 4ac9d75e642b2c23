// Helpers for the eligibility tests: patients from YAML snippets, bundled
// protocols, and hand-built score sets.
#pragma once

#include <doctest/doctest.h>

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "eligibility/eligibility.hpp"
#include "patient/patient_loader.hpp"
#include "protocol/protocol_loader.hpp"
#include "scores/score_result.hpp"

namespace lb::testing {

/// A patient with the given labs/clinical YAML lines (each indented by two spaces).
inline patient::Patient patient_with(const std::string& labs, const std::string& clinical = "",
                                     const std::string& diagnosis = "aclf") {
  std::string text =
      "id: T-1\nsex: male\nage: 50 years\nheight: 175 cm\nweight: 70 kg\nhematocrit: 30 %\n"
      "diagnosis: " +
      diagnosis + "\n";
  if (!labs.empty()) text += "labs:\n" + labs;
  if (!clinical.empty()) text += "clinical:\n" + clinical;
  auto load = patient::parse_patient(text, "test.yaml");
  std::string all;
  for (const auto& d : load.diagnostics.items()) all += diag::format(d) + "\n";
  INFO(all);
  REQUIRE(load.patient.has_value());
  return *load.patient;
}

inline protocol::Protocol bundled(const std::string& id) {
  auto load =
      protocol::load_protocol_file(std::string(LB_BUNDLED_PROTOCOLS_DIR) + "/" + id + ".yaml");
  REQUIRE(load.protocol.has_value());
  return *load.protocol;
}

inline scores::ScoreSet score_set(const std::string& key, std::optional<double> value,
                                  const std::string& category = "") {
  scores::ScoreSet s;
  scores::ScoreResult r;
  r.key = key;
  r.value = value;
  r.category = category;
  if (!value) r.missing.push_back("labs.lactate");
  s.results.push_back(r);
  return s;
}

/// Rule ids as text, to compare with a list written in a test.
inline std::vector<std::string> id_texts(const std::vector<model::RuleId>& ids) {
  std::vector<std::string> out;
  for (const auto& id : ids) out.push_back(id.str());
  return out;
}

/// Overrides written as {rule id, reason} text pairs.
inline eligibility::Overrides overrides(
    std::initializer_list<std::pair<std::string, std::string>> pairs) {
  eligibility::Overrides out;
  for (const auto& [id, reason] : pairs) out.emplace_back(model::RuleId(id), reason);
  return out;
}

inline const eligibility::RuleResult& rule(const eligibility::Eligibility& e,
                                           const std::string& id) {
  for (const auto& r : e.rules) {
    if (r.id.str() == id) return r;
  }
  FAIL("no rule " << id);
  return e.rules.front();
}

}  // namespace lb::testing
