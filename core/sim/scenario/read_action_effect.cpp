// The arguments of an action effect ({action: start_vasovagal, duration: 10 min}): every key
// but `action`, kept as written for the action reader, which types them against the action.
#include "sim/scenario/sections.hpp"

namespace lb::sim::scenario::detail {

bool read_action_arguments(yaml::MapReader& r, Effect& e, Context& /*c*/) {
  bool ok = true;
  for (const auto& key : r.keys()) {
    if (key == "action") continue;
    const auto v = r.text(key, yaml::Need::optional);
    if (!v) {
      ok = false;
      continue;
    }
    e.arguments.emplace_back(key, *v);
  }
  return ok;
}

}  // namespace lb::sim::scenario::detail
