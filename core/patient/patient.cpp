#include "patient/patient.hpp"

#include "patient/catalogue.hpp"

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

const std::vector<std::pair<std::string, Etiology>>& etiology_words() {
  // The catalogue's words for the field, in enum order (one list for every reader).
  static const std::vector<std::pair<std::string, Etiology>> kWords = [] {
    std::vector<std::pair<std::string, Etiology>> out;
    const auto words = find_field("etiology")->words;
    for (std::size_t i = 0; i < words.size(); ++i) {
      out.emplace_back(std::string(words[i]), static_cast<Etiology>(i));
    }
    return out;
  }();
  return kWords;
}

std::string_view to_string(Etiology e) {
  for (const auto& [word, value] : etiology_words()) {
    if (value == e) return word;
  }
  return "other";
}

}  // namespace lb::patient
