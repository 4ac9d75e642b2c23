#include "text/did_you_mean.hpp"

#include <algorithm>
#include <cctype>

namespace lb::text {

namespace {
char fold(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }
}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1, 0));
  for (std::size_t i = 0; i <= n; ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= m; ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = fold(a[i - 1]) == fold(b[j - 1]) ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && fold(a[i - 1]) == fold(b[j - 2]) && fold(a[i - 2]) == fold(b[j - 1])) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[n][m];
}

std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates) {
  // Nobody misspells a 100-character word; skipping them also bounds the
  // quadratic edit distance on hostile input (a 1 MiB "unit" or key).
  constexpr std::size_t kMaxWord = 100;
  if (word.size() > kMaxWord) return std::nullopt;
  // One edit for short words (avoids "alf" -> "aclf"-style noise), more for long ones.
  const std::size_t limit = word.size() <= 3 ? 1 : std::max<std::size_t>(2, word.size() / 3);
  std::optional<std::string> best;
  std::size_t best_distance = limit + 1;
  for (const auto& candidate : candidates) {
    // The distance is at least the difference in length.
    if (std::max(word.size(), candidate.size()) - std::min(word.size(), candidate.size()) > limit) {
      continue;
    }
    const std::size_t dist = edit_distance(word, candidate);
    if (dist < best_distance) {
      best_distance = dist;
      best = candidate;
    }
  }
  return best;
}

std::string did_you_mean_suffix(std::string_view word, const std::vector<std::string>& candidates) {
  if (auto match = closest_match(word, candidates)) return " (did you mean '" + *match + "'?)";
  return "";
}

}  // namespace lb::text
