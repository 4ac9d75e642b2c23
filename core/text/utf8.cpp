#include "text/utf8.hpp"

#include <array>
#include <cstdio>

namespace lb::text {

namespace {

struct Decoded {
  char32_t code_point = 0;
  std::size_t length = 0;  ///< 0 when the sequence is malformed
};

/// Decodes one sequence at `i` following RFC 3629 Table 3-7 (well-formed byte sequences).
Decoded decode(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) return {b0, 1};
  std::size_t n = 0;
  char32_t c = 0;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    n = 2;
    c = b0 & 0x1FU;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    n = 3;
    c = b0 & 0x0FU;
    if (b0 == 0xE0) lo = 0xA0;  // no overlong forms
    if (b0 == 0xED) hi = 0x9F;  // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    n = 4;
    c = b0 & 0x07U;
    if (b0 == 0xF0) lo = 0x90;  // no overlong forms
    if (b0 == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return {};
  }
  if (i + n > s.size()) return {};
  for (std::size_t k = 1; k < n; ++k) {
    const unsigned char b = byte(i + k);
    const unsigned char min = k == 1 ? lo : 0x80;
    const unsigned char max = k == 1 ? hi : 0xBF;
    if (b < min || b > max) return {};
    c = (c << 6U) | (b & 0x3FU);
  }
  return {c, n};
}

bool refused(char32_t c, bool allow_line_breaks) {
  if (c == '\t') return false;
  if (c == '\n') return !allow_line_breaks;
  if (c < 0x20 || c == 0x7F) return true;
  if (c >= 0x80 && c <= 0x9F) return true;  // C1 controls (CSI, NEL, ...)
  if (c == 0x2028 || c == 0x2029) return true;
  if (c >= 0x202A && c <= 0x202E) return true;
  if (c >= 0x2066 && c <= 0x2069) return true;
  return false;
}

std::string hex(const char* format, unsigned value) {
  std::array<char, 16> buf{};
  const int n = std::snprintf(buf.data(), buf.size(), format, value);
  return n > 0 ? std::string(buf.data(), static_cast<std::size_t>(n)) : std::string();
}

}  // namespace

std::optional<std::size_t> invalid_utf8_at(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const Decoded d = decode(s, i);
    if (d.length == 0) return i;
    i += d.length;
  }
  return std::nullopt;
}

std::optional<Refused> refused_character_at(std::string_view s, bool allow_line_breaks) {
  std::size_t i = 0;
  while (i < s.size()) {
    const Decoded d = decode(s, i);
    if (d.length == 0) return Refused{i, static_cast<unsigned char>(s[i])};
    if (refused(d.code_point, allow_line_breaks)) return Refused{i, d.code_point};
    i += d.length;
  }
  return std::nullopt;
}

std::string code_point_name(char32_t c) { return hex("U+%04X", static_cast<unsigned>(c)); }

LineColumn line_column(std::string_view s, std::size_t offset) {
  LineColumn at;
  for (std::size_t i = 0; i < offset && i < s.size(); ++i) {
    if (s[i] == '\n') {
      ++at.line;
      at.column = 1;
    } else {
      ++at.column;
    }
  }
  return at;
}

std::string escaped(std::string_view s, bool keep_line_breaks) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const Decoded d = decode(s, i);
    if (d.length == 0) {
      out += hex("\\x%02x", static_cast<unsigned char>(s[i]));
      ++i;
      continue;
    }
    if (refused(d.code_point, keep_line_breaks)) {
      out += d.code_point < 0x100 ? hex("\\x%02x", static_cast<unsigned>(d.code_point))
                                  : hex("\\u%04x", static_cast<unsigned>(d.code_point));
    } else {
      out.append(s.substr(i, d.length));
    }
    i += d.length;
  }
  return out;
}

std::string printable_json(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  std::size_t i = 0;
  while (i < json.size()) {
    const auto r = refused_character_at(json.substr(i), /*allow_line_breaks=*/true);
    if (!r) break;
    const std::size_t at = i + r->offset;
    out.append(json.substr(i, at - i));
    const char32_t c = r->code_point;
    out += hex("\\u%04x", static_cast<unsigned>(c));  // all refused code points are < U+10000
    i = at + decode(json, at).length;
  }
  out.append(json.substr(i));
  return out;
}

std::string one_line_problem(std::string_view s) {
  if (const auto bad = invalid_utf8_at(s)) {
    return "is not valid UTF-8 (byte " + hex("0x%02X", static_cast<unsigned char>(s[*bad])) +
           " at byte " + std::to_string(*bad + 1) + ")";
  }
  if (const auto r = refused_character_at(s, false)) {
    const std::string what = r->code_point == '\n' || r->code_point == '\r' ? "a line break"
                             : r->code_point == 0x2028 || r->code_point == 0x2029
                                 ? "a line or paragraph separator"
                                 : "a control character";
    return "contains " + what + " (" + code_point_name(r->code_point) + ") at byte " +
           std::to_string(r->offset + 1) + "; expected one line of printable text";
  }
  return "";
}

}  // namespace lb::text
