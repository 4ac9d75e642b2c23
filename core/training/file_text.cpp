#include "training/file_text.hpp"

#include <algorithm>
#include <string>

#include "text/utf8.hpp"

namespace lb::training {

diag::Location at(const NamedText& t, int line, int column) { return {t.name, line, column}; }

bool check_file_text(const NamedText& t, diag::Diagnostics& d, bool lines) {
  if (t.text.empty()) {
    d.error(at(t, 0, 0), "", "the file is empty");
    return false;
  }
  if (const auto bad = text::invalid_utf8_at(t.text)) {
    const auto lc = text::line_column(t.text, *bad);
    d.error(at(t, lc.line, lc.column), "", "not valid UTF-8");
    return false;
  }
  if (const auto refused = text::refused_character_at(t.text, true)) {
    const auto lc = text::line_column(t.text, refused->offset);
    d.error(at(t, lc.line, lc.column), "",
            "contains " + text::code_point_name(refused->code_point) +
                " (a control or reordering character, or a carriage return)");
    return false;
  }
  if (lines && t.text.back() != '\n') {
    const auto lc = text::line_column(t.text, t.text.size() - 1);
    d.error(at(t, lc.line, lc.column), "",
            "the last line has no line feed (the file was cut short?)");
    return false;
  }
  return true;
}

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t begin = 0;
  while (begin < text.size()) {
    const std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) {
      out.push_back(text.substr(begin));
      break;
    }
    out.push_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
  return out;
}

bool is_sha256_hex(std::string_view s) {
  return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

}  // namespace lb::training
