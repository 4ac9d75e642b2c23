// The thin platform shell: a GLFW window with an OpenGL 3 context, the ImGui
// GLFW/OpenGL3 backends, fonts at the monitor's content scale, imgui.ini in
// the user's config directory (saved atomically), autosave, the close prompt,
// and --screenshot. Everything drawn comes from draw_app(AppState&).
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <stb_image_write.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "gui/app_state.hpp"
#include "gui/data_dirs.hpp"
#include "gui/fonts.hpp"
#include "gui/gui.hpp"
#include "gui/panels.hpp"
#include "io/atomic_write.hpp"
#include "sim/scenario/script_loader.hpp"
#include "sim/sim_panels.hpp"
#include "sim/sim_state.hpp"

namespace lb::gui {

namespace {

std::string g_glfw_error;  // last GLFW error text, for the "no display" message

void on_glfw_error(int code, const char* text) {
  g_glfw_error = "GLFW error " + std::to_string(code) + ": " + (text ? text : "");
}

bool parse_size(const std::string& text, int& w, int& h) {
  return std::sscanf(text.c_str(), "%dx%d", &w, &h) == 2 && w >= 320 && h >= 240 && w <= 16384 &&
         h <= 16384;
}

float content_scale(GLFWwindow* window) {
  if (const char* env = std::getenv("LIVERBRIDGE_UI_SCALE"); env != nullptr && *env != '\0') {
    const float forced = std::strtof(env, nullptr);
    if (forced >= 0.5f && forced <= 4.0f) return forced;
  }
  float x = 1.0f, y = 1.0f;
  glfwGetWindowContentScale(window, &x, &y);
  return std::clamp(std::max(x, y), 0.5f, 4.0f);
}

void apply_style(float scale) {
  ImGuiStyle& style = ImGui::GetStyle();
  style = ImGuiStyle();
  ImGui::StyleColorsDark(&style);
  style.WindowRounding = 4.0f;
  style.ChildRounding = 4.0f;
  style.FrameRounding = 3.0f;
  style.FramePadding = ImVec2(6.0f, 4.0f);
  style.ItemSpacing = ImVec2(8.0f, 5.0f);
  style.Colors[ImGuiCol_WindowBg] = ImVec4(0.10f, 0.11f, 0.13f, 1.0f);
  style.Colors[ImGuiCol_ChildBg] = ImVec4(0.12f, 0.13f, 0.15f, 1.0f);
  style.Colors[ImGuiCol_Text] = ImVec4(0.94f, 0.95f, 0.96f, 1.0f);
  // Opaque popups and dialogs: the plan behind a dialog must not show through its text.
  style.Colors[ImGuiCol_PopupBg] = ImVec4(0.13f, 0.14f, 0.17f, 1.0f);
  style.ScaleAllSizes(scale);
}

bool write_png(const std::string& path, int w, int h) {
  std::vector<unsigned char> pixels(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  for (std::size_t i = 3; i < pixels.size(); i += 4) pixels[i] = 255;  // opaque
  stbi_flip_vertically_on_write(1);                                    // GL's origin is bottom-left
  return stbi_write_png(path.c_str(), w, h, 4, pixels.data(), w * 4) != 0;
}

void save_ini(const AppState& s) {
  if (!s.persist || s.dirs.ini.empty()) return;
  std::string error;
  if (!ensure_directory(s.dirs.config, error)) return;
  std::size_t size = 0;
  const char* data = ImGui::SaveIniSettingsToMemory(&size);
  try {
    io::atomic_write(s.dirs.ini, std::string_view(data, size));
  } catch (const std::exception& e) {
    std::cerr << "liverbridge: cannot save the window layout: " << e.what() << "\n";
  }
}

/// --scenario, --sim-time and --bench-frames: start the scenario, run it to the time asked
/// and show the screen the view names. False (after saying why) when it cannot start.
bool start_simulation(AppState& s, const GuiOptions& o) {
  const bool sim_view = s.sim.active;  // a sim-* view was asked for
  const simui::Screen screen = s.sim.screen;
  const bool needs_run = sim_view && screen != simui::Screen::library;
  if (o.scenario.empty() && o.bench_frames <= 0 && !needs_run) return true;
  simui::load_library(s.sim);
  const std::string ref = !o.scenario.empty()      ? o.scenario
                          : !s.sim.library.empty() ? s.sim.library.front().id
                                                   : std::string();
  const std::string file = simui::resolve_scenario(s.sim, ref);
  if (file.empty()) {
    std::cerr << "liverbridge: --scenario: no scenario file or bundled id '" << ref << "'\n";
    return false;
  }
  if (!simui::start_scenario_file(s.sim, file)) {
    std::cerr << "liverbridge: the scenario cannot start:\n" << s.sim.problems;
    return false;
  }
  sim::scenario::Script script;
  if (!o.actions.empty()) {
    auto load = sim::scenario::load_script_file(o.actions);
    for (const auto& d : load.diagnostics.sorted()) std::cerr << diag::format(d) << "\n";
    if (!load.script) return false;
    script = std::move(*load.script);
  }
  simui::replay(s.sim, script, static_cast<simui::SimTime>(o.sim_time));
  if (sim_view) s.sim.screen = screen;
  if (screen == simui::Screen::debrief) {
    // The debrief is of a finished run; the self-rating (asked first on screen) may be given
    // for screenshots and demonstrations.
    simui::run_until(s.sim, s.sim.prepared->scenario.duration_s + 1);
    if (const char* r = std::getenv("LIVERBRIDGE_SELF_RATING");
        r != nullptr && *r >= '1' && *r <= '5') {
      simui::current_branch(s.sim)->self_rating = *r - '0';
    }
  }
  if (o.bench_frames > 0) {
    s.sim.screen = simui::Screen::bedside;
    s.sim.all_panels = true;
    s.sim.force_speed = true;
    simui::set_speed(s.sim, 60.0);
    simui::set_paused(s.sim, false);
  }
  return true;
}

/// Frame times of the benchmark, printed as mean and 95th percentile.
/// Frame times of the benchmark mode, whole and split: `build` is the simulation advancing
/// and the panels laid out (draw_app, CPU only), the rest is ImGui's draw lists rendered by
/// OpenGL and the buffer swap (software rasterising under Xvfb).
struct FrameTimes {
  std::vector<double> ms;
  std::vector<double> build_ms;
  std::vector<double> vertices;  ///< ImGui vertices drawn per frame

  static double mean(const std::vector<double>& v) {
    double sum = 0.0;
    for (const double x : v) sum += x;
    return v.empty() ? 0.0 : sum / static_cast<double>(v.size());
  }
  static double p95(std::vector<double> v) {
    if (v.empty()) return 0.0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, (v.size() * 95) / 100)];
  }
  void print(long long sim_reached) const {
    if (ms.empty()) return;
    std::printf(
        "bench: %zu frames at x60 with every simulation panel open: mean %.2f ms, "
        "p95 %.2f ms (simulated time reached %lld s); of which simulation and layout: mean "
        "%.2f ms, p95 %.2f ms; rendering and swap: the rest; %.0f vertices per frame (mean)\n",
        ms.size(), mean(ms), p95(ms), sim_reached, mean(build_ms), p95(build_ms), mean(vertices));
    (void)std::fflush(stdout);
  }
};

void load_ini(const AppState& s) {
  if (!s.persist || s.dirs.ini.empty()) return;
  try {
    const std::string text = io::read_file(s.dirs.ini);
    ImGui::LoadIniSettingsFromMemory(text.data(), text.size());
  } catch (const std::exception&) {
    // first run: no layout saved yet
  }
}

}  // namespace

