// Entry point of the LiverBridge window (`liverbridge` with no sub-command).
#pragma once

#include <string>

namespace lb::gui {

struct GuiOptions {
  std::string protocols_dir;  ///< bundled protocols (from --protocols-dir / env / data_dirs.hpp)
  std::string patient;        ///< --patient FILE
  std::string protocol;       ///< --protocol FILE|ID
  std::string screenshot;     ///< --screenshot FILE.png: render, write the PNG, exit
  std::string size;           ///< --size WxH (window size in pixels)
  std::string view;           ///< --view NAME: plan, schedule, scores, records, records-session,
                              ///< records-audit, sim-library, sim-bedside, sim-instructor
                              ///< (view_names(), records_state.hpp)
  std::string db;             ///< --db FILE: the records database (default as the CLI's)
  std::string scenario;       ///< --scenario FILE|ID: the training scenario of the sim-* views
  long long sim_time = 0;     ///< --sim-time SECONDS: run the scenario this far first
  std::string actions;        ///< --actions SCRIPT: replay this action script up to --sim-time
  int bench_frames = 0;       ///< --bench-frames N: time N frames of the simulation at ×60
};

/// Opens the window and runs until it is closed. Returns the exit code: 0, or
/// 2 when there is no display (the message points to the command line) or the
/// screenshot cannot be written.
int run_gui(const GuiOptions& options);

}  // namespace lb::gui
