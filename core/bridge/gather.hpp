// Gathers the bridge view's inputs for one patient from the records store: every stored
// plan's patient file (its labs, clinical values and the scores computed from them, at the
// draw time and tag its `bridge:` section states), every recorded session's pre and post labs
// (tagged from the session times), the course's anchors and the latest plan's predictions.
// Reads only: nothing is written and no plan is recomputed.
#pragma once

#include <string>

#include "bridge/observation.hpp"
#include "diag/diagnostic.hpp"

namespace lb::records {
class Store;
}

namespace lb::bridge {

struct Gathered {
  BridgeInputs inputs;
  diag::Diagnostics diagnostics;  ///< problems in the patient files' `bridge:` sections
};

/// Throws records::InputError for an unknown patient or one without a stored plan.
Gathered gather_inputs(records::Store& store, const std::string& patient, Epoch at);

}  // namespace lb::bridge
