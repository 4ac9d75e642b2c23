// One JSON object on one line, written field by field in the order given: the timeline's
// format (JSON Lines). Written by hand rather than through a JSON library so that the bytes
// are fixed by this code alone: keys keep their order, numbers are printed with a fixed
// number of decimals, and a seed replays to the identical file.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lb::sim::run {

class JsonLine {
 public:
  JsonLine& text(std::string_view key, std::string_view value);
  JsonLine& integer(std::string_view key, std::int64_t value);
  /// A number with `decimals` decimals (non-finite values are written as null).
  JsonLine& number(std::string_view key, double value, int decimals);
  JsonLine& boolean(std::string_view key, bool value);
  JsonLine& texts(std::string_view key, const std::vector<std::string>& values);
  /// A nested object written by another JsonLine.
  JsonLine& object(std::string_view key, const JsonLine& value);
  /// "{...}" without a newline.
  [[nodiscard]] std::string str() const { return "{" + body_ + "}"; }

 private:
  void key(std::string_view k);
  std::string body_;
};

/// `s` as a JSON string literal, quotes included.
std::string json_quoted(std::string_view s);

}  // namespace lb::sim::run
