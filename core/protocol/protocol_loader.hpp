// Reads protocol YAML (schema: protocols/README.md) into a Protocol, reporting
// every problem at once as file:line:col diagnostics, and finds bundled
// protocols by id.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "protocol/protocol.hpp"

namespace lb::protocol {

struct ProtocolLoad {
  std::optional<Protocol> protocol;  ///< set only when there are no errors
  std::string text;                  ///< the exact bytes read (hashed into plans)
  std::string file;
  diag::Diagnostics diagnostics;
};

ProtocolLoad parse_protocol(std::string_view text, const std::string& file);
ProtocolLoad load_protocol_file(const std::string& path);

struct BundledProtocol {
  std::string id, version, title, path;
};

/// Protocols in `dir` (*.yaml), sorted by id; files that fail to load are skipped
/// and reported in `problems`.
std::vector<BundledProtocol> list_protocols(const std::string& dir, diag::Diagnostics& problems);

/// Resolves FILE|ID: an existing file path is loaded; otherwise `ref` is looked
/// up as a protocol id in `dir`.
ProtocolLoad resolve_protocol(const std::string& ref, const std::string& dir);

}  // namespace lb::protocol
