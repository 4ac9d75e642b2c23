// The next-session estimate refitted to the patient's own draws (issue 16). Production —
// the untreated trend g at the latest value — is fitted from every untreated interval
// (a re-equilibrated post draw to the next session's pre draw); the intravascular fraction f
// (two-compartment solutes) from every session with a pre and a re-equilibrated post draw,
// with the fitted production; the latest such f drives the estimate; the redistribution
// half-time T (two-compartment solutes) from every session whose post draw was taken during
// the refill, with f and g as fitted (half_time_fit.hpp). Every parameter not
// fitted is the protocol's (nominal_params: f, T, the population trend for the diagnosis,
// return, adsorber, replacement fluid). Both fits run the same closed forms the planner uses
// (kinetics/compartment.hpp: after_interval, after_session; fraction_fit.hpp), so a refitted
// course is the planner's model with the patient's parameters, not a second model:
//   interval i:  C_pre,i+1 = A_i + g·S_i   (the model is linear in g; A_i, S_i from
//                after_interval at g = 0 and g = 1)  →  g = Σ S_i·(C_i − A_i) / Σ S_i²
//   session:     C_post(f) from after_session and after_interval, solved for f by bisection
//                (C_post falls as f rises: more of the body amount is exchanged).
// The estimate then plans one session like the latest recorded one (its removed volume and
// duration), starting from the latest draw, through kinetics::predict_solute with the fitted
// trend as the patient's own (PredictionInputs::trends). A model estimate, never an order.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kinetics/predict.hpp"
#include "protocol/protocol.hpp"
#include "records/model.hpp"
#include "records/refit.hpp"
#include "units/quantities.hpp"

namespace lb::records {

/// A parameter fitted to the patient's draws, beside what the protocol publishes for it.
struct FittedParameter {
  std::string name;       ///< "g (untreated trend at 4.10 mg/dL)", "f (intravascular fraction)"
  std::string value;      ///< "+0.40 mg/dL per 24 h", "0.52"
  std::string published;  ///< "protocol 0.25 (published range 0.20–0.30)", "none given"
  std::vector<Draw> draws;
  explain::Derivation how;  ///< formula, the draws with their times, the source
};

/// One session's refit (refit.hpp), by its 1-based number in the course.
struct SessionRefit {
  int session = 0;
  Refit refit;
};

/// One recorded session as the fit sees it.
struct FitSession {
  const SessionInput* data = nullptr;
  std::optional<units::Volume> plasma_volume;     ///< from the session's stored plan
  std::optional<units::Volume> planned_exchange;  ///< the stored plan's volume per session
};

struct CourseRefitInput {
  std::string analyte;
  const protocol::SoluteKinetics* kinetics = nullptr;  ///< the latest plan's model of it
  const protocol::Protocol* protocol = nullptr;
  std::string diagnosis;  ///< the patient's diagnosis word: the default trend when none is fitted
  /// Post draws at least this long after the session ended are re-equilibrated.
  units::Duration equilibration = kDefaultEquilibration;
  std::vector<FitSession> sessions;  ///< in course order
};

struct CourseRefit {
  std::string analyte;
  std::vector<FittedParameter> fitted;
  /// g per 24 h at the latest value, when fitted (in the unit of the latest draw).
  std::optional<explain::Derived<protocol::LabValue>> fitted_trend;
  /// f from the latest session that allows a fit; the estimate runs with it.
  std::optional<explain::Derived<units::Fraction>> fitted_fraction;
  /// Every session with a pre and a re-equilibrated post draw, through the same engine and
  /// parameters (so the session rows and the estimate show one f per session).
  std::vector<SessionRefit> sessions;
  /// Parameters kept at the protocol's value, and why ("T: no post draw during the refill").
  std::vector<std::string> kept;
  std::optional<Draw> from;                        ///< the draw the estimate starts from
  std::optional<kinetics::SolutePrediction> next;  ///< one more session like the latest
  std::string note;  ///< why there is no estimate, when `next` is unset
};

/// Unset when the protocol models no such solute or the course has no draw of it.
std::optional<CourseRefit> refit_course(const CourseRefitInput& in);

}  // namespace lb::records
