#include "yaml/map_reader.hpp"

#include <algorithm>
#include <cmath>

#include "text/did_you_mean.hpp"
#include "text/format.hpp"
#include "yaml/guarded_load.hpp"

namespace lb::yaml {

namespace {
std::string node_kind(const YAML::Node& n) {
  if (n.IsSequence()) return "a list";
  if (n.IsMap()) return "a mapping";
  if (n.IsNull()) return "nothing";
  return "a value";
}
}  // namespace

MapReader::MapReader(YAML::Node node, std::string file, std::string path, diag::Diagnostics& diags)
    : node_(std::move(node)), file_(std::move(file)), path_(std::move(path)), diags_(&diags) {
  valid_ = node_ && node_.IsMap();
}

diag::Location MapReader::location() const {
  if (!node_) return {file_, 0, 0};
  return yaml::location_of(node_.Mark(), file_);
}

std::string MapReader::key_path(const std::string& key) const {
  return path_.empty() ? key : path_ + "." + key;
}

bool MapReader::has(const std::string& key) const {
  if (!valid_) return false;
  for (const auto& kv : node_) {
    if (kv.first.IsScalar() && kv.first.Scalar() == key) return true;
  }
  return false;
}

std::vector<std::string> MapReader::keys() const {
  std::vector<std::string> out;
  if (!valid_) return out;
  for (const auto& kv : node_) {
    if (kv.first.IsScalar()) out.push_back(kv.first.Scalar());
  }
  return out;
}

diag::Location MapReader::location_of_key(const std::string& key) const {
  if (valid_) {
    for (const auto& kv : node_) {
      if (kv.first.IsScalar() && kv.first.Scalar() == key) {
        return yaml::location_of(kv.first.Mark(), file_);
      }
    }
  }
  return location();
}

diag::Location MapReader::location_of_value(const std::string& key) const {
  if (valid_) {
    for (const auto& kv : node_) {
      if (kv.first.IsScalar() && kv.first.Scalar() == key) {
        // A null value has no mark of its own (or, for an empty value, yaml-cpp
        // marks the start of the next line); point at the key instead.
        const YAML::Mark m = kv.second.Mark();
        if (m.is_null() || kv.second.IsNull()) return yaml::location_of(kv.first.Mark(), file_);
        return yaml::location_of(m, file_);
      }
    }
  }
  return location();
}

void MapReader::error_at(const std::string& key, std::string message) {
  diags_->error(location_of_value(key), key_path(key), std::move(message));
}

void MapReader::warning_at(const std::string& key, std::string message) {
  diags_->warning(location_of_value(key), key_path(key), std::move(message));
}

std::optional<YAML::Node> MapReader::node(const std::string& key, Need need) {
  asked_.push_back(key);
  if (!valid_) return std::nullopt;
  for (const auto& kv : node_) {
    if (kv.first.IsScalar() && kv.first.Scalar() == key) {
      if (kv.second.IsNull()) {
        // An optional key written without a value ("key:" or "key: ~") is not the same as
        // leaving it out: it is what a truncated or half-edited file looks like.
        error_at(key, need == Need::required ? "has no value; a value is required"
                                             : "has no value; give a value or leave the key out");
        return std::nullopt;
      }
      return kv.second;
    }
  }
  if (need == Need::required) {
    diags_->error(location(), key_path(key),
                  "missing required key '" + key + "'" +
                      (path_.empty() ? std::string() : " in '" + path_ + "'"));
  }
  return std::nullopt;
}

std::optional<std::string> MapReader::scalar(const std::string& key, Need need) {
  auto n = node(key, need);
  if (!n) return std::nullopt;
  if (!n->IsScalar()) {
    error_at(key, "expected a single value, found " + node_kind(*n));
    return std::nullopt;
  }
  return n->Scalar();
}

std::optional<std::string> MapReader::text(const std::string& key, Need need) {
  auto s = scalar(key, need);
  if (s && s->empty()) {
    error_at(key, "is empty; expected text");
    return std::nullopt;
  }
  return s;
}

std::optional<double> MapReader::number(const std::string& key, Need need) {
  auto s = scalar(key, need);
  if (!s) return std::nullopt;
  auto parsed = units::parse_plain_number(*s);
  if (!parsed) {
    error_at(key, parsed.error + "; expected a plain number");
    return std::nullopt;
  }
  return parsed.value;
}

std::optional<int> MapReader::integer(const std::string& key, Need need, int lo, int hi) {
  auto s = scalar(key, need);
  if (!s) return std::nullopt;
  auto parsed = units::parse_plain_number(*s);
  if (!parsed || std::floor(*parsed.value) != *parsed.value) {
    error_at(key, "'" + *s + "' is not a whole number; expected an integer from " +
                      std::to_string(lo) + " to " + std::to_string(hi));
    return std::nullopt;
  }
  const double v = *parsed.value;
  if (v < lo || v > hi) {
    error_at(key, "'" + *s + "' is out of range; expected an integer from " + std::to_string(lo) +
                      " to " + std::to_string(hi));
    return std::nullopt;
  }
  return static_cast<int>(v);
}

std::optional<bool> MapReader::boolean(const std::string& key, Need need) {
  auto s = scalar(key, need);
  if (!s) return std::nullopt;
  if (*s == "true") return true;
  if (*s == "false") return false;
  // YAML 1.1 spellings (True, yes, on) are refused, not guessed: say what to write.
  error_at(key, "'" + *s + "' is not true or false; write true or false in lower case");
  return std::nullopt;
}

std::optional<units::ParsedQuantity> MapReader::quantity(const std::string& key, Need need,
                                                         units::Dimension dimension,
                                                         bool allow_bare_fraction) {
  auto s = scalar(key, need);
  if (!s) return std::nullopt;
  auto parsed = units::parse_quantity_of(*s, dimension, allow_bare_fraction);
  if (!parsed) {
    error_at(key, parsed.error);
    return std::nullopt;
  }
  return parsed.value;
}

std::optional<std::vector<std::string>> MapReader::text_list(const std::string& key, Need need) {
  auto n = node(key, need);
  if (!n) return std::nullopt;
  if (n->IsScalar()) return std::vector<std::string>{n->Scalar()};
  if (!n->IsSequence()) {
    error_at(key, "expected a list of words, found " + node_kind(*n));
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (const auto& item : *n) {
    if (!item.IsScalar()) {
      diags_->error(yaml::location_of(item.Mark(), file_), key_path(key),
                    "expected a word in the list, found " + node_kind(item));
      return std::nullopt;
    }
    out.push_back(item.Scalar());
  }
  return out;
}

MapReader MapReader::child(const std::string& key, Need need) {
  auto n = node(key, need);
  if (n && !n->IsMap()) {
    error_at(key, "expected a mapping of 'key: value' lines, found " + node_kind(*n));
    return MapReader(YAML::Node(), file_, key_path(key), *diags_);
  }
  return MapReader(n ? *n : YAML::Node(), file_, key_path(key), *diags_);
}

void MapReader::report_bad_choice(const std::string& key, const std::string& word,
                                  const std::vector<std::string>& names) {
  error_at(key, "'" + word + "' is not one of: " + text::join(names) +
                    text::did_you_mean_suffix(word, names));
}

void MapReader::finish() {
  if (!valid_) return;
  for (const auto& kv : node_) {
    if (!kv.first.IsScalar()) continue;
    const std::string& key = kv.first.Scalar();
    if (std::find(asked_.begin(), asked_.end(), key) != asked_.end()) continue;
    diags_->error(yaml::location_of(kv.first.Mark(), file_), key_path(key),
                  "unknown key '" + key + "'" + text::did_you_mean_suffix(key, asked_));
  }
}

}  // namespace lb::yaml
