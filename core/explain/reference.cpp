#include "explain/reference.hpp"

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "text/format.hpp"

namespace lb::explain {

namespace {

std::vector<std::string_view> lines_of(std::string_view s) {
  std::vector<std::string_view> out;
  while (!s.empty()) {
    const auto nl = s.find('\n');
    out.push_back(s.substr(0, nl));
    if (nl == std::string_view::npos) break;
    s.remove_prefix(nl + 1);
  }
  return out;
}

/// "## 5. Citrate" -> ("5", "Citrate"); "### 5.3 Citrate" -> ("5.3", "Citrate"); else nullopt.
std::optional<std::pair<std::string, std::string>> heading(std::string_view line) {
  const bool top = line.starts_with("## ");
  const bool sub = line.starts_with("### ");
  if (!top && !sub) return std::nullopt;
  line.remove_prefix(top ? 3 : 4);
  std::size_t i = 0;
  while (i < line.size() && (std::isdigit(static_cast<unsigned char>(line[i])) != 0 ||
                             (line[i] == '.' && i + 1 < line.size() &&
                              std::isdigit(static_cast<unsigned char>(line[i + 1])) != 0))) {
    ++i;
  }
  if (i == 0) return std::nullopt;
  std::string number(line.substr(0, i));
  const bool has_dot = number.find('.') != std::string::npos;
  if (top == has_dot) return std::nullopt;  // "## 5." sections, "### 5.3" subsections
  std::string_view rest = line.substr(i);
  if (top && rest.starts_with(".")) rest.remove_prefix(1);
  return std::make_pair(number, std::string(text::trimmed(rest)));
}

std::vector<std::string> ids_of(std::string_view line) {
  std::vector<std::string> ids;
  const std::string t = text::trimmed(line);
  if (!t.starts_with("<!-- ids:") || !t.ends_with("-->")) return ids;
  std::istringstream in{t.substr(9, t.size() - 9 - 3)};
  for (std::string id; in >> id;) ids.push_back(id);
  return ids;
}

bool is_comment(std::string_view line) {
  const std::string t = text::trimmed(line);
  return t.starts_with("<!--") && t.ends_with("-->");
}

}  // namespace

std::vector<ReferenceSection> reference_sections(std::string_view markdown) {
  std::vector<ReferenceSection> out;
  // Indices into `out`, kNone when no section is open. Not std::optional: GCC 12 at -O2
  // reports a false maybe-uninitialized on optional<size_t> here (a known GCC 12 issue).
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::size_t top = kNone;  // the open top-level section
  std::size_t sub = kNone;  // the open subsection
  for (const auto line : lines_of(markdown)) {
    if (const auto h = heading(line)) {
      out.push_back({h->first, h->second, {}, std::string(line) + "\n"});
      if (h->first.find('.') == std::string::npos) {
        top = out.size() - 1;
        sub = kNone;
      } else {
        sub = out.size() - 1;
        if (top != kNone) out[top].text += "\n" + std::string(line) + "\n";  // shown there too
      }
      continue;
    }
    if (line.starts_with("## ") || line.starts_with("# ")) {  // an unnumbered heading closes
      top = kNone;
      sub = kNone;
      continue;
    }
    if (top == kNone) continue;
    if (const auto ids = ids_of(line); !ids.empty()) {
      out[top].ids.insert(out[top].ids.end(), ids.begin(), ids.end());
      continue;
    }
    if (is_comment(line)) continue;
    if (text::trimmed(line) == "---") continue;
    out[top].text += std::string(line) + "\n";
    if (sub != kNone) out[sub].text += std::string(line) + "\n";
  }
  for (auto& s : out) {
    while (s.text.size() >= 2 && s.text.ends_with("\n\n")) s.text.pop_back();
  }
  return out;
}

std::optional<ReferenceSection> find_reference_section(std::string_view markdown,
                                                       std::string_view id_or_number) {
  std::string key = text::trimmed(id_or_number);
  if (key.starts_with("\u00a7")) key.erase(0, std::string_view("\u00a7").size());
  if (key.empty()) return std::nullopt;
  const auto all = reference_sections(markdown);
  for (const auto& s : all) {
    if (s.number == key) return s;
  }
  for (const auto& s : all) {
    for (const auto& id : s.ids) {
      if (id == key) return s;
    }
  }
  return std::nullopt;
}

std::string clinical_reference_path(const std::string& program_copy) {
  if (const char* env = std::getenv("LIVERBRIDGE_CLINICAL_REFERENCE"); env && *env) return env;
  return program_copy;
}

std::string read_clinical_reference(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace lb::explain
