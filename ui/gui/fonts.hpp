// The GUI's font: DejaVu Sans (Debian fonts-dejavu-core) found at run time,
// with the glyphs clinicians write (µ ³ ≥ ≤ × ± ° Greek, subscripts, arrows).
#pragma once

#include <string>

namespace lb::gui {

/// Base font size in pixels at content scale 1.
inline constexpr float kBaseFontPixels = 17.0f;

/// Rebuilds the font atlas of the current ImGui context for `scale`. Returns
/// "" when DejaVu Sans was loaded, else a message saying which built-in font is
/// used instead and how to fix it (also printed to stderr by the caller).
/// $LIVERBRIDGE_FONT names another TTF file to try first.
std::string load_fonts(float scale);

}  // namespace lb::gui
