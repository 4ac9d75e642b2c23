// Lab orders of a simulated run. An order draws the patient's state at the moment of the draw
// (the values of the observables its panel reports), adds assay noise and reports the result
// after the panel's turnaround. The noise of the n-th order of a panel comes from its own
// stream ("lab/<panel>/<n>" of the run's seed): ordering more or fewer labs never changes a
// random event or another order's noise, and a seed replays every result exactly.
// Turnaround and noise are scenario values (scenario.hpp LabPanel).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/events/conditions.hpp"
#include "sim/scenario/scenario.hpp"

namespace lb::sim::labs {

using scenario::SimTime;

struct Reported {
  std::string variable;
  double value = 0.0;  ///< in `unit`, noise included
  std::string unit;
};

struct LabResult {
  std::string panel;
  int order = 0;  ///< 1-based number of this panel's order in the run
  SimTime drawn = 0;
  SimTime due = 0;
  std::vector<Reported> values;
};

class LabQueue {
 public:
  LabQueue(std::vector<scenario::LabPanel> panels, std::uint64_t seed);

  /// Draws `panel` now from `values`. Throws std::out_of_range for a panel the scenario does
  /// not offer (the runner checks first with offers()).
  LabResult order(SimTime t, const std::string& panel, const events::Lookup& values);
  [[nodiscard]] bool offers(const std::string& panel) const;
  /// Results due at or before `t` that have not been returned yet, in due-time order.
  std::vector<LabResult> due(SimTime t);
  /// The latest reported value of `variable` (for lab alarms), or nullopt.
  [[nodiscard]] std::optional<double> latest(std::string_view variable) const;
  /// Orders drawn and not reported yet, in order of drawing (the window's pending list).
  [[nodiscard]] const std::vector<LabResult>& pending() const { return pending_; }
  /// The panels this run's lab offers, with their turnaround.
  [[nodiscard]] const std::vector<scenario::LabPanel>& panels() const { return panels_; }

 private:
  std::vector<scenario::LabPanel> panels_;
  std::uint64_t seed_;
  std::vector<LabResult> pending_;
  std::vector<Reported> latest_;
  std::vector<std::pair<std::string, int>> counts_;
};

}  // namespace lb::sim::labs
