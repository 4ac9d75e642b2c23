#include "cohort/csv.hpp"

#include <algorithm>
#include <cstring>

#include "text/utf8.hpp"

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
  if (from >= text.size()) return kIncomplete;
  const void* hit = std::memchr(text.data() + from, '\n', text.size() - from);
  if (hit == nullptr) return kIncomplete;
  return static_cast<std::size_t>(static_cast<const char*>(hit) - text.data()) + 1;
}

std::string text_problem(std::string_view record) {
  record = without_line_break(record);
  // The hot path: plain ASCII text needs no decoding.
  const bool plain = std::all_of(record.begin(), record.end(), [](char c) {
    const auto b = static_cast<unsigned char>(c);
    return (b >= 0x20 && b < 0x7F) || b == '\t';
  });
  if (plain) return "";
  if (const auto bad = text::invalid_utf8_at(record)) {
    return "byte " + std::to_string(*bad + 1) + " is not valid UTF-8; save the file as UTF-8";
  }
  if (const auto r = text::refused_character_at(record, false)) {
    if (r->code_point == '\r') {
      return "byte " + std::to_string(r->offset + 1) +
             " is a bare carriage return (CR); save the file with LF or CRLF line ends";
    }
    return "byte " + std::to_string(r->offset + 1) + " is a control character (" +
           text::code_point_name(r->code_point) + "); expected plain text";
  }
  return "";
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
