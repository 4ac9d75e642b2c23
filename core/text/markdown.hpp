// The one Markdown escaper of every Markdown output (plan, scores, review):
// text from patients, protocols and clinicians goes into tables and list
// items, where a '|' would end a table cell and a line break would end the
// row or the item.
#pragma once

#include <string>
#include <string_view>

namespace lb::text {

/// `s` safe inside a Markdown table cell or list item: '|' becomes "\|",
/// line breaks become spaces (CR dropped). Nothing else changes, so units,
/// "×" and "≥" read as typed.
std::string md_escape(std::string_view s);

}  // namespace lb::text
