#include "sim/run/pacing.hpp"

#include <cmath>
#include <stdexcept>

namespace lb::sim::run {

Pacer::Pacer(double speed) : speed_(speed) {
  if (!(speed > 0.0) || !std::isfinite(speed)) {
    throw std::invalid_argument("the speed must be a finite number above 0");
  }
}

void Pacer::set_speed(double now_s, double speed) {
  if (!(speed > 0.0) || !std::isfinite(speed)) {
    throw std::invalid_argument("the speed must be a finite number above 0");
  }
  if (!paused_) banked_s_ += (now_s - since_) * speed_;
  since_ = now_s;
  speed_ = speed;
}

void Pacer::pause(double now_s) {
  if (paused_) return;
  banked_s_ += (now_s - since_) * speed_;
  since_ = now_s;
  paused_ = true;
}

void Pacer::resume(double now_s) {
  if (!paused_) return;
  since_ = now_s;
  paused_ = false;
}

scenario::SimTime Pacer::target(double now_s) const {
  const double run = banked_s_ + (paused_ ? 0.0 : (now_s - since_) * speed_);
  return static_cast<scenario::SimTime>(std::floor(run));
}

}  // namespace lb::sim::run
