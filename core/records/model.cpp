#include "records/model.hpp"

namespace lb::records {

const std::vector<std::string>& adverse_event_names() {
  // Complications reported for therapeutic plasma exchange (ASFA; LiverBridge clinical reference
  // §9, §5.4 for citrate). "other" needs the free-text note.
  static const std::vector<std::string> kNames = {"hypotension",
                                                  "citrate_reaction",
                                                  "hypocalcemia",
                                                  "allergic_reaction",
                                                  "anaphylaxis",
                                                  "bleeding",
                                                  "access_problem",
                                                  "circuit_clotting",
                                                  "hemolysis",
                                                  "arrhythmia",
                                                  "fever_chills",
                                                  "nausea_vomiting",
                                                  "transfusion_reaction",
                                                  "other"};
  return kNames;
}

}  // namespace lb::records
