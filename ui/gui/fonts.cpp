#include "gui/fonts.hpp"

#include <imgui.h>

#include <array>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <vector>

#include "gui/gui_common.hpp"

namespace lb::gui {

namespace {

// Latin-1 (µ ³ ± ° ×), Greek, general punctuation (– — • ‰), super/subscripts
// (⁹ ₂), letterlike symbols, arrows (→), mathematical operators (≥ ≤ ≈ −),
// geometric shapes (● ▸).
constexpr std::array<ImWchar, 17> kRanges = {0x0020, 0x00FF, 0x0370, 0x03FF, 0x2000, 0x206F,
                                             0x2070, 0x209F, 0x2100, 0x214F, 0x2190, 0x21FF,
                                             0x2200, 0x22FF, 0x25A0, 0x25FF, 0};

bool readable(const std::string& path) {
  std::error_code ec;
  if (path.empty() || !std::filesystem::is_regular_file(path, ec)) return false;
  return std::ifstream(path, std::ios::binary).good();
}

std::string first_readable(const std::vector<std::string>& candidates) {
  for (const auto& c : candidates) {
    if (readable(c)) return c;
  }
  return {};
}

}  // namespace

std::string load_fonts(float scale) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  set_bold_font(nullptr);
  set_large_font(nullptr);
  const float pixels = std::round(kBaseFontPixels * scale);

  std::vector<std::string> regular;
  if (const char* env = std::getenv("LIVERBRIDGE_FONT"); env != nullptr && *env != '\0') {
    regular.emplace_back(env);
  }
  for (const char* dir : {"/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/TTF",
                          "/usr/share/fonts/dejavu", "/usr/local/share/fonts"}) {
    regular.push_back(std::string(dir) + "/DejaVuSans.ttf");
  }
  const std::string path = first_readable(regular);
  ImFontConfig config;
  config.OversampleH = 2;
  config.OversampleV = 1;
  if (!path.empty() &&
      io.Fonts->AddFontFromFileTTF(path.c_str(), pixels, &config, kRanges.data()) != nullptr) {
    const std::string bold_path =
        std::filesystem::path(path).replace_filename("DejaVuSans-Bold.ttf").string();
    if (readable(bold_path)) {
      set_bold_font(
          io.Fonts->AddFontFromFileTTF(bold_path.c_str(), pixels, &config, kRanges.data()));
      // The monitor's numerals (ui/sim/monitor_panel.cpp): bold at 2.2 times, Latin only.
      static const ImWchar kLatin[] = {0x0020, 0x00FF, 0};
      ImFontConfig large;
      large.OversampleH = 1;
      large.OversampleV = 1;
      set_large_font(
          io.Fonts->AddFontFromFileTTF(bold_path.c_str(), pixels * 2.2f, &large, kLatin));
    }
    io.Fonts->Build();
    return {};
  }
  io.Fonts->Clear();
  ImFontConfig fallback;
  fallback.SizePixels = std::round(13.0f * scale);
  io.Fonts->AddFontDefault(&fallback);
  io.Fonts->Build();
  return "DejaVuSans.ttf was not found (install the Debian package fonts-dejavu-core, or set "
         "LIVERBRIDGE_FONT to a TTF file); using ImGui's built-in font, which has no \u00b5, "
         "\u00b3, \u2265 or Greek letters";
}

}  // namespace lb::gui
