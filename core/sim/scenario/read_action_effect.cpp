// The arguments of an action effect ({action: vasovagal, duration: 10 min}), read by the
// same action reader as action scripts.
#include "sim/scenario/action_reader.hpp"
#include "sim/scenario/sections.hpp"

namespace lb::sim::scenario::detail {

bool read_action_arguments(yaml::MapReader& r, const std::string& name, Effect& e) {
  e.action = read_action(r, name);
  return e.action.has_value();
}

}  // namespace lb::sim::scenario::detail
