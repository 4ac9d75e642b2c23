// unverified: caveats naming key paths of this file, and the sections that
// later schema versions will add.
#include <unordered_set>

#include "protocol/loader/fields.hpp"
#include "protocol/loader/sections.hpp"
#include "text/did_you_mean.hpp"
#include "yaml/guarded_load.hpp"

namespace lb::protocol::detail {

using yaml::MapReader;
using yaml::Need;

namespace {

/// Dotted paths of every mapping key in the file ("exchange.limits.hard.max"),
/// except those inside `unverified` itself.
void collect_key_paths(const YAML::Node& node, const std::string& prefix,
                       std::vector<std::string>& out) {
  if (!node.IsMap()) return;
  for (const auto& kv : node) {
    if (!kv.first.IsScalar()) continue;
    const std::string path = prefix.empty() ? kv.first.Scalar() : prefix + "." + kv.first.Scalar();
    if (path == "unverified") continue;
    out.push_back(path);
    collect_key_paths(kv.second, path, out);
  }
}

}  // namespace

void read_unverified(MapReader& top, const YAML::Node& root, std::vector<Caveat>& out) {
  auto list = top.node("unverified", Need::optional);
  if (!list) return;
  auto& diags = top.diagnostics();
  if (!list->IsSequence()) {
    top.error_at("unverified", "expected a list of '- key: ... note: ...' entries");
    return;
  }
  std::vector<std::string> paths;
  collect_key_paths(root, "", paths);
  const std::unordered_set<std::string> known(paths.begin(), paths.end());
  // Suggestions compare against every key path; a hostile file with thousands
  // of bad entries must not take quadratic time, so only the first few get one.
  constexpr int kMaxSuggestions = 3;
  int suggestions = 0;
  std::size_t index = 0;
  for (const auto& item : *list) {
    MapReader r(item, top.file(), "unverified[" + std::to_string(index++) + "]", diags);
    if (!r.valid()) {
      diags.error(yaml::location_of(item.Mark(), top.file()), r.path(),
                  "expected an entry with 'key' and 'note'");
      continue;
    }
    auto key = r.text("key", Need::required);
    auto note = r.text("note", Need::required);
    r.finish();
    if (!key) continue;
    if (known.count(*key) == 0) {
      const std::string suggestion =
          suggestions++ < kMaxSuggestions ? text::did_you_mean_suffix(*key, paths) : "";
      r.error_at("key", "'" + *key +
                            "' names no key in this file; give the dotted path of a key written in "
                            "this file, e.g. 'exchange.amount' (write a default value out to "
                            "flag it)" +
                            suggestion);
      continue;
    }
    if (note) out.push_back(Caveat{*key, *note});
  }
}

void reject_unsupported_sections(MapReader& top) {
  // Every planned section is implemented; sections of later schema versions go here.
  static const std::vector<std::string> kLater = {};
  for (const auto& section : kLater) {
    if (!top.has(section)) continue;
    top.node(section, Need::optional);  // known: no "unknown key" error as well
    top.diagnostics().error(
        top.location_of_key(section), top.key_path(section),
        "section '" + section +
            "' is not supported by this version of LiverBridge (schema_version "
            "1 has: sources, indications, blood_volume, plasma_volume, "
            "ideal_body_weight, exchange, eligibility, unverified); describe it in "
            "'description' for now");
  }
}

}  // namespace lb::protocol::detail
