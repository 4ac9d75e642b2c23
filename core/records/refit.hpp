// One session's refit in the course review: the predicted post/pre ratio with the protocol's
// parameters, the intravascular fraction f fitted to the measured pre and re-equilibrated
// post draws, and the volume per session that reaches the plan's predicted fall with the
// fitted f. The numbers come from the kinetics engine (fraction_fit.hpp, run by the course
// refit, course_refit.hpp); here they become Derived figures whose inputs are the draws with
// their times and whose source is the model's. A model estimate, never an order.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "explain/derivation.hpp"
#include "units/quantities.hpp"

namespace lb::records {

/// One measured value a fit used.
struct Draw {
  int session = 0;     ///< 1-based within the course
  std::string timing;  ///< "pre" or "post"
  std::string drawn_at;
  std::string value;  ///< as entered
};

/// "post 1 (2026-11-21T06:00:00Z, 2.48 mg/dL)"; several joined with ", ".
std::string draw_text(const Draw& d);
std::string draws_text(const std::vector<Draw>& draws);

struct Refit {
  explain::Derived<units::Fraction> exchanged_plasma_volumes;  ///< x
  explain::Derived<units::Fraction> predicted_ratio;           ///< with the protocol's f
  std::optional<explain::Derived<units::Fraction>> fitted_fraction;
  /// The protocol's f with its published range, shown beside the fitted one.
  std::string published_fraction;
  /// The volume per session that reaches the plan's predicted fall with the fitted f.
  std::optional<explain::Derived<units::Volume>> replanned_volume;
  std::string note;  ///< why no fit or no re-planned volume, when unset
};

/// What every figure of one session's refit states: the analyte, its draws, the model held.
struct RefitContext {
  std::string analyte;
  Draw pre;
  Draw post;
  std::string session_times;  ///< "2026-11-20T08:00:00Z to 2026-11-20T12:00:00Z"
  /// The parameters held at their protocol or fitted value ("T 12 h", "g none", ...).
  std::vector<explain::Input> held;
  std::string source;  ///< the model's citation
};

/// x = V_removed / PV.
explain::Derived<units::Fraction> plasma_volumes_figure(const RefitContext& c, double removed_ml,
                                                        double pv_ml);
/// C_post/C_pre through the engine with the protocol's f.
explain::Derived<units::Fraction> predicted_ratio_figure(const RefitContext& c, double ratio,
                                                         double protocol_f, double x);
/// The f at which the engine gives the measured post value; `published` is the protocol's f
/// with its range, shown beside the fitted value.
explain::Derived<units::Fraction> fitted_fraction_figure(const RefitContext& c, double f, double x,
                                                         const std::string& published);
/// The volume per session at which the engine with the fitted f gives the plan's predicted
/// post value.
explain::Derived<units::Volume> replanned_volume_figure(const RefitContext& c, double volume_ml,
                                                        double fitted_f, double protocol_f,
                                                        double x_plan, double pv_ml);

}  // namespace lb::records
