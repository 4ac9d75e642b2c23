#include "cohort/csv.hpp"

#include <algorithm>
#include <cstring>

namespace lb::cohort::csv {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string_view without_line_break(std::string_view record) {
  if (!record.empty() && record.back() == '\n') record.remove_suffix(1);
  if (!record.empty() && record.back() == '\r') record.remove_suffix(1);
  return record;
}

}  // namespace

std::size_t record_end(std::string_view text, std::size_t from) {
  // A line break ends the record only outside quotes, i.e. after an even
  // number of quote characters since the record began ("" inside a quoted
  // field counts twice, so the parity is right for escaped quotes too).
  std::size_t quotes = 0;
  std::size_t pos = from;
  while (pos < text.size()) {
    const void* hit = std::memchr(text.data() + pos, '\n', text.size() - pos);
    if (hit == nullptr) return kIncomplete;
    const auto nl = static_cast<std::size_t>(static_cast<const char*>(hit) - text.data());
    quotes += static_cast<std::size_t>(std::count(text.data() + pos, text.data() + nl, '"'));
    if (quotes % 2 == 0) return nl + 1;
    pos = nl + 1;
  }
  return kIncomplete;
}

bool is_blank(std::string_view record) { return trim(without_line_break(record)).empty(); }

bool split(std::string_view record, std::vector<std::string_view>& fields, std::string& scratch,
           std::string& error) {
  record = without_line_break(record);
  fields.clear();
  scratch.clear();
  // Unescaped quoted fields are copied here; reserving the whole record up
  // front means the views already taken stay valid.
  scratch.reserve(record.size());
  std::size_t i = 0;
  while (true) {
    // Leading blanks before an opening quote are tolerated.
    std::size_t start = i;
    while (start < record.size() && (record[start] == ' ' || record[start] == '\t')) ++start;
    if (start < record.size() && record[start] == '"') {
      std::size_t j = start + 1;
      bool escaped = false;
      std::size_t close = std::string_view::npos;
      while (j < record.size()) {
        if (record[j] == '"') {
          if (j + 1 < record.size() && record[j + 1] == '"') {
            escaped = true;
            j += 2;
            continue;
          }
          close = j;
          break;
        }
        ++j;
      }
      if (close == std::string_view::npos) {
        error = "field " + std::to_string(fields.size() + 1) + ": a quoted value is not closed";
        return false;
      }
      std::string_view inner = record.substr(start + 1, close - start - 1);
      if (escaped) {
        const std::size_t begin = scratch.size();
        for (std::size_t k = 0; k < inner.size(); ++k) {
          scratch.push_back(inner[k]);
          if (inner[k] == '"') ++k;  // "" -> "
        }
        inner = std::string_view(scratch).substr(begin);
      }
      std::size_t after = close + 1;
      while (after < record.size() && (record[after] == ' ' || record[after] == '\t')) ++after;
      if (after < record.size() && record[after] != ',') {
        error = "field " + std::to_string(fields.size() + 1) +
                ": unexpected text after the closing quote; quote the whole value and write a "
                "quote inside it as \"\"";
        return false;
      }
      fields.push_back(inner);
      if (after >= record.size()) return true;
      i = after + 1;
      continue;
    }
    const std::size_t comma = record.find(',', i);
    const std::string_view raw =
        record.substr(i, comma == std::string_view::npos ? std::string_view::npos : comma - i);
    if (raw.find('"') != std::string_view::npos) {
      error = "field " + std::to_string(fields.size() + 1) +
              ": a quote inside an unquoted value; quote the whole value and write a quote "
              "inside it as \"\"";
      return false;
    }
    fields.push_back(trim(raw));
    if (comma == std::string_view::npos) return true;
    i = comma + 1;
  }
}

void append_field(std::string& out, std::string_view value) {
  const bool plain = std::none_of(value.begin(), value.end(), [](char c) {
    return c == ',' || c == '"' || c == '\r' || c == '\n';
  });
  if (plain) {
    out.append(value);
    return;
  }
  out.push_back('"');
  for (const char c : value) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

}  // namespace lb::cohort::csv
