// schema_version, identity (id, version, title, description), sources and
// indications.
#include <algorithm>
#include <cmath>
#include <map>

#include "patient/names.hpp"
#include "patient/patient.hpp"
#include "protocol/loader/fields.hpp"
#include "protocol/loader/sections.hpp"
#include "text/did_you_mean.hpp"
#include "units/parse.hpp"
#include "yaml/guarded_load.hpp"

namespace lb::protocol::detail {

using yaml::MapReader;
using yaml::Need;

namespace {

constexpr std::size_t kMaxIdLength = 64;

bool is_lower_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

/// [a-z0-9]+ words joined by single hyphens: "hvp-alf-larsen-2016".
bool valid_protocol_id(const std::string& id) {
  if (id.empty() || id.size() > kMaxIdLength) return false;
  if (id.front() == '-' || id.back() == '-') return false;
  char previous = '\0';
  for (char c : id) {
    if (!is_lower_alnum(c) && c != '-') return false;
    if (c == '-' && previous == '-') return false;
    previous = c;
  }
  return true;
}

/// Source handles: lowercase letters, digits, '-' and '_', starting with a letter or digit.
bool valid_source_id(const std::string& id) {
  if (id.empty() || id.size() > kMaxIdLength || !is_lower_alnum(id.front())) return false;
  for (char c : id) {
    if (!is_lower_alnum(c) && c != '-' && c != '_') return false;
  }
  return true;
}

std::string kind_of(const YAML::Node& n) {
  if (n.IsSequence()) return "a list";
  if (n.IsMap()) return "a mapping";
  return "a single value";
}

}  // namespace

bool read_schema_version(MapReader& top, Protocol& p) {
  auto text = top.text("schema_version", Need::required);
  if (!text) return true;
  const std::string supported = std::to_string(kSchemaVersion);
  auto number = units::parse_plain_number(*text);
  if (!number || std::floor(*number.value) != *number.value) {
    top.error_at("schema_version",
                 "'" + *text + "' is not a schema version; expected the number " + supported);
    return true;
  }
  if (*number.value != kSchemaVersion) {
    top.error_at("schema_version",
                 "schema_version " + *text +
                     " is not supported by this version of LiverBridge, which reads "
                     "schema_version " +
                     supported + "; the rest of the file was not checked");
    return false;
  }
  p.schema_version = kSchemaVersion;
  return true;
}

void read_identity(MapReader& top, Protocol& p) {
  if (auto id = top.text("id", Need::required)) {
    if (valid_protocol_id(*id)) {
      p.id = *id;
    } else {
      top.error_at("id", "'" + *id +
                             "' is not a valid protocol id; use lowercase letters, digits and "
                             "single hyphens (at most 64 characters), e.g. 'hvp-alf-larsen-2016'");
    }
  }
  if (auto version = top.text("version", Need::required)) p.version = *version;
  if (auto title = top.text("title", Need::required)) p.title = *title;
  if (auto description = top.text("description", Need::optional)) p.description = *description;
}

bool read_sources(MapReader& top, std::vector<Source>& out) {
  auto list = top.node("sources", Need::required);
  if (!list) return false;
  auto& diags = top.diagnostics();
  if (!list->IsSequence()) {
    top.error_at("sources",
                 "expected a list of sources ('- id: ...' entries), found " + kind_of(*list));
    return false;
  }
  if (list->size() == 0) {
    top.error_at("sources", "at least one source is required");
    return false;
  }
  const std::size_t errors_before = diags.count(diag::Severity::error);
  std::map<std::string, int> first_line;  // source id -> line it was first listed at
  std::size_t index = 0;
  for (const auto& item : *list) {
    MapReader r(item, top.file(), "sources[" + std::to_string(index++) + "]", diags);
    if (!r.valid()) {
      diags.error(yaml::location_of(item.Mark(), top.file()), r.path(),
                  "expected a source with 'id' and 'citation', found " + kind_of(item));
      continue;
    }
    Source s;
    bool ok = true;
    if (auto id = r.text("id", Need::required)) {
      if (!valid_source_id(*id)) {
        r.error_at("id", "'" + *id +
                             "' is not a valid source id; use lowercase letters, digits, '-' "
                             "and '_', e.g. 'larsen2016'");
        ok = false;
      } else if (auto seen = first_line.find(*id); seen != first_line.end()) {
        r.error_at("id", "duplicate source id '" + *id + "' (first listed at line " +
                             std::to_string(seen->second) + "); each source id must be unique");
        ok = false;
      } else {
        first_line.emplace(*id, r.location_of_value("id").line);
        s.id = *id;
      }
    } else {
      ok = false;
    }
    if (auto citation = r.text("citation", Need::required)) {
      s.citation = *citation;
    } else {
      ok = false;
    }
    if (auto url = r.text("url", Need::optional)) {
      if (url->rfind("https://", 0) == 0 || url->rfind("http://", 0) == 0) {
        s.url = *url;
      } else {
        r.error_at("url", "'" + *url +
                              "' is not a web address; expected https://... (for a DOI: "
                              "https://doi.org/...)");
      }
    }
    r.finish();
    if (ok) out.push_back(std::move(s));
  }
  return diags.count(diag::Severity::error) == errors_before;
}

void read_indications(MapReader& top, std::vector<patient::Diagnosis>& out) {
  using patient::Diagnosis;
  static const auto kDiagnoses = patient::names::kDiagnosis.options();
  auto list = top.node("indications", Need::required);
  if (!list) return;
  auto& diags = top.diagnostics();
  const std::string path = top.key_path("indications");
  std::vector<YAML::Node> items;
  if (list->IsScalar()) {
    items.push_back(*list);
  } else if (list->IsSequence()) {
    for (const auto& item : *list) items.push_back(item);
  } else {
    top.error_at("indications", "expected a list of diagnoses such as [alf, subacute_lf], found " +
                                    kind_of(*list));
    return;
  }
  if (items.empty()) {
    top.error_at("indications",
                 "at least one indication is required (alf, subacute_lf, aclf, "
                 "chronic_lf or other)");
    return;
  }
  std::vector<std::string> names;
  for (const auto& [name, value] : kDiagnoses) names.push_back(name);
  for (const auto& item : items) {
    const auto where = yaml::location_of(item.Mark(), top.file());
    if (!item.IsScalar()) {
      diags.error(where, path, "expected a diagnosis word in the list, found " + kind_of(item));
      continue;
    }
    const std::string& word = item.Scalar();
    bool matched = false;
    for (const auto& [name, value] : kDiagnoses) {
      if (name != word) continue;
      matched = true;
      if (std::find(out.begin(), out.end(), value) != out.end()) {
        diags.error(where, path, "indication '" + word + "' is listed twice");
      } else {
        out.push_back(value);
      }
    }
    if (!matched) {
      diags.error(where, path,
                  "'" + word + "' is not one of: " + joined(names) +
                      text::did_you_mean_suffix(word, names));
    }
  }
}

}  // namespace lb::protocol::detail
