// The records lab chart's data: for each analyte recorded in a course, every
// observed value at its draw time and, for sessions whose solute the protocol
// models, the model's line from the value before the session to the value it
// predicts at the post draw (review_course's refitted ratio, LiverBridge clinical reference §7).
// Values are shown in the unit the first value was entered in, converted
// through the unit parser; values of another dimension (mg/dL vs µmol/L) are
// counted and left out, never converted by guess. The GUI only draws this.
#pragma once

#include <string>
#include <vector>

#include "records/model.hpp"
#include "records/review.hpp"

namespace lb::records {

struct LabPoint {
  double hours = 0.0;  ///< since the course's first record (session start or draw)
  double value = 0.0;  ///< in the series' unit
  int session = 0;     ///< 1-based within the course
  std::string timing;  ///< "pre" or "post"
};

/// One predicted line: the observed value before a session and the model's value at its post draw.
struct PredictedLine {
  LabPoint before, predicted;
};

struct LabSeries {
  std::string analyte;
  std::string unit;  ///< as first entered ("mg/dL"); "" for plain numbers such as INR
  std::vector<LabPoint> observed;
  std::vector<PredictedLine> predicted;
  int other_units = 0;  ///< values left out: entered in a unit of another dimension

  [[nodiscard]] bool modelled() const { return !predicted.empty(); }
};

/// The series of every analyte, modelled ones first, each group in analyte order.
std::vector<LabSeries> lab_series(const std::vector<SessionRecord>& sessions,
                                  const CourseReview& review);

}  // namespace lb::records
