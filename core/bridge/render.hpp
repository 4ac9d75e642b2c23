// Text, Markdown and JSON of the bridge view (`liverbridge bridge --format`).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "bridge/view.hpp"

namespace lb::bridge {

std::string render_text(const BridgeView& view);
std::string render_markdown(const BridgeView& view);
nlohmann::json view_json(const BridgeView& view);

}  // namespace lb::bridge
