// Number formatting for clinicians: fixed decimals, no exponent, no "-0".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "explain/derivation.hpp"

namespace lb::text {

/// Fixed-point with `decimals` digits, rounding half away from zero after a
/// 1e-9 relative nudge so that 16.65 stored as 16.6499999... prints 16.7 at 1 dp.
std::string fixed(double value, int decimals);
/// fixed() with the integer part grouped in threes by a space when it has
/// five or more digits (SI style: "5065", "13 920", "12 000.5").
std::string grouped(double value, int decimals);
/// "4824 mL", "13 920 mL", "30 %" (SI style: a space before every unit).
std::string shown(const explain::Shown& s);

}  // namespace lb::text

namespace lb::text {

/// Width in terminal columns of UTF-8 text (one per code point; the project
/// uses no wide CJK glyphs in labels).
std::size_t display_width(std::string_view s);
/// Pads `s` on the right to `width` columns.
std::string pad_right(std::string_view s, std::size_t width);
/// "label ........ value" filling `width` columns before the value.
std::string dot_leader(std::string_view label, std::size_t width);
/// `s` without leading and trailing spaces, tabs and line ends.
std::string trimmed(std::string_view s);
/// The items separated by `separator`: join({"a", "b"}) == "a, b".
std::string join(const std::vector<std::string>& items, std::string_view separator = ", ");

}  // namespace lb::text
