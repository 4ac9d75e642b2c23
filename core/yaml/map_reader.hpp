// Reads one YAML mapping against a schema written as code: each key the
// schema asks for is marked known, and finish() reports every key that was
// never asked for as unknown, with a "did you mean" for near misses. Bad
// values are reported at the value's own line and column and never cascade:
// a getter that fails returns nullopt and records one diagnostic.
#pragma once

#include <yaml-cpp/yaml.h>

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "diag/diagnostic.hpp"
#include "units/any_quantity.hpp"
#include "units/parse.hpp"

namespace lb::yaml {

enum class Need { required, optional };

class MapReader {
 public:
  /// `path` is the dotted key path of this mapping ("" for the top level).
  /// If `node` is not a mapping an error is recorded and every getter
  /// returns nullopt.
  MapReader(YAML::Node node, std::string file, std::string path, diag::Diagnostics& diags);

  [[nodiscard]] bool valid() const { return valid_; }
  [[nodiscard]] const std::string& file() const { return file_; }
  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] diag::Diagnostics& diagnostics() const { return *diags_; }
  [[nodiscard]] diag::Location location() const;

  /// Marks `key` as known and returns its node when present. A required key
  /// that is missing is an error at this mapping's location.
  std::optional<YAML::Node> node(const std::string& key, Need need);
  [[nodiscard]] bool has(const std::string& key) const;
  /// The keys of the mapping in file order (readers whose keys depend on another key's value,
  /// such as a simulator action's arguments).
  [[nodiscard]] std::vector<std::string> keys() const;

  std::optional<std::string> text(const std::string& key, Need need);
  std::optional<double> number(const std::string& key, Need need);
  /// An integer within [lo, hi] (decimal; no octal or hex surprises).
  std::optional<int> integer(const std::string& key, Need need, int lo, int hi);
  /// true/false only (not yes/no/on/off, which YAML 1.1 tools disagree on).
  std::optional<bool> boolean(const std::string& key, Need need);
  /// A quantity of the given dimension, e.g. "72 kg".
  std::optional<units::ParsedQuantity> quantity(const std::string& key, Need need,
                                                units::Dimension dimension,
                                                bool allow_bare_fraction = false);
  /// A quantity of type Q; the dimension asked for is Q's.
  template <class Q>
  std::optional<Q> typed(const std::string& key, Need need, bool allow_bare_fraction = false) {
    auto q = quantity(key, need, units::dimension_of<Q>, allow_bare_fraction);
    if (!q) return std::nullopt;
    return q->quantity().template get<Q>();
  }
  /// One of a fixed set of words; unknown words get a "did you mean".
  template <class E>
  std::optional<E> choice(const std::string& key, Need need,
                          const std::vector<std::pair<std::string, E>>& options) {
    auto word = text(key, need);
    if (!word) return std::nullopt;
    std::vector<std::string> names;
    for (const auto& [name, value] : options) {
      if (name == *word) return value;
      names.push_back(name);
    }
    report_bad_choice(key, *word, names);
    return std::nullopt;
  }
  /// A list of words (e.g. allergies). A single word is accepted as a list of one.
  std::optional<std::vector<std::string>> text_list(const std::string& key, Need need);

  /// A nested mapping; returns a reader even when absent (valid() == false).
  MapReader child(const std::string& key, Need need);

  void error_at(const std::string& key, std::string message);
  void warning_at(const std::string& key, std::string message);
  [[nodiscard]] diag::Location location_of_key(const std::string& key) const;
  [[nodiscard]] diag::Location location_of_value(const std::string& key) const;
  [[nodiscard]] std::string key_path(const std::string& key) const;

  /// Reports keys present in the mapping but never asked for.
  void finish();

 private:
  void report_bad_choice(const std::string& key, const std::string& word,
                         const std::vector<std::string>& names);
  std::optional<std::string> scalar(const std::string& key, Need need);

  YAML::Node node_;
  std::string file_;
  std::string path_;
  diag::Diagnostics* diags_;
  bool valid_ = false;
  std::vector<std::string> asked_;
};

}  // namespace lb::yaml
