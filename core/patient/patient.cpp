#include "patient/patient.hpp"

namespace lb::patient {

std::string_view to_string(Diagnosis d) {
  switch (d) {
    case Diagnosis::alf: return "alf";
    case Diagnosis::subacute_lf: return "subacute_lf";
    case Diagnosis::aclf: return "aclf";
    case Diagnosis::chronic_lf: return "chronic_lf";
    case Diagnosis::other: return "other";
  }
  return "other";
}

std::string_view to_string(Ascites a) {
  switch (a) {
    case Ascites::none: return "none";
    case Ascites::mild: return "mild";
    case Ascites::moderate_severe: return "moderate_severe";
  }
  return "none";
}

}  // namespace lb::patient
