// Checks that a screenshot of the LiverBridge window is a real picture of it:
// the expected size, not blank, many distinct colours, text in the menu bar and
// in each of the three columns, and a status badge (green, amber or red box
// behind the status words) in the status bar.
//   usage: lb_png_check FILE.png WIDTH HEIGHT
#include <stb_image.h>  // implementation in Debian's libstb (do not define STB_IMAGE_IMPLEMENTATION)

#include <cstdio>
#include <cstdlib>
#include <set>

namespace {

struct Image {
  int w = 0, h = 0;
  const unsigned char* px = nullptr;
  [[nodiscard]] const unsigned char* at(int x, int y) const {
    return px + (static_cast<std::size_t>(y) * static_cast<std::size_t>(w) +
                 static_cast<std::size_t>(x)) *
                    4;
  }
};

/// Share of bright ("ink": text, values) pixels in a region, in per mille.
int ink_per_mille(const Image& im, int x0, int y0, int x1, int y1) {
  long ink = 0, all = 0;
  for (int y = y0; y < y1; ++y) {
    for (int x = x0; x < x1; ++x) {
      const unsigned char* p = im.at(x, y);
      ink += (p[0] + p[1] + p[2]) > 3 * 150 ? 1 : 0;
      ++all;
    }
  }
  return all == 0 ? 0 : static_cast<int>(ink * 1000 / all);
}

/// Pixels within `tol` of one of the status colours of ui/gui/gui_common.hpp.
long badge_pixels(const Image& im, int y0, int y1) {
  const int colours[3][3] = {{92, 204, 107}, {250, 184, 51}, {255, 107, 97}};
  long n = 0;
  for (int y = y0; y < y1; ++y) {
    for (int x = 0; x < im.w; ++x) {
      const unsigned char* p = im.at(x, y);
      for (const auto& c : colours) {
        if (std::abs(p[0] - c[0]) <= 12 && std::abs(p[1] - c[1]) <= 12 &&
            std::abs(p[2] - c[2]) <= 12) {
          ++n;
          break;
        }
      }
    }
  }
  return n;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    (void)std::fprintf(stderr, "usage: lb_png_check FILE.png WIDTH HEIGHT\n");
    return 2;
  }
  const int want_w = std::atoi(argv[2]);
  const int want_h = std::atoi(argv[3]);
  int channels = 0;
  Image im;
  unsigned char* data = stbi_load(argv[1], &im.w, &im.h, &channels, 4);
  if (data == nullptr) {
    std::printf("FAIL: cannot read %s as PNG: %s\n", argv[1], stbi_failure_reason());
    return 1;
  }
  im.px = data;
  int failures = 0;
  const auto check = [&](bool ok, const char* what, long value) {
    std::printf("%s %s (%ld)\n", ok ? "ok  " : "FAIL", what, value);
    failures += ok ? 0 : 1;
  };

  check(im.w == want_w && im.h == want_h, "size is as requested (width shown)", im.w);

  std::set<unsigned> colours;
  for (int y = 0; y < im.h; y += 2) {
    for (int x = 0; x < im.w; x += 2) {
      const unsigned char* p = im.at(x, y);
      colours.insert(unsigned(p[0]) << 16 | unsigned(p[1]) << 8 | p[2]);
    }
  }
  check(colours.size() >= 64, "at least 64 distinct colours (not blank)",
        static_cast<long>(colours.size()));

  const int menu_h = im.h * 3 / 100 + 4;
  check(ink_per_mille(im, 0, 0, im.w / 3, menu_h) >= 5, "menu bar has text (per mille ink)",
        ink_per_mille(im, 0, 0, im.w / 3, menu_h));

  const int top = im.h * 6 / 100, bottom = im.h * 80 / 100;
  const int cols[3][2] = {
      {0, im.w * 35 / 100}, {im.w * 38 / 100, im.w * 62 / 100}, {im.w * 70 / 100, im.w}};
  const char* names[3] = {"patient column has text (per mille ink)",
                          "plan column has text (per mille ink)",
                          "protocol column has text (per mille ink)"};
  for (int c = 0; c < 3; ++c) {
    const int ink = ink_per_mille(im, cols[c][0], top, cols[c][1], bottom);
    check(ink >= 8, names[c], ink);
  }

  const long badge = badge_pixels(im, im.h * 88 / 100, im.h);
  check(badge >= 150, "status bar shows a status badge (pixels)", badge);

  stbi_image_free(data);
  std::printf("%s: %d check%s failed\n", argv[1], failures, failures == 1 ? "" : "s");
  return failures == 0 ? 0 : 1;
}