int run_gui(const GuiOptions& options) {
  const bool screenshot = !options.screenshot.empty();
  int width = 1440, height = 900;
  if (!options.size.empty() && !parse_size(options.size, width, height)) {
    std::cerr << "liverbridge: --size must be WxH, e.g. 1280x800 (got '" << options.size << "')\n";
    return 2;
  }

  const auto& views = view_names();
  if (!options.view.empty() && std::find(views.begin(), views.end(), options.view) == views.end()) {
    std::cerr << "liverbridge: --view: unknown view '" << options.view << "'\n";
    return 2;
  }

  glfwSetErrorCallback(on_glfw_error);
  if (glfwInit() == GLFW_FALSE) {
    std::cerr << "liverbridge: cannot open the window: no display available ("
              << (g_glfw_error.empty() ? "glfwInit failed" : g_glfw_error) << ").\n"
              << "Use the command line instead, e.g.\n"
              << "  liverbridge plan --patient FILE --protocol ID\n"
              << "  liverbridge --help\n";
    return 2;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  if (screenshot || options.bench_frames > 0) glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
  GLFWwindow* window = glfwCreateWindow(width, height, "LiverBridge", nullptr, nullptr);
  const char* glsl = "#version 330 core";
  if (window == nullptr) {  // older drivers: a GL 3.0 context
    glfwDefaultWindowHints();
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    if (screenshot) glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
    window = glfwCreateWindow(width, height, "LiverBridge", nullptr, nullptr);
    glsl = "#version 130";
  }
  if (window == nullptr) {
    std::cerr << "liverbridge: cannot create an OpenGL 3 window (" << g_glfw_error << ").\n"
              << "Use the command line instead: liverbridge --help\n";
    glfwTerminate();
    return 2;
  }
  glfwMakeContextCurrent(window);
  glfwSwapInterval(screenshot ? 0 : 1);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // saved by us, atomically, in the user's config directory
  io.LogFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;

  AppOptions app;
  app.bundled_protocols_dir = options.protocols_dir;
  if (const char* env = std::getenv("LIVERBRIDGE_EXAMPLES_DIR"); env != nullptr && *env != '\0') {
    app.examples_dir = env;
  } else {
    app.examples_dir = program_data_dirs().examples;
  }
  app.dirs = user_dirs_from_environment();
  app.persist = !screenshot && options.bench_frames <= 0;
  app.patient_file = options.patient;
  app.protocol = options.protocol;
  app.records_db = options.db;
  if (const char* env = std::getenv("LIVERBRIDGE_SCENARIOS_DIR"); env != nullptr && *env != '\0') {
    app.scenarios_dir = env;
  } else {
    app.scenarios_dir = program_data_dirs().scenarios;
  }
  AppState state = make_app_state(app);
  if (!options.view.empty()) apply_view(state, options.view);  // checked above
  if (!start_simulation(state, options)) {
    glfwDestroyWindow(window);
    glfwTerminate();
    return 2;
  }
  const bool bench = options.bench_frames > 0;
  if (bench) glfwSwapInterval(0);
  FrameTimes frame_times;
  // For screenshots and demonstrations: which centre tab to show and the course start.
  if (const char* tab = std::getenv("LIVERBRIDGE_TAB"); tab != nullptr) state.view.select_tab = tab;
  if (const char* start = std::getenv("LIVERBRIDGE_COURSE_START"); start != nullptr) {
    state.course_start = start;
    recompute(state);
  }
  load_ini(state);

  float scale = content_scale(window);
  state.font_note = load_fonts(scale);
  if (!state.font_note.empty()) std::cerr << "liverbridge: " << state.font_note << "\n";
  apply_style(scale);

  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init(glsl);

  const int screenshot_frames = 5;  // the first frames lay out auto-sized windows
  int exit_code = 0;
  double last_autosave_check = glfwGetTime();
  for (int frame = 0;; ++frame) {
    const double frame_start = glfwGetTime();
    if (screenshot || bench) {
      glfwPollEvents();
    } else if (state.sim.active && !state.sim.paused && !state.sim.frozen) {
      glfwWaitEventsTimeout(1.0 / 60.0);  // a running simulation redraws by itself
    } else {
      glfwWaitEventsTimeout(0.25);
    }
    if (glfwWindowShouldClose(window) != 0) {
      glfwSetWindowShouldClose(window, GLFW_FALSE);
      if (patient_unsaved(state) || any_protocol_modified(state)) {
        state.view.close_requested = true;
      } else {
        state.view.quit_confirmed = true;
      }
    }
    if (state.view.quit_confirmed) break;

    if (const float now_scale = content_scale(window); now_scale != scale) {
      scale = now_scale;
      state.font_note = load_fonts(scale);
      apply_style(scale);
      ImGui_ImplOpenGL3_DestroyFontsTexture();
      ImGui_ImplOpenGL3_CreateFontsTexture();
    }

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    draw_app(state);
    ImGui::Render();
    if (bench) {
      frame_times.build_ms.push_back((glfwGetTime() - frame_start) * 1000.0);
      frame_times.vertices.push_back(static_cast<double>(ImGui::GetDrawData()->TotalVtxCount));
    }

    int fb_w = 0, fb_h = 0;
    glfwGetFramebufferSize(window, &fb_w, &fb_h);
    glViewport(0, 0, fb_w, fb_h);
    const ImVec4 backdrop = backdrop_colour(state);
    glClearColor(backdrop.x, backdrop.y, backdrop.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

    if (screenshot && frame + 1 >= screenshot_frames) {
      const bool ok = write_png(options.screenshot, fb_w, fb_h);
      std::printf("screenshot %s %s\n", options.screenshot.c_str(), ok ? "ok" : "FAILED");
      (void)std::fflush(stdout);  // LSan may leave through _exit: flush now
      exit_code = ok ? 0 : 2;
      break;
    }
    glfwSwapBuffers(window);
    if (bench) {
      frame_times.ms.push_back((glfwGetTime() - frame_start) * 1000.0);
      if (static_cast<int>(frame_times.ms.size()) >= options.bench_frames) {
        const auto* r = simui::runner(state.sim);
        frame_times.print(r != nullptr ? static_cast<long long>(r->now()) : 0);
        break;
      }
    }

    if (io.WantSaveIniSettings) {
      save_ini(state);
      io.WantSaveIniSettings = false;
    }
    const double now = glfwGetTime();
    if (state.autosave_pending && now - last_autosave_check > 2.0) {
      autosave(state);
      last_autosave_check = now;
    }
  }

  if (!screenshot) {
    if (patient_unsaved(state)) autosave(state);
    save_ini(state);
  }
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window);
  glfwTerminate();
  return exit_code;
}

}  // namespace lb::gui
