// "Did you mean ...?" suggestions for misspelt keys, units and choices.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lb::text {

/// Optimal-string-alignment edit distance (insert, delete, substitute,
/// transpose adjacent), comparing ASCII letters case-insensitively.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word`, if it is close enough to be a plausible
/// typo (1 edit for words of up to 3 letters, else max(2, length/3)); ties go to the earlier
/// candidate.
std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates);

/// " (did you mean 'x'?)" or "" — ready to append to a message.
std::string did_you_mean_suffix(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace lb::text
