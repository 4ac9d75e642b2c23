#include "patient/patient.hpp"

#include "patient/names.hpp"
#include "text/enum_names.hpp"

namespace lb::patient {

std::string_view to_string(Diagnosis d) { return names::kDiagnosis.name(d); }

std::string_view to_string(Ascites a) { return names::kAscites.name(a); }

const std::vector<std::pair<std::string, Etiology>>& etiology_words() {
  static const auto kWords = names::kEtiology.options();
  return kWords;
}

std::string_view to_string(Etiology e) { return names::kEtiology.name(e); }

}  // namespace lb::patient
