// The simulation engine: a virtual patient and a plasma-exchange device run in fixed steps
// (1 s while a session is connected, 60 s between sessions), the sub-models in the fixed
// order of docs/simulation.md §Order of a step. Pure: no clock, no I/O, no randomness (random
// events are pre-rolled by the scenario and arrive as actions).
//
// Determinism: the whole future of a run is in the kernel (kernel.hpp), so a snapshot is a
// copy of it and restore + continue is the uninterrupted run, bit for bit.
#pragma once

#include <vector>

#include "patient/patient.hpp"
#include "sim/model/action.hpp"
#include "sim/model/device.hpp"
#include "sim/model/kernel.hpp"
#include "sim/model/parameters.hpp"
#include "sim/model/session_setup.hpp"
#include "sim/model/solutes.hpp"
#include "sim/model/state.hpp"

namespace lb::sim {

/// Everything that decides the future of a run (a value type).
struct Snapshot {
  kernel::Kernel kernel;
};

/// The engine's step lengths.
inline constexpr double kSessionStepSeconds = 1.0;
inline constexpr double kBetweenStepSeconds = 60.0;

/// Step lengths (configuration, not state: a snapshot does not carry them).
struct EngineOptions {
  double session_step_s = kSessionStepSeconds;
  /// Between sessions; the benchmark sets 1 s to time a whole day at 1 s steps.
  double between_step_s = kBetweenStepSeconds;
};

class Engine {
 public:
  /// `sessions` in course order (session_setup for each); `solutes` from solute_models
  /// (may be empty: bilirubin and ammonia are then not simulated).
  Engine(Parameters parameters, const patient::Patient& patient, std::vector<SessionSetup> sessions,
         SoluteModels solutes = {}, EngineOptions options = {});

  /// One step: 1 s while a session is connected (running, paused, rinse-back), otherwise
  /// 60 s, or less so that the next session connects at its planned start.
  void step();
  /// Steps until `elapsed() >= t`.
  void run_until(units::Duration t);
  /// Applies an action now (before the next step's sub-models).
  void apply(const Action& action);

  [[nodiscard]] State state() const;
  [[nodiscard]] units::Duration elapsed() const { return units::seconds(k_.elapsed_s); }
  [[nodiscard]] Snapshot snapshot() const { return Snapshot{k_}; }
  void restore(const Snapshot& s) { k_ = s.kernel; }

  /// The plain-number state and ledgers (tests, traces).
  [[nodiscard]] const kernel::Kernel& kernel() const { return k_; }
  [[nodiscard]] const kernel::Body& body() const { return body_; }
  [[nodiscard]] const Parameters& parameters() const { return p_; }
  [[nodiscard]] const EngineOptions& options() const { return options_; }
  [[nodiscard]] const std::vector<SessionSetup>& sessions() const { return sessions_; }
  /// Amounts the ledgers check: mmol of citrate and calcium, L of deficit, µmol of solutes.
  [[nodiscard]] double solute_amount(protocol::Solute s) const;

 private:
  void connect(int index);
  void set_device(double inlet_l_min, double ratio);
  [[nodiscard]] kernel::DeviceConstants constants() const;
  void apply_device_action(const Action& a);
  /// The session has ended: its calcium infusion stops (docs/simulation.md §Actions).
  void end_calcium_infusion();

  Parameters p_;
  EngineOptions options_;
  kernel::Body body_;
  std::vector<SessionSetup> sessions_;
  std::vector<SoluteModel> solutes_;
  FactorModels factors_;  ///< prothrombin activity and fibrinogen (factors.hpp)
  kernel::Kernel k_;
};

}  // namespace lb::sim
