#include "model/person.hpp"

namespace lb::model {

std::string_view to_string(Sex s) { return s == Sex::male ? "male" : "female"; }

std::string_view to_string(Build b) {
  switch (b) {
    case Build::obese: return "obese";
    case Build::thin: return "thin";
    case Build::normal: return "normal";
    case Build::muscular: return "muscular";
  }
  return "normal";
}

}  // namespace lb::model
