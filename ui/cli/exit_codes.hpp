// Exit codes of the liverbridge command (documented in README.md).
#pragma once

namespace lb::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitBadInput = 2;  ///< invalid file, usage error, or a plan that is not ready
inline constexpr int kExitInternal = 3;  ///< a bug: please report it

}  // namespace lb::cli
