#include "protocol/loader/fields.hpp"

#include <algorithm>

#include "text/did_you_mean.hpp"
#include "text/format.hpp"

namespace lb::protocol::detail {

std::string written(yaml::MapReader& r, const std::string& key) {
  auto n = r.node(key, yaml::Need::optional);
  if (!n || !n->IsScalar()) return "";
  return text::trimmed(n->Scalar());
}

bool check_positive(yaml::MapReader& r, const std::string& key, double si, const std::string& text,
                    const std::optional<Ceiling>& ceiling) {
  const bool floored = ceiling && *ceiling->floor_text != '\0';
  const bool too_small = floored ? !(si >= ceiling->floor_si) : !(si > 0.0);
  const bool too_large = ceiling && !(si <= ceiling->si);
  if (!too_small && !too_large) return true;
  std::string message = "'" + text + "' is out of range; expected ";
  message += floored ? "at least " + std::string(ceiling->floor_text) : "more than 0";
  if (ceiling) {
    message += " and at most " + std::string(ceiling->text);
    if (*ceiling->hint != '\0' && (too_large || floored)) {
      message += " (" + std::string(ceiling->hint) + ")";
    }
  }
  r.error_at(key, message);
  return false;
}

std::optional<Field<double>> positive_si(yaml::MapReader& r, const std::string& key,
                                         yaml::Need need, units::Dimension dimension,
                                         const std::optional<Ceiling>& ceiling) {
  auto q = r.quantity(key, need, dimension);
  if (!q) return std::nullopt;
  Field<double> f{q->si_value, written(r, key)};
  if (!check_positive(r, key, f.value, f.text, ceiling)) return std::nullopt;
  return f;
}

std::optional<Field<double>> positive_number(yaml::MapReader& r, const std::string& key,
                                             yaml::Need need, const Ceiling& ceiling) {
  auto v = r.number(key, need);
  if (!v) return std::nullopt;
  Field<double> f{*v, written(r, key)};
  if (!check_positive(r, key, f.value, f.text, ceiling)) return std::nullopt;
  return f;
}

std::string joined(const std::vector<std::string>& words) { return text::join(words); }

std::optional<std::string> source_id(yaml::MapReader& r, const std::string& key, yaml::Need need,
                                     const std::vector<Source>* sources) {
  auto id = r.text(key, need);
  if (!id || sources == nullptr) return id;
  std::vector<std::string> ids;
  for (const auto& s : *sources) ids.push_back(s.id);
  if (std::find(ids.begin(), ids.end(), *id) == ids.end()) {
    r.error_at(key, "unknown source '" + *id + "'; the sources listed in this file are: " +
                        joined(ids) + text::did_you_mean_suffix(*id, ids));
    return std::nullopt;
  }
  return id;
}

}  // namespace lb::protocol::detail
