#include "protocol/loader/session_fields.hpp"

#include <algorithm>

#include "text/did_you_mean.hpp"
#include "units/parse.hpp"

namespace lb::protocol::detail {

using yaml::MapReader;
using yaml::Need;

namespace {

/// "1/3" → 0.333…; nullopt when the text is not two plain numbers around one '/'.
std::optional<double> ratio_text(const std::string& text) {
  const auto slash = text.find('/');
  if (slash == std::string::npos || text.find('/', slash + 1) != std::string::npos) {
    return std::nullopt;
  }
  auto num = units::parse_plain_number(text.substr(0, slash));
  auto den = units::parse_plain_number(text.substr(slash + 1));
  if (!num || !den || !(*den.value > 0.0)) return std::nullopt;
  return *num.value / *den.value;
}

}  // namespace

std::optional<Field<double>> share(MapReader& r, const std::string& key, Need need) {
  auto text = r.text(key, need);
  if (!text) return std::nullopt;
  const std::string shown = written(r, key);
  std::optional<double> value = ratio_text(shown);
  if (!value) {
    auto parsed = units::parse_quantity_of(shown, units::Dimension::fraction, true);
    if (!parsed) {
      r.error_at(key, "'" + shown + "' is not a share; expected e.g. 1/3, 0.33 or '33 %'");
      return std::nullopt;
    }
    value = parsed.value->si_value;
  }
  if (*value < 0.0 || *value > 1.0) {
    r.error_at(key, "'" + shown + "' is out of range; expected a share from 0 to 1 (0 % to 100 %)");
    return std::nullopt;
  }
  return Field<double>{*value, shown};
}

std::optional<Field<double>> non_negative_si(MapReader& r, const std::string& key,
                                             units::Dimension dimension, bool allow_bare) {
  auto q = r.quantity(key, Need::optional, dimension, allow_bare);
  if (!q) return std::nullopt;
  Field<double> f{q->si_value, written(r, key)};
  if (f.value < 0.0) {
    r.error_at(key, "'" + f.text + "' is negative; expected 0 or more");
    return std::nullopt;
  }
  return f;
}

void reject_unless(MapReader& r, const std::string& key, const std::string& choice_key,
                   const std::string& chosen, const std::string& applies_to) {
  if (chosen == applies_to || !r.has(key)) return;
  r.node(key, Need::optional);  // known: one error, not also "unknown key"
  r.error_at(key, "applies only to " + choice_key + " '" + applies_to +
                      "', but this section uses " + choice_key + " '" + chosen +
                      "'; remove it or change the " + choice_key);
}

}  // namespace lb::protocol::detail
