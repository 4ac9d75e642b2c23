#include "plan/build_plan.hpp"

#include "plan/plan_course.hpp"
#include "plan/plan_eligibility.hpp"
#include "plan/plan_session.hpp"

namespace lb::plan {

Plan build_plan(const PlanRequest& request) {
  Plan plan = make_plan(request.patient, request.patient_file, request.protocol,
                        request.protocol_file, request.protocol_sha256);
  add_eligibility(plan, request.protocol.eligibility, plan.scores, request.overrides);
  add_session(plan, request.protocol);
  add_course(plan, request.protocol, request.start);  // last: needs the session run time
  return plan;
}

}  // namespace lb::plan
