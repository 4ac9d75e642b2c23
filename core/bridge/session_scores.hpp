// The scores the rules read (MELD, UKELD, Child-Pugh, AARC, CLIF-C OF and ACLF, organ
// failures), computed again from the labs recorded with the sessions when those were drawn
// after the patient file's labs: the latest stored patient file with each such lab replaced
// by its latest recorded draw. Each score row names the recorded draws it used, with their
// times and tags, and where its other inputs come from. Part of bridge/gather.cpp.
#pragma once

#include <vector>

#include "bridge/observation.hpp"
#include "patient/patient.hpp"
#include "protocol/score_settings.hpp"

namespace lb::bridge::detail {

/// `file` and `file_stamp`: the latest patient file and its draw time, tag and source;
/// `session_labs`: the recorded session labs (observations with draw times). Empty when no
/// recorded lab a score uses is newer than the file's labs (the file's scores then stand).
/// A patient file without a draw time describes the patient before the course it plans, so
/// every recorded draw counts as newer.
std::vector<Observation> session_scores(const patient::Patient& file,
                                        const scores::ScoreSettings& settings,
                                        const Observation& file_stamp,
                                        const std::vector<Observation>& session_labs, Epoch at);

}  // namespace lb::bridge::detail
