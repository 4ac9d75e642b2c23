#include "gui/gui_common.hpp"

#include "report/wording.hpp"

namespace lb::gui {

namespace {
ImFont* g_bold = nullptr;  // set once by the shell after building the font atlas
}

ImVec4 severity_colour(diag::Severity s) {
  switch (s) {
    case diag::Severity::error: return kColourError;
    case diag::Severity::warning: return kColourWarning;
    case diag::Severity::note: return kColourMuted;
  }
  return kColourMuted;
}

const char* severity_word(diag::Severity s) {
  switch (s) {
    case diag::Severity::error: return "Error";
    case diag::Severity::warning: return "Warning";
    case diag::Severity::note: return "Note";
  }
  return "";
}

ImVec4 status_colour(plan::Status s) {
  switch (s) {
    case plan::Status::ready: return kColourOk;
    case plan::Status::ready_with_warnings: return kColourWarning;
    case plan::Status::not_ready: return kColourError;
  }
  return kColourMuted;
}

const char* status_words(plan::Status s) {
  // The short form of report/wording.hpp (literals: null-terminated).
  return report::status_words(s).short_form.data();
}

void record_rect(AppState& s, std::string name) {
  const ImVec2 a = ImGui::GetItemRectMin();
  const ImVec2 b = ImGui::GetItemRectMax();
  s.view.rects[std::move(name)] = Rect{a.x, a.y, b.x, b.y};
}

void tooltip(std::string_view text) {
  if (text.empty() || !ImGui::IsItemHovered()) return;
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(em(30));
  ImGui::TextUnformatted(text.data(), text.data() + text.size());
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

void badge(const char* text, ImVec4 colour) {
  const ImVec2 pad = ImGui::GetStyle().FramePadding;
  ImGui::PushFont(bold_font());  // measured in the font it is drawn in
  const ImVec2 size = ImGui::CalcTextSize(text);
  ImGui::PopFont();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + size.x + 2 * pad.x, p.y + size.y + 2 * pad.y),
                    ImGui::ColorConvertFloat4ToU32(colour), em(0.25f));
  ImGui::SetCursorScreenPos(ImVec2(p.x + pad.x, p.y + pad.y));
  ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(16, 16, 16, 255));
  ImGui::PushFont(bold_font());
  ImGui::TextUnformatted(text);
  ImGui::PopFont();
  ImGui::PopStyleColor();
  ImGui::SetCursorScreenPos(p);
  ImGui::Dummy(ImVec2(size.x + 2 * pad.x, size.y + 2 * pad.y));
}

ImFont* bold_font() { return g_bold != nullptr ? g_bold : ImGui::GetFont(); }
void set_bold_font(ImFont* f) { g_bold = f; }

void flow_text(const std::vector<std::string>& pieces, float indent) {
  const float right = ImGui::GetWindowContentRegionMax().x;
  bool first = true;
  for (const auto& piece : pieces) {
    const std::string t = first ? piece : "\u00b7 " + piece;
    if (!first) {
      ImGui::SameLine();
      if (ImGui::GetCursorPosX() + ImGui::CalcTextSize(t.c_str()).x > right) {
        ImGui::NewLine();
        ImGui::SetCursorPosX(indent);
      }
    }
    ImGui::TextUnformatted(t.c_str());
    first = false;
  }
}

std::vector<std::string> wrap_path(const std::string& path, float width,
                                   const std::function<float(std::string_view)>& measure) {
  std::vector<std::string> lines{""};
  std::size_t start = 0;
  while (start < path.size()) {
    const std::size_t next = path.find('/', start + 1);
    const std::string part = path.substr(start, next == std::string::npos ? next : next - start);
    if (!lines.back().empty() && measure(lines.back() + part) > width) lines.emplace_back();
    lines.back() += part;
    start = next == std::string::npos ? path.size() : next;
  }
  return lines;
}

void path_text(const std::string& path, ImVec4 colour) {
  const auto measure = [](std::string_view t) {
    return ImGui::CalcTextSize(t.data(), t.data() + t.size()).x;
  };
  ImGui::BeginGroup();
  for (const auto& line : wrap_path(path, ImGui::GetContentRegionAvail().x, measure)) {
    ImGui::TextColored(colour, "%s", line.c_str());
  }
  ImGui::EndGroup();
}

std::vector<std::string> split_dots(const std::string& text) {
  static const std::string kDot = " \u00b7 ";
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t at = text.find(kDot); at != std::string::npos; at = text.find(kDot, start)) {
    out.push_back(text.substr(start, at - start));
    start = at + kDot.size();
  }
  out.push_back(text.substr(start));
  return out;
}

void heading(const char* text) {
  ImGui::PushFont(bold_font());
  ImGui::TextUnformatted(text);
  ImGui::PopFont();
}

}  // namespace lb::gui
