#include "protocol/session_settings.hpp"

namespace lb::protocol {

std::string_view to_string(ReplacementMix m) {
  switch (m) {
    case ReplacementMix::ffp: return "ffp";
    case ReplacementMix::albumin: return "albumin";
    case ReplacementMix::fractions: return "fractions";
    case ReplacementMix::ffp_units: return "ffp_units";
  }
  return "ffp";
}

std::string_view to_string(Anticoagulant a) {
  switch (a) {
    case Anticoagulant::citrate: return "citrate";
    case Anticoagulant::heparin: return "heparin";
    case Anticoagulant::none: return "none";
  }
  return "citrate";
}

std::string_view to_string(AcdSolution s) {
  switch (s) {
    case AcdSolution::acd_a: return "ACD-A";
    case AcdSolution::acd_b: return "ACD-B";
  }
  return "ACD-A";
}

std::string_view to_string(SeparationTechnique t) {
  switch (t) {
    case SeparationTechnique::centrifugal: return "centrifugal";
    case SeparationTechnique::membrane: return "membrane";
  }
  return "centrifugal";
}

}  // namespace lb::protocol
