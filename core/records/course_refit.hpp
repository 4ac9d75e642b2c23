// The next-session estimate refitted to the patient's own draws (issue 16). Production —
// the untreated trend g at the latest value — is fitted from every untreated interval
// (a re-equilibrated post draw to the next session's pre draw); the intravascular fraction f
// (two-compartment solutes) from the latest session with a pre and a re-equilibrated post
// draw, with the fitted production. Both fits run the same closed forms the planner uses
// (kinetics/compartment.hpp: after_interval, after_session), so a refitted course is the
// planner's model with the patient's parameters, not a second model:
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
#include "units/quantities.hpp"

namespace lb::records {

/// One measured value a fit used.
struct Draw {
  int session = 0;     ///< 1-based within the course
  std::string timing;  ///< "pre" or "post"
  std::string drawn_at;
  std::string value;  ///< as entered
};

struct FittedParameter {
  std::string name;     ///< "g (untreated trend at 4.10 mg/dL)", "f (intravascular fraction)"
  std::string value;    ///< "+0.40 mg/dL per 24 h", "0.52"
  std::string formula;  ///< how it was fitted
  std::vector<Draw> draws;
};

/// One recorded session as the fit sees it.
struct FitSession {
  const SessionInput* data = nullptr;
  std::optional<units::Volume> plasma_volume;  ///< from the session's stored plan
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
  std::optional<units::Fraction> fitted_fraction;  ///< f, when fitted
  /// Parameters kept at the protocol's value, and why ("T: needs a draw during the refill").
  std::vector<std::string> kept;
  std::optional<Draw> from;                        ///< the draw the estimate starts from
  std::optional<kinetics::SolutePrediction> next;  ///< one more session like the latest
  std::string note;  ///< why there is no estimate, when `next` is unset
};

/// "post 1 (2026-11-21T06:00:00Z, 2.48 mg/dL)"; several joined with ", ".
std::string draw_text(const Draw& d);
std::string draws_text(const std::vector<Draw>& draws);

/// Unset when the protocol models no such solute or the course has no draw of it.
std::optional<CourseRefit> refit_course(const CourseRefitInput& in);

}  // namespace lb::records
