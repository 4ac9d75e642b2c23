#include "plan/build_plan.hpp"

#include "plan/plan_eligibility.hpp"

namespace lb::plan {

Plan build_plan(const PlanRequest& request) {
  Plan plan = make_plan(request.patient, request.patient_file, request.protocol,
                        request.protocol_file, request.protocol_sha256);
  add_eligibility(plan, request.protocol.eligibility, plan.scores, request.overrides);
  return plan;
}

}  // namespace lb::plan
