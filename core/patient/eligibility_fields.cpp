// The eligibility projection of the patient field catalogue.
#include "patient/eligibility_fields.hpp"

#include <algorithm>

namespace lb::eligibility {

namespace {

bool rule_can_name(const FieldSpec& f) {
  return f.kind != FieldKind::text && f.kind != FieldKind::list;
}

}  // namespace

const std::vector<const FieldSpec*>& field_registry() {
  static const std::vector<const FieldSpec*> kFields = [] {
    std::vector<const FieldSpec*> out;
    for (const auto& f : patient::field_catalogue()) {
      if (rule_can_name(f)) out.push_back(&f);
    }
    return out;
  }();
  return kFields;
}

const FieldSpec* find_field(std::string_view name) {
  const FieldSpec* f = patient::find_field(name);
  return f != nullptr && rule_can_name(*f) ? f : nullptr;
}

std::vector<std::string> field_names() {
  std::vector<std::string> out;
  for (const auto* f : field_registry()) out.emplace_back(f->key);
  return out;
}

}  // namespace lb::eligibility
