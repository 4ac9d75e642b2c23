// SHA-256 of protocol text, so every plan names the exact protocol bytes it
// was computed from (OpenSSL's implementation, Debian libssl-dev).
#pragma once

#include <string>
#include <string_view>

namespace lb::io {

/// Lower-case hex digest.
std::string sha256_hex(std::string_view data);

}  // namespace lb::io
