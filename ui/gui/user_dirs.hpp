// Where the GUI keeps the user's things (XDG base directories): window layout
// in the config directory, autosave and user protocols in the data directory.
#pragma once

#include <string>

namespace lb::gui {

struct UserDirs {
  std::string config;     ///< $XDG_CONFIG_HOME/liverbridge or ~/.config/liverbridge
  std::string data;       ///< $XDG_DATA_HOME/liverbridge or ~/.local/share/liverbridge
  std::string protocols;  ///< <data>/protocols
  std::string autosave;   ///< <data>/autosave-patient.yaml
  std::string ini;        ///< <config>/imgui.ini
};

/// Resolves the directories from the environment (does not create them).
/// Empty strings when neither XDG_* nor HOME is set.
UserDirs user_dirs_from_environment();
/// The same for explicit base directories (tests).
UserDirs user_dirs_in(const std::string& config_base, const std::string& data_base);

/// Creates `dir` and its parents; false (and `error` set) when it cannot.
bool ensure_directory(const std::string& dir, std::string& error);

}  // namespace lb::gui
