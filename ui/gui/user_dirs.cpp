#include "gui/user_dirs.hpp"

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "io/atomic_write.hpp"

namespace lb::gui {

namespace {

std::string env_or_empty(const char* name) {
  const char* v = std::getenv(name);
  return (v != nullptr && *v == '/') ? std::string(v) : std::string();  // XDG: absolute only
}

}  // namespace

UserDirs user_dirs_in(const std::string& config_base, const std::string& data_base) {
  UserDirs d;
  if (!config_base.empty()) {
    d.config = config_base + "/liverbridge";
    d.ini = d.config + "/imgui.ini";
  }
  if (!data_base.empty()) {
    d.data = data_base + "/liverbridge";
    d.protocols = d.data + "/protocols";
    d.autosave = d.data + "/autosave-patient.yaml";
  }
  return d;
}

UserDirs user_dirs_from_environment() {
  const std::string home = env_or_empty("HOME");
  std::string config = env_or_empty("XDG_CONFIG_HOME");
  std::string data = env_or_empty("XDG_DATA_HOME");
  if (config.empty() && !home.empty()) config = home + "/.config";
  if (data.empty() && !home.empty()) data = home + "/.local/share";
  return user_dirs_in(config, data);
}

bool ensure_directory(const std::string& dir, std::string& error) {
  if (dir.empty()) {
    error = "no user directory (neither XDG_* nor HOME is set)";
    return false;
  }
  try {
    io::create_private_directories(dir);  // the autosave holds patient data: 0700
  } catch (const std::system_error& e) {
    error = e.what();
    return false;
  }
  return true;
}

}  // namespace lb::gui
