// Drives the LiverBridge window without a display: an ImGui context with no
// backend (engineering.md §2.3), the real draw_app() each frame, and input
// simulated through ImGui 1.86's legacy IO (mouse position and buttons, typed
// characters, KeysDown). Widgets are found by the rectangles the panels record
// in AppState::view.rects while drawing.
#pragma once

#include <doctest/doctest.h>
#include <imgui.h>

#include <string>

#include "gui/app_state.hpp"
#include "gui/panels.hpp"

namespace lb::gui::test {

/// The app as a person sees it at the start: the alf-paracetamol example
/// under `protocol`, nothing persisted (no autosave, no imgui.ini).
inline AppOptions example_options(const std::string& protocol) {
  AppOptions o;
  o.bundled_protocols_dir = std::string(LB_SOURCE_DIR) + "/protocols";
  o.examples_dir = std::string(LB_SOURCE_DIR) + "/examples";
  o.persist = false;
  o.patient_file = std::string(LB_SOURCE_DIR) + "/examples/alf-paracetamol.yaml";
  o.protocol = protocol;
  o.scenarios_dir = std::string(LB_SOURCE_DIR) + "/scenarios";
  return o;
}

class Headless {
 public:
  /// Tall enough that every field of the patient form is visible without scrolling.
  explicit Headless(const AppOptions& options, ImVec2 display = ImVec2(1600, 2000))
      : ctx_(ImGui::CreateContext()), state(make_app_state(options)) {
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.DisplaySize = display;
    io.DeltaTime = 1.0f / 60.0f;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // NewFrame asserts without an atlas
    static int texture = 0;
    io.Fonts->SetTexID(&texture);
    // 1.86's legacy key map; "native" codes as GLFW's: letters are upper-case ASCII.
    for (int k = 0; k < ImGuiKey_COUNT; ++k) io.KeyMap[k] = 256 + k;
    io.KeyMap[ImGuiKey_A] = 'A';
    io.KeyMap[ImGuiKey_C] = 'C';
    io.KeyMap[ImGuiKey_V] = 'V';
    io.KeyMap[ImGuiKey_X] = 'X';
    io.KeyMap[ImGuiKey_Y] = 'Y';
    io.KeyMap[ImGuiKey_Z] = 'Z';
    frames(2);  // the first frame lays windows out
  }
  ~Headless() { ImGui::DestroyContext(ctx_); }
  Headless(const Headless&) = delete;
  Headless& operator=(const Headless&) = delete;

  void frame() {
    ImGui::NewFrame();
    draw_app(state);
    ImGui::Render();
    REQUIRE(ImGui::GetDrawData() != nullptr);
  }
  void frames(int n) {
    for (int i = 0; i < n; ++i) frame();
  }

  /// The rectangle recorded under `name` in the last frame (fails the test if none).
  Rect rect(const std::string& name) {
    const auto it = state.view.rects.find(name);
    REQUIRE_MESSAGE(it != state.view.rects.end(), "no widget recorded as " << name);
    return it->second;
  }
  [[nodiscard]] bool drawn(const std::string& name) const {
    return state.view.rects.count(name) != 0;
  }

  /// Press and release the left button over the widget (hover and press in one
  /// frame works; buttons fire on release).
  void click(const std::string& name) {
    const Rect r = rect(name);
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(r.cx(), r.cy());
    io.MouseDown[0] = true;
    frame();
    io.MouseDown[0] = false;
    frame();
    frame();  // an edit made on release is re-planned at the end of that frame: draw it
  }

  /// The mouse moves onto the widget (one frame) before it is used, as a hand does: a tab
  /// in another child window than the one last hovered ignores a press without it.
  void point_at(const std::string& name) {
    const Rect r = rect(name);
    ImGui::GetIO().MousePos = ImVec2(r.cx(), r.cy());
    frame();
  }
  void hand_click(const std::string& name) {
    point_at(name);
    click(name);
  }
  void hand_type(const std::string& name, const std::string& text) {
    point_at(name);
    type_into(name, text);
  }

  /// Click the text field (which selects its text), type over it, let the edit land.
  void type_into(const std::string& name, const std::string& text) {
    click(name);
    key_chord(ImGuiKey_A, true);  // select all, whatever the field's flags
    ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
    frames(2);
  }

  void key_chord(ImGuiKey key, bool ctrl = false, bool shift = false) {
    ImGuiIO& io = ImGui::GetIO();
    const int code = io.KeyMap[key];
    io.KeyCtrl = ctrl;
    io.KeyShift = shift;
    io.KeysDown[code] = true;
    frame();
    io.KeysDown[code] = false;
    io.KeyCtrl = false;
    io.KeyShift = false;
    frame();
  }

  /// Open a combo and pick the entry recorded as `entry`.
  void choose(const std::string& combo, const std::string& entry) {
    click(combo);
    frames(2);  // a popup is sized on its first frame and placed on the next
    click(entry);
  }

  /// Move the mouse away so nothing stays hovered.
  void release_mouse() {
    ImGui::GetIO().MousePos = ImVec2(-1, -1);
    frame();
  }

 private:
  ImGuiContext* ctx_;

 public:
  AppState state;
};

}  // namespace lb::gui::test
