#include "training/trace_check.hpp"

#include <charconv>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "training/file_text.hpp"

namespace lb::training {

namespace {

/// The fields of one CSV row with the 1-based column each starts at. Trace fields are names
/// and numbers: they hold no quotes or commas, so no RFC 4180 quoting is read.
struct Field {
  std::string_view text;
  int column = 1;
};
std::vector<Field> fields_of(std::string_view row) {
  std::vector<Field> out;
  std::size_t begin = 0;
  for (;;) {
    const std::size_t comma = row.find(',', begin);
    const std::size_t end = comma == std::string_view::npos ? row.size() : comma;
    out.push_back({row.substr(begin, end - begin), static_cast<int>(begin) + 1});
    if (comma == std::string_view::npos) return out;
    begin = comma + 1;
  }
}

bool whole_seconds(std::string_view s, std::int64_t& value) {
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  return ec == std::errc() && end == s.data() + s.size() && value >= 0;
}

bool finite_number(std::string_view s) {
  double value = 0.0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  return ec == std::errc() && end == s.data() + s.size() && std::isfinite(value);
}

}  // namespace

void check_trace(const NamedText& trace, std::int64_t duration_s, diag::Diagnostics& d) {
  if (!check_file_text(trace, d)) return;
  const auto lines = lines_of(trace.text);
  const auto header = fields_of(lines.front());
  if (header.front().text != "t_s") {
    d.error(at(trace, 1), "", "the header's first column must be t_s (a trace of a simulated run)");
    return;
  }
  std::int64_t last_t = 0;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const int line = static_cast<int>(i) + 1;
    const auto fields = fields_of(lines[i]);
    if (fields.size() != header.size()) {
      d.error(at(trace, line), "",
              std::to_string(fields.size()) + " fields; the header has " +
                  std::to_string(header.size()));
      continue;
    }
    std::int64_t t = 0;
    if (!whole_seconds(fields.front().text, t)) {
      d.error(at(trace, line), "t_s", "expected whole seconds, 0 or more");
    } else if (t < last_t) {
      d.error(at(trace, line), "t_s", "the trace goes back in time");
    } else if (t > duration_s) {
      d.error(at(trace, line), "t_s",
              std::to_string(t) + " s is after the timeline's last second (" +
                  std::to_string(duration_s) + " s): the trace of another run?");
    } else {
      last_t = t;
    }
    for (std::size_t c = 1; c < fields.size(); ++c) {
      if (!fields[c].text.empty() && !finite_number(fields[c].text)) {
        d.error(at(trace, line, fields[c].column), std::string(header[c].text),
                "expected a number or nothing");
      }
    }
  }
}

}  // namespace lb::training
