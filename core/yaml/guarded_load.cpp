#include "yaml/guarded_load.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <vector>

#include "text/utf8.hpp"

namespace lb::yaml {

diag::Location location_of(const YAML::Mark& mark, const std::string& file) {
  if (mark.is_null()) return {file, 0, 0};
  return {file, mark.line + 1, mark.column + 1};
}

namespace {

/// Thrown by the pre-pass to stop parsing at the first structural violation.
struct Rejected {
  YAML::Mark mark;
  std::string message;
};

class GuardHandler : public YAML::EventHandler {
 public:
  explicit GuardHandler(const Limits& limits) : limits_(limits) {}

  void OnDocumentStart(const YAML::Mark& mark) override { document_start_ = mark; }
  void OnDocumentEnd() override {}

  /// Where the document being handled starts (for "more than one document").
  [[nodiscard]] const YAML::Mark& document_start() const { return document_start_; }

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    check_anchor(mark, anchor);
    leaf(mark, nullptr);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t /*anchor*/) override {
    throw Rejected{mark,
                   "aliases (*name) are not allowed in LiverBridge files; write the value out"};
  }
  void OnScalar(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                const std::string& value) override {
    check_anchor(mark, anchor);
    check_characters(mark, value);
    leaf(mark, &value);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value /*style*/) override {
    open(mark, anchor, false);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value /*style*/) override {
    open(mark, anchor, true);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Frame {
    bool is_map = false;
    bool expecting_key = true;
    std::set<std::string> keys;
  };

  void count(const YAML::Mark& mark) {
    if (++nodes_ > limits_.max_nodes) {
      throw Rejected{mark, "too many values (more than " + std::to_string(limits_.max_nodes) + ")"};
    }
  }
  /// A value reaches reports, terminals and the records database: a control character
  /// (written raw or as a "\e" escape in a quoted string) would act there, not print.
  static void check_characters(const YAML::Mark& mark, const std::string& value) {
    if (const auto r = text::refused_character_at(value, /*allow_line_breaks=*/true)) {
      throw Rejected{mark, "the value contains a control character (" +
                               text::code_point_name(r->code_point) +
                               "); write plain text (line breaks only in multi-line text)"};
    }
  }
  static void check_anchor(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor) {
      throw Rejected{mark,
                     "anchors (&name) are not allowed in LiverBridge files; write the value out"};
    }
  }
  /// A scalar or null: either a key (in a map awaiting a key) or a value.
  void leaf(const YAML::Mark& mark, const std::string* value) {
    count(mark);
    if (stack_.empty() || !stack_.back().is_map) return;
    Frame& top = stack_.back();
    if (top.expecting_key) {
      if (value == nullptr || value->empty()) throw Rejected{mark, "empty key"};
      if (!top.keys.insert(*value).second) {
        throw Rejected{mark,
                       "duplicate key '" + *value + "' (each key may appear once per section)"};
      }
      top.expecting_key = false;
    } else {
      top.expecting_key = true;
    }
  }
  void open(const YAML::Mark& mark, YAML::anchor_t anchor, bool is_map) {
    check_anchor(mark, anchor);
    count(mark);
    if (!stack_.empty() && stack_.back().is_map && stack_.back().expecting_key) {
      throw Rejected{mark, "keys must be plain text, not a list or a mapping"};
    }
    if (static_cast<int>(stack_.size()) >= limits_.max_depth) {
      throw Rejected{mark, "nesting deeper than " + std::to_string(limits_.max_depth) + " levels"};
    }
    stack_.push_back(Frame{is_map, true, {}});
  }
  void close() {
    stack_.pop_back();
    if (!stack_.empty() && stack_.back().is_map) stack_.back().expecting_key = true;
  }

  const Limits& limits_;
  YAML::Mark document_start_ = YAML::Mark::null_mark();
  std::vector<Frame> stack_;
  std::size_t nodes_ = 0;
};

/// The first tab in a line's leading whitespace, on or before the line of a
/// parse error: YAML forbids tabs for indentation and yaml-cpp's message for
/// it ("illegal map value") does not say so.
std::optional<YAML::Mark> tab_indentation_before(const std::string& content,
                                                 const YAML::Mark& error) {
  int line = 0;
  bool at_line_start = true;
  int column = 0;
  for (const char c : content) {
    if (!error.is_null() && line > error.line) break;
    if (c == '\n') {
      ++line;
      column = 0;
      at_line_start = true;
      continue;
    }
    if (at_line_start && c == '\t') {
      YAML::Mark m;
      m.line = line;
      m.column = column;
      return m;
    }
    if (c != ' ') at_line_start = false;
    ++column;
  }
  return std::nullopt;
}

std::string hex_byte(char c) {
  constexpr std::string_view kDigits = "0123456789ABCDEF";
  const auto b = static_cast<unsigned char>(c);
  return {kDigits[b >> 4U], kDigits[b & 0x0FU]};
}

}  // namespace

