// JSON for the typed ids (core/model/ids.hpp): an id is written as its raw value (the text
// of a rule id or pseudonym, the number of a database id), so the typed ids change nothing in
// any JSON output. Found by nlohmann::json through argument-dependent lookup.
#pragma once

#include <nlohmann/json.hpp>

#include "model/ids.hpp"

namespace lb::model {

template <class Tag, class Rep>
void to_json(nlohmann::json& j, const Id<Tag, Rep>& id) {
  j = id.raw();
}

}  // namespace lb::model
