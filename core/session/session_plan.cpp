#include "session/session_plan.hpp"

namespace lb::session {

std::vector<const explain::Derivation*> ReplacementOrders::figures() const {
  return {&replacement_volume.how,  &ffp_volume.how,       &ffp_units.how,
          &albumin_volume.how,      &albumin_vials.how,    &albumin_grams.how,
          &ffp_volume_course.how,   &ffp_units_course.how, &albumin_vials_course.how,
          &albumin_grams_course.how};
}

std::vector<const explain::Derivation*> ReplacementEffect::figures() const {
  std::vector<const explain::Derivation*> out;
  if (albumin) out.push_back(&albumin->how);
  if (fibrinogen) out.push_back(&fibrinogen->how);
  if (factor_v) out.push_back(&factor_v->how);
  if (pta) out.push_back(&pta->how);
  return out;
}

std::vector<const explain::Derivation*> SeparationRun::figures() const {
  std::vector<const explain::Derivation*> out;
  if (inlet_cap) out.push_back(&inlet_cap->how);
  out.insert(out.end(), {&flow.how, &whole_blood_flow.how, &plasma_removal_rate.how,
                         &whole_blood_processed.how, &duration.how});
  if (with_ac) out.push_back(&ac_returned.how);
  if (extracorporeal_fraction_tbv) out.push_back(&extracorporeal_fraction_tbv->how);
  return out;
}

std::vector<const explain::Derivation*> CitratePlan::figures() const {
  std::vector<const explain::Derivation*> out = {&citrate_concentration.how, &ac_volume.how,
                                                 &ac_rate.how, &citrate_from_ac.how};
  if (citrate_from_ffp) out.push_back(&citrate_from_ffp->how);
  out.push_back(&rate_limit.how);
  out.push_back(&citrate_rate.how);
  if (calcium_gluconate) out.push_back(&calcium_gluconate->how);
  if (calcium_ratio) out.push_back(&calcium_ratio->how);
  return out;
}

std::vector<const explain::Derivation*> SessionPlan::figures() const {
  std::vector<const explain::Derivation*> out;
  const auto add = [&out](const std::vector<const explain::Derivation*>& more) {
    out.insert(out.end(), more.begin(), more.end());
  };
  if (replacement) add(replacement->figures());
  if (effect) add(effect->figures());
  if (separation) add(separation->figures());
  if (anticoagulation && anticoagulation->citrate) add(anticoagulation->citrate->figures());
  if (anticoagulation && anticoagulation->heparin)
    out.push_back(&anticoagulation->heparin->total.how);
  return out;
}

std::vector<SessionFinding> SessionPlan::findings() const {
  std::vector<SessionFinding> out;
  const auto add = [&out](const std::vector<SessionFinding>& more) {
    out.insert(out.end(), more.begin(), more.end());
  };
  if (replacement) add(replacement->findings);
  if (separation) add(separation->findings);
  if (anticoagulation) {
    add(anticoagulation->findings);
    if (anticoagulation->citrate) add(anticoagulation->citrate->findings);
  }
  return out;
}

}  // namespace lb::session
