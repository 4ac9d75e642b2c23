#include "patient/patient.hpp"

#include "patient/names.hpp"

namespace lb::patient {

std::string_view to_string(Diagnosis d) { return names::kDiagnosis.name(d); }

std::string_view to_string(Ascites a) { return names::kAscites.name(a); }

const std::vector<std::pair<std::string, Etiology>>& etiology_words() {
  static const std::vector<std::pair<std::string, Etiology>> kWords = {
      {"paracetamol", Etiology::paracetamol},
      {"hav", Etiology::hav},
      {"hbv", Etiology::hbv},
      {"hcv", Etiology::hcv},
      {"hev", Etiology::hev},
      {"alcohol", Etiology::alcohol},
      {"drug_induced", Etiology::drug_induced},
      {"halothane", Etiology::halothane},
      {"autoimmune", Etiology::autoimmune},
      {"wilson", Etiology::wilson},
      {"budd_chiari", Etiology::budd_chiari},
      {"ischemic", Etiology::ischemic},
      {"pregnancy", Etiology::pregnancy},
      {"mushroom", Etiology::mushroom},
      {"indeterminate", Etiology::indeterminate},
      {"other", Etiology::other},
  };
  return kWords;
}

std::string_view to_string(Etiology e) {
  for (const auto& [word, value] : etiology_words()) {
    if (value == e) return word;
  }
  return "other";
}

}  // namespace lb::patient
