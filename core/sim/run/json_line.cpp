#include "sim/run/json_line.hpp"

#include <cmath>
#include <cstdio>

#include "text/format.hpp"

namespace lb::sim::run {

std::string json_quoted(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
          out += buf;
        } else {
          out += c;  // UTF-8 passes through: the loaders have checked it
        }
    }
  }
  return out + "\"";
}

void JsonLine::key(std::string_view k) {
  if (!body_.empty()) body_ += ',';
  body_ += json_quoted(k);
  body_ += ':';
}

JsonLine& JsonLine::text(std::string_view k, std::string_view value) {
  key(k);
  body_ += json_quoted(value);
  return *this;
}

JsonLine& JsonLine::integer(std::string_view k, std::int64_t value) {
  key(k);
  body_ += std::to_string(value);
  return *this;
}

JsonLine& JsonLine::number(std::string_view k, double value, int decimals) {
  key(k);
  body_ += std::isfinite(value) ? text::fixed(value, decimals) : std::string("null");
  return *this;
}

JsonLine& JsonLine::boolean(std::string_view k, bool value) {
  key(k);
  body_ += value ? "true" : "false";
  return *this;
}

JsonLine& JsonLine::texts(std::string_view k, const std::vector<std::string>& values) {
  key(k);
  body_ += '[';
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) body_ += ',';
    body_ += json_quoted(values[i]);
  }
  body_ += ']';
  return *this;
}

JsonLine& JsonLine::object(std::string_view k, const JsonLine& value) {
  key(k);
  body_ += value.str();
  return *this;
}

}  // namespace lb::sim::run
