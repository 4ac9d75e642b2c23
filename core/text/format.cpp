#include "text/format.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

namespace lb::text {

std::string fixed(double value, int decimals) {
  if (!std::isfinite(value)) return "n/a";
  decimals = std::clamp(decimals, 0, 17);  // beyond 17 digits a double has no more to say
  const double scale = std::pow(10.0, decimals);
  double scaled = value * scale;
  scaled += (scaled >= 0 ? 1.0 : -1.0) * std::fabs(scaled) * 1e-12;
  // Near the top of the double range the scaled value overflows; such a value has no
  // fractional part to round.
  double rounded = std::isfinite(scaled) ? std::round(scaled) / scale : value;
  if (rounded == 0.0) rounded = 0.0;  // no "-0"
  // Sized for the longest double in fixed notation (309 integer digits, sign, point) plus
  // the decimals clinicians ask for; to_chars reports a short buffer instead of writing past
  // it, so no value can print bytes that are not its digits.
  std::array<char, 512> buf{};
  const auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), rounded,
                                       std::chars_format::fixed, decimals);
  if (ec != std::errc()) return "n/a";
  return std::string(buf.data(), end);
}

std::string grouped(double value, int decimals) {
  const std::string s = fixed(value, decimals);
  const std::size_t sign = (!s.empty() && s[0] == '-') ? 1 : 0;
  const std::size_t point = s.find('.');
  const std::size_t int_end = point == std::string::npos ? s.size() : point;
  if (int_end - sign < 5) return s;
  std::string out = s.substr(0, sign);
  for (std::size_t i = sign; i < int_end; ++i) {
    if (i > sign && (int_end - i) % 3 == 0) out += ' ';
    out += s[i];
  }
  out += s.substr(int_end);
  return out;
}

std::string shown(const explain::Shown& s) {
  std::string out = grouped(s.value, s.decimals);
  if (!s.unit.empty()) out += " " + s.unit;
  return out;
}

}  // namespace lb::text

namespace lb::text {

std::size_t display_width(std::string_view s) {
  std::size_t n = 0;
  for (const char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) ++n;  // skip continuation bytes
  }
  return n;
}

std::string pad_right(std::string_view s, std::size_t width) {
  std::string out(s);
  const std::size_t w = display_width(s);
  if (w < width) out.append(width - w, ' ');
  return out;
}

std::string dot_leader(std::string_view label, std::size_t width) {
  std::string out(label);
  out += ' ';
  const std::size_t w = display_width(out);
  if (w + 1 < width) out.append(width - w - 1, '.');
  out += ' ';
  return out;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += separator;
    out += items[i];
  }
  return out;
}

std::string trimmed(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(first, last - first + 1));
}

}  // namespace lb::text
