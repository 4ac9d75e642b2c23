// Wall-clock pacing of a run, outside the runner: how far the simulation should have got
// after some wall time at a speed (×1, ×10, ×60), with pauses. The runner itself never reads a
// clock (runner.hpp), so pacing changes when steps happen, never what they do: a paced run at
// any speed, paused and resumed, writes the timeline of an unpaced one.
#pragma once

#include "sim/scenario/scenario.hpp"

namespace lb::sim::run {

class Pacer {
 public:
  /// `speed`: simulated seconds per wall second, > 0.
  explicit Pacer(double speed);

  /// Changes the speed from wall time `now_s` on (time already run keeps its old speed).
  void set_speed(double now_s, double speed);
  void pause(double now_s);
  void resume(double now_s);
  [[nodiscard]] bool paused() const { return paused_; }
  /// The simulated time the run should have reached at wall time `now_s`.
  [[nodiscard]] scenario::SimTime target(double now_s) const;

 private:
  double speed_;
  double banked_s_ = 0.0;  ///< simulated seconds run before `since_`
  double since_ = 0.0;     ///< wall time of the last speed change or resume
  bool paused_ = false;
};

}  // namespace lb::sim::run