std::optional<YAML::Node> guarded_load(std::string_view text, const std::string& file,
                                       diag::Diagnostics& out, const Limits& limits) {
  if (text.size() > limits.max_bytes) {
    out.error({file, 0, 0}, "",
              "file is " + std::to_string(text.size()) + " bytes; the limit is " +
                  std::to_string(limits.max_bytes) + " bytes");
    return std::nullopt;
  }
  if (text.find('\0') != std::string_view::npos) {
    out.error({file, 0, 0}, "", "file contains NUL bytes; expected a YAML text file");
    return std::nullopt;
  }
  if (const auto bad = text::invalid_utf8_at(text)) {
    const auto at = text::line_column(text, *bad);
    out.error(
        {file, at.line, at.column}, "",
        "the file is not valid UTF-8 (byte 0x" + hex_byte(text[*bad]) + "); save it as UTF-8 text");
    return std::nullopt;
  }
  // yaml-cpp reads a file whose lines end in a bare CR (old Mac OS) as one empty line.
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')) {
      const auto at = text::line_column(text, i);
      out.error({file, at.line, at.column}, "",
                "a line ends in a bare carriage return (CR); save the file with LF or CRLF "
                "line ends");
      return std::nullopt;
    }
  }
  // YAML allows only printable characters anywhere in a stream, comments included (YAML 1.2
  // §5.1: tab, line breaks, U+0020–U+007E, U+0085 and from U+00A0); yaml-cpp does not check.
  // A control character in a comment would reach every output that carries the file's text
  // (the stored plan, the records export) and a terminal. Stricter than YAML, the line and
  // paragraph separators and the bidirectional overrides are refused too: they forge lines
  // and reorder what a reviewer sees (text/utf8.hpp). CR is here only before LF (checked
  // above).
  for (std::size_t from = 0; from < text.size();) {
    const auto r = text::refused_character_at(text.substr(from), /*allow_line_breaks=*/true);
    if (!r) break;
    const std::size_t at = from + r->offset;
    if (r->code_point != '\r') {
      const auto where = text::line_column(text, at);
      const char32_t c = r->code_point;
      const std::string what = c == 0x2028 || c == 0x2029 ? "a line or paragraph separator"
                               : c >= 0x202A              ? "a bidirectional text override"
                                                          : "a control character";
      out.error({file, where.line, where.column}, "",
                "the file contains " + what + " (" + text::code_point_name(c) +
                    "); expected printable text anywhere in the file, comments included");
      return std::nullopt;
    }
    from = at + 1;
  }
  const std::string content(text);
  try {
    std::istringstream stream(content);
    YAML::Parser parser(stream);
    GuardHandler guard(limits);
    int documents = 0;
    while (parser.HandleNextDocument(guard)) {
      if (++documents > 1) {
        out.error(location_of(guard.document_start(), file), "",
                  "more than one YAML document ('---'); expected exactly one");
        return std::nullopt;
      }
    }
  } catch (const Rejected& r) {
    out.error(location_of(r.mark, file), "", r.message);
    return std::nullopt;
  } catch (const YAML::DeepRecursion& e) {
    out.error(location_of(e.mark, file), "", "nesting too deep");
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    if (const auto tab = tab_indentation_before(content, e.mark)) {
      out.error(location_of(*tab, file), "",
                "malformed YAML: a tab is used for indentation; indent with spaces (yaml-cpp: " +
                    e.msg + ")");
    } else {
      // yaml-cpp's wording for "a: b: c"; say what usually causes it.
      const std::string hint = e.msg == "illegal map value"
                                   ? " (unexpected ':'; a value containing ': ' must be quoted)"
                                   : "";
      out.error(location_of(e.mark, file), "", "malformed YAML: " + e.msg + hint);
    }
    return std::nullopt;
  }

  try {
    YAML::Node root = YAML::Load(content);
    if (!root || root.IsNull()) {
      out.error({file, 0, 0}, "", "file is empty; expected a YAML mapping of keys");
      return std::nullopt;
    }
    if (!root.IsMap()) {
      out.error(location_of(root.Mark(), file), "",
                "expected a YAML mapping of 'key: value' lines at the top level");
      return std::nullopt;
    }
    return root;
  } catch (const YAML::Exception& e) {
    out.error(location_of(e.mark, file), "", "malformed YAML: " + e.msg);
    return std::nullopt;
  }
}

std::optional<YAML::Node> guarded_load_file(const std::string& path, diag::Diagnostics& out,
                                            const Limits& limits) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) {
    out.error({path, 0, 0}, "", "cannot open file: no such file");
    return std::nullopt;
  }
  if (!std::filesystem::is_regular_file(status)) {
    out.error({path, 0, 0}, "", "cannot open file: not a regular file");
    return std::nullopt;
  }
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > limits.max_bytes) {
    out.error({path, 0, 0}, "",
              "file is " + std::to_string(size) + " bytes; the limit is " +
                  std::to_string(limits.max_bytes) + " bytes");
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    out.error({path, 0, 0}, "", "cannot open file for reading");
    return std::nullopt;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return guarded_load(buffer.str(), path, out, limits);
}

}  // namespace lb::yaml
