#include "sim/scenario/fields.hpp"

#include <algorithm>
#include <cmath>

#include "text/did_you_mean.hpp"
#include "text/format.hpp"
#include "units/dimension.hpp"
#include "yaml/guarded_load.hpp"

namespace lb::sim::scenario::detail {

using yaml::MapReader;
using yaml::Need;

namespace {
std::string node_kind(const YAML::Node& n) {
  if (n.IsSequence()) return "a list";
  if (n.IsMap()) return "a mapping";
  return "a value";
}
}  // namespace

std::optional<SimTime> sim_time(MapReader& r, const std::string& key, Need need, bool positive) {
  const auto q = r.quantity(key, need, units::Dimension::time);
  if (!q) return std::nullopt;
  const double s = q->si_value;
  if (s < 0.0 || (positive && s <= 0.0)) {
    r.error_at(key, positive ? "must be more than 0 s" : "must not be negative");
    return std::nullopt;
  }
  if (s > static_cast<double>(kMaxSimTime)) {
    r.error_at(key, std::string("is longer than ") + kMaxSimTimeText +
                        "; a scenario runs at most that long");
    return std::nullopt;
  }
  // The simulator steps in whole seconds: a time between two steps would be silently moved.
  if (std::abs(s - std::round(s)) > 1e-9) {
    r.error_at(key, "is not a whole number of seconds; the simulator steps in whole seconds");
    return std::nullopt;
  }
  return static_cast<SimTime>(std::llround(s));
}

std::optional<double> probability(MapReader& r, const std::string& key, Need need) {
  const auto q = r.quantity(key, need, units::Dimension::fraction, /*allow_bare_fraction=*/true);
  if (!q) return std::nullopt;
  if (!(q->si_value > 0.0 && q->si_value < 1.0)) {
    r.error_at(key, "must be above 0 and below 1 (or above 0 % and below 100 %)");
    return std::nullopt;
  }
  return q->si_value;
}

units::ParseResult<double> value_in_unit(const std::string& text, const std::string& unit) {
  const std::string t = text::trimmed(text);
  if (unit.empty()) {
    return units::parse_plain_number(t);
  }
  const auto space = t.find(' ');
  if (space != std::string::npos && text::trimmed(t.substr(space + 1)) == unit) {
    return units::parse_plain_number(t.substr(0, space));
  }
  // Another spelling of the same dimension ("0.5 L/min" for mL/min) is converted.
  const auto written = units::parse_quantity(t);
  const auto target = units::parse_quantity("1 " + unit);
  if (written && target && written.value->dimension == target.value->dimension) {
    return {written.value->si_value / target.value->si_value, ""};
  }
  if (space == std::string::npos) {
    auto plain = units::parse_plain_number(t);
    if (plain) return {std::nullopt, "'" + t + "' has no unit"};
    return {std::nullopt, plain.error};
  }
  return {std::nullopt, "'" + t.substr(space + 1) + "' is not a unit of this value"};
}

std::optional<VariableValue> value_for(MapReader& r, const std::string& key,
                                       const NamedUnit& entry) {
  const auto node = r.node(key, Need::required);
  if (!node) return std::nullopt;
  if (!node->IsScalar()) {
    r.error_at(key, "expected a value, found " + node_kind(*node));
    return std::nullopt;
  }
  auto v = value_in_unit(node->Scalar(), entry.unit);
  if (!v) {
    r.error_at(key,
               v.error + (entry.unit.empty() ? "; " + entry.name + " is a plain number"
                                             : "; " + entry.name + " is written in " + entry.unit));
    return std::nullopt;
  }
  return VariableValue{entry.name, *v.value, entry.unit};
}

std::optional<std::string> name_in(MapReader& r, const std::string& key, Need need,
                                   const std::vector<std::string>& names, const std::string& what) {
  auto word = r.text(key, need);
  if (!word) return std::nullopt;
  if (std::find(names.begin(), names.end(), *word) != names.end()) return word;
  r.error_at(key, "'" + *word + "' is not " + what + text::did_you_mean_suffix(*word, names));
  return std::nullopt;
}

const NamedUnit* find_named(const std::vector<NamedUnit>& list, const std::string& name) {
  for (const auto& e : list) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

std::vector<std::string> names_of(const std::vector<NamedUnit>& list) {
  std::vector<std::string> out;
  out.reserve(list.size());
  for (const auto& e : list) out.push_back(e.name);
  return out;
}

std::optional<std::string> id_field(MapReader& r, const std::string& key, Need need) {
  auto id = r.text(key, need);
  if (!id) return std::nullopt;
  const bool ok = id->size() <= 64 && (*id)[0] >= 'a' && (*id)[0] <= 'z' &&
                  std::all_of(id->begin(), id->end(), [](char c) {
                    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
                  });
  if (!ok) {
    r.error_at(key, "'" + *id +
                        "' is not an id; use lower-case letters, digits, '_' and '-', starting "
                        "with a letter, at most 64 characters");
    return std::nullopt;
  }
  return id;
}

void for_each_mapping(MapReader& r, const std::string& key, Need need,
                      const std::function<void(MapReader& item)>& item) {
  const auto list = r.node(key, need);
  if (!list) return;
  if (!list->IsSequence()) {
    r.error_at(key, "expected a list of mappings ('- key: value'), found " + node_kind(*list));
    return;
  }
  std::size_t i = 0;
  for (const auto& entry : *list) {
    const std::string path = r.key_path(key) + "[" + std::to_string(i++) + "]";
    if (!entry.IsMap()) {
      r.diagnostics().error(yaml::location_of(entry.Mark(), r.file()), path,
                            "expected a mapping ('key: value' lines), found " +
                                (entry.IsNull() ? std::string("nothing") : node_kind(entry)));
      continue;
    }
    MapReader reader(entry, r.file(), path, r.diagnostics());
    item(reader);
    reader.finish();
  }
}

std::vector<std::string> text_items(MapReader& r, const std::string& key, Need need) {
  std::vector<std::string> out;
  const auto list = r.node(key, need);
  if (!list) return out;
  if (!list->IsSequence()) {
    r.error_at(key, "expected a list of texts ('- text'), found " + node_kind(*list));
    return out;
  }
  for (const auto& entry : *list) {
    if (!entry.IsScalar() || entry.Scalar().empty()) {
      r.diagnostics().error(yaml::location_of(entry.Mark(), r.file()), r.key_path(key),
                            "expected a text in the list");
      continue;
    }
    out.push_back(entry.Scalar());
  }
  return out;
}

void check_unique(MapReader& r, const std::string& key, const std::string& id,
                  std::vector<std::string>& seen, const std::string& what) {
  if (std::find(seen.begin(), seen.end(), id) != seen.end()) {
    r.error_at(key, "'" + id + "' is already the id of another " + what + "; ids must be unique");
    return;
  }
  seen.push_back(id);
}

}  // namespace lb::sim::scenario::detail
