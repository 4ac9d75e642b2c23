// Helpers shared by the panels: sizes in font units (em), the status colours
// (always paired with words), and recording widget rectangles for tests.
#pragma once

#include <imgui.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "gui/app_state.hpp"
#include "plan/plan.hpp"

namespace lb::gui {

/// `n` times the current font size: every layout size is written in these units.
inline float em(float n) { return n * ImGui::GetFontSize(); }
inline ImVec2 em2(float x, float y) { return {em(x), em(y)}; }

inline const ImVec4 kColourOk{0.36f, 0.80f, 0.42f, 1.0f};
inline const ImVec4 kColourWarning{0.98f, 0.72f, 0.20f, 1.0f};
inline const ImVec4 kColourError{1.00f, 0.42f, 0.38f, 1.0f};
inline const ImVec4 kColourMuted{0.68f, 0.70f, 0.74f, 1.0f};
inline const ImVec4 kColourAccent{0.45f, 0.70f, 1.00f, 1.0f};

ImVec4 severity_colour(diag::Severity s);
/// "Error", "Warning", "Note".
const char* severity_word(diag::Severity s);
ImVec4 status_colour(plan::Status s);
/// "READY", "READY WITH WARNINGS", "NOT READY".
const char* status_words(plan::Status s);

/// Stores the last item's rectangle under `name` in the view state.
void record_rect(AppState& s, std::string name);

/// Hover tooltip with wrapped text for the last item.
void tooltip(std::string_view text);

/// Text in a filled, rounded box (status badges); the colour never stands alone.
void badge(const char* text, ImVec4 colour);

/// Bold font when loaded (fonts.cpp), else the current font.
ImFont* bold_font();
void set_bold_font(ImFont* f);

/// Pieces of text joined by " · ", wrapped only between pieces (a value such
/// as "70.0 kg" is never split); continuation lines start at local x `indent`.
void flow_text(const std::vector<std::string>& pieces, float indent);
/// A file path that wraps only after a "/" (a folder name is never split), in one group so the
/// caller's record_rect and tooltip cover all of it.
void path_text(const std::string& path, ImVec4 colour);
/// The lines path_text draws: breaks only before a "/", each line at most `width` as `measure`
/// says unless one folder name alone is wider.
std::vector<std::string> wrap_path(const std::string& path, float width,
                                   const std::function<float(std::string_view)>& measure);
/// "a · b · c" -> {"a", "b", "c"}.
std::vector<std::string> split_dots(const std::string& text);

/// A section title in bold.
void heading(const char* text);

}  // namespace lb::gui
