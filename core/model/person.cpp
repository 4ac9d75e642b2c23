#include "model/person.hpp"

#include "model/names.hpp"

namespace lb::model {

std::string_view to_string(Sex s) { return names::kSex.name(s); }

std::string_view to_string(Build b) { return names::kBuild.name(b); }

}  // namespace lb::model
