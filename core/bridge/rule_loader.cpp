#include "bridge/rule_loader.hpp"

#include <algorithm>
#include <exception>
#include <set>

#include "bridge/criterion_reader.hpp"
#include "bridge/names.hpp"
#include "io/atomic_write.hpp"
#include "io/sha256.hpp"
#include "patient/names.hpp"
#include "patient/patient.hpp"
#include "text/did_you_mean.hpp"
#include "text/format.hpp"
#include "yaml/guarded_load.hpp"
#include "yaml/map_reader.hpp"

namespace lb::bridge {

using yaml::MapReader;
using yaml::Need;

namespace {

constexpr int kSchema = 1;

std::vector<std::string> diagnosis_words() { return patient::names::kDiagnosis.names(); }

void read_diagnoses(MapReader& r, Rule& rule) {
  auto words = r.text_list("diagnoses", Need::required);
  if (!words) return;
  const auto known = diagnosis_words();
  for (const auto& w : *words) {
    if (std::find(known.begin(), known.end(), w) == known.end()) {
      r.error_at("diagnoses", "'" + w + "' is not a diagnosis of the patient file; one of: " +
                                  text::join(known) + text::did_you_mean_suffix(w, known));
      continue;
    }
    rule.diagnoses.push_back(w);
  }
}

/// The citation must name a publication a reader can find: a DOI or a PMID (or both).
void read_citation(MapReader& r, Rule& rule) {
  auto c = r.child("citation", Need::required);
  if (!c.valid()) return;
  if (auto t = c.text("text", Need::required)) rule.citation = *t;
  if (auto t = c.text("doi", Need::optional)) rule.doi = *t;
  if (auto t = c.text("pmid", Need::optional)) rule.pmid = *t;
  if (auto t = c.text("registry", Need::optional)) rule.registry = *t;
  if (auto t = c.text("identifier_missing", Need::optional)) rule.identifier_missing = *t;
  c.finish();
  // A reader must be able to find the publication: an identifier, or the stated reason there
  // is none (a Chinese guideline indexed by neither DOI nor PubMed).
  if (rule.doi.empty() && rule.pmid.empty() && rule.registry.empty() &&
      rule.identifier_missing.empty()) {
    r.error_at("citation",
               "give a doi, a pmid or a trial registry number (or identifier_missing: why none)");
  }
}

std::optional<Rule> read_rule(const YAML::Node& node, const std::string& file,
                              const std::string& path, diag::Diagnostics& diags) {
  MapReader r(node, file, path, diags);
  if (!r.valid()) {
    diags.error(yaml::location_of(node.Mark(), file), path, "expected a rule (a mapping)");
    return std::nullopt;
  }
  const std::size_t errors_before = diags.count(diag::Severity::error);
  Rule rule;
  rule.where = r.location();
  if (auto id = r.text("id", Need::required)) rule.id = *id;
  if (auto f = r.choice("family", Need::required, kFamilyNames.options())) rule.family = *f;
  read_diagnoses(r, rule);
  if (auto a = r.choice("anchor", Need::required, kAnchorNames.options())) rule.anchor = *a;
  rule.window = detail::read_window(r, "window");
  if (rule.family == Family::prediction) {
    auto band = r.child("band", Need::required);
    if (band.valid()) rule.band = detail::read_band(band);
  } else if (auto criteria = r.node("criteria", Need::required)) {
    rule.criteria = detail::read_criterion(*criteria, file, r.key_path("criteria"), diags, 0);
  }
  if (auto t = r.text("boundary", Need::required)) rule.boundary = *t;
  if (auto t = r.text("outcome", Need::required)) rule.outcome = *t;
  if (auto h = r.quantity("horizon", Need::optional, units::Dimension::time)) {
    rule.horizon = h->quantity().get<units::Duration>();
    rule.horizon_text = r.text("horizon", Need::optional).value_or("");
  }
  if (auto t = r.text("population", Need::required)) rule.population = *t;
  if (auto b = r.boolean("pe_treated_population", Need::required)) {
    rule.pe_treated_population = *b;
  }
  if (auto list = r.text_list("candidacy", Need::optional)) {
    for (const auto& word : *list) {
      if (auto c = kCandidacyNames.parse(word)) {
        rule.candidacy.push_back(*c);
      } else {
        r.error_at("candidacy",
                   "'" + word + "' is not one of: " + text::join(kCandidacyNames.names()));
      }
    }
  }
  read_citation(r, rule);
  if (auto v = r.choice("verification", Need::required, kVerificationNames.options())) {
    rule.verification = *v;
  }
  if (auto t = r.text("wording", Need::required)) rule.wording = *t;
  if (auto t = r.text("wording_original", Need::optional)) rule.wording_original = *t;
  if (auto t = r.text("note", Need::optional)) rule.note = *t;
  if (auto list = r.text_list("conflicts_with", Need::optional)) rule.conflicts_with = *list;
  if (auto e = r.boolean("evaluate", Need::optional)) {
    rule.evaluate_unverified = *e;
    if (rule.verification != Verification::unverified) {
      r.error_at("evaluate", "only an unverified rule needs 'evaluate: true'; this one is " +
                                 std::string(kVerificationNames.name(rule.verification)) +
                                 " and is evaluated");
    }
  }
  r.finish();
  if (diags.count(diag::Severity::error) > errors_before) return std::nullopt;
  return rule;
}

/// Every id once, every conflict naming a rule of the file.
void check_references(const RuleSet& set, diag::Diagnostics& diags) {
  std::set<std::string> ids;
  std::vector<std::string> all;
  for (const auto& r : set.rules) all.push_back(r.id);
  for (const auto& r : set.rules) {
    if (!ids.insert(r.id).second) {
      diags.error(r.where, "rules", "rule id '" + r.id + "' appears twice");
    }
    for (const auto& other : r.conflicts_with) {
      if (set.find(other) == nullptr) {
        diags.error(
            r.where, r.id + ".conflicts_with",
            "'" + other + "' names no rule of this file" + text::did_you_mean_suffix(other, all));
      }
    }
  }
}

}  // namespace

RuleSetLoad parse_rule_set(std::string_view text, const std::string& file) {
  RuleSetLoad out;
  auto root = yaml::guarded_load(text, file, out.diagnostics);
  if (!root) return out;
  MapReader top(*root, file, "", out.diagnostics);
  if (!top.valid()) {
    out.diagnostics.error({file, 1, 1}, "", "expected a mapping with 'schema' and 'rules'");
    return out;
  }
  auto schema = top.integer("schema", Need::required, 1, 1000);
  if (schema && *schema != kSchema) {
    top.error_at("schema", "schema " + std::to_string(*schema) + " is not supported (this is " +
                               std::to_string(kSchema) + ")");
  }
  RuleSet set;
  set.file = file;
  set.sha256 = io::sha256_hex(text);
  if (auto list = top.node("rules", Need::required)) {
    if (!list->IsSequence()) {
      top.error_at("rules", "expected a list of rules");
    } else {
      std::size_t i = 0;
      for (const auto& item : *list) {
        if (auto rule =
                read_rule(item, file, "rules[" + std::to_string(i++) + "]", out.diagnostics)) {
          set.rules.push_back(std::move(*rule));
        }
      }
    }
  }
  top.finish();
  check_references(set, out.diagnostics);
  if (!out.diagnostics.has_errors()) out.rules = std::move(set);
  return out;
}

RuleSetLoad load_rule_set(const std::string& path) {
  std::string text;
  try {
    text = io::read_file(path);
  } catch (const std::exception& e) {
    RuleSetLoad out;
    out.diagnostics.error({path, 0, 0}, "", e.what());
    return out;
  }
  return parse_rule_set(text, path);
}

std::string bundled_rule_file(const std::string& rules_dir) {
  return rules_dir + "/bridge-rules.yaml";
}

}  // namespace lb::bridge
