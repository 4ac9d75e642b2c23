#include "plan/plan_session.hpp"

#include <algorithm>

#include "session/citrate.hpp"
#include "session/finding_codes.hpp"
#include "session/heparin.hpp"
#include "session/replacement.hpp"
#include "session/replacement_effect.hpp"
#include "session/separation.hpp"

namespace lb::plan {

namespace {

using protocol::Anticoagulant;

std::string composition_citation(const protocol::Protocol& p,
                                 const protocol::ReplacementSettings& r) {
  std::string out;
  for (const auto* id : {&r.ffp_composition.source, &r.albumin_composition.source}) {
    if (id->empty()) continue;
    const std::string c = protocol::citation_for(p, *id);
    if (out.find(c) == std::string::npos) out += (out.empty() ? "" : "; ") + c;
  }
  return out;
}

session::AnticoagulationPlan anticoagulation_plan(const protocol::Protocol& p, const Plan& plan,
                                                  const session::SessionPlan& s) {
  const auto& a = *p.session.anticoagulation;
  session::AnticoagulationPlan out;
  out.method = a.method;
  const auto needs_run = [&out](const std::string& what) {
    out.findings.push_back({diag::Severity::warning, session::codes::kNoSeparation.code,
                            what + " needs the run time: the protocol has no 'separation:' "
                                   "section, so it is not computed",
                            ""});
  };
  switch (a.method) {
    case Anticoagulant::citrate:
      if (!s.separation) {
        needs_run("the citrate load");
        break;
      }
      out.citrate = session::citrate_plan(
          a.citrate,
          session::CitrateInputs{&*s.separation, s.replacement ? &*s.replacement : nullptr,
                                 &plan.patient, protocol::citation_for(p, a.citrate.source)});
      break;
    case Anticoagulant::heparin:
      if (!s.separation) {
        needs_run("the heparin dose");
        break;
      }
      out.heparin = session::heparin_plan(a.heparin, s.separation->duration,
                                          protocol::citation_for(p, a.heparin.source));
      break;
    case Anticoagulant::none:
      out.findings.push_back(
          {diag::Severity::warning, session::codes::kNoAnticoagulant.code,
           "no anticoagulant: the protocol's membrane set-up runs without one (DPMAS trial "
           "NCT05030571; LiverBridge clinical reference §5.5); watch the circuit for clotting",
           ""});
      break;
  }
  return out;
}

}  // namespace

void add_session(Plan& plan, const protocol::Protocol& p) {
  const auto& settings = p.session;
  if (!settings.replacement && !settings.anticoagulation && !settings.separation) return;
  session::SessionPlan s;
  if (settings.replacement) {
    const auto& r = *settings.replacement;
    s.replacement = session::replacement_orders(
        r, session::ReplacementInputs{plan.exchange.volume, plan.patient.labs.inr,
                                      std::max(1, p.schedule.sessions),
                                      protocol::citation_for(p, r.source)});
    s.effect = session::replacement_effect(r, *s.replacement, plan.plasma_volume, plan.patient.labs,
                                           composition_citation(p, r));
  }
  if (settings.separation) {
    std::optional<units::VolumeRatio> ratio;
    if (settings.anticoagulation && settings.anticoagulation->method == Anticoagulant::citrate) {
      ratio = settings.anticoagulation->citrate.inlet_to_ac_ratio;
    }
    s.separation = session::separation_run(
        *settings.separation,
        session::SeparationInputs{plan.exchange.volume, plan.total_blood_volume,
                                  plan.patient.hematocrit, ratio,
                                  protocol::citation_for(p, settings.separation->source)});
    plan.session_duration = s.separation->duration;
  }
  if (settings.anticoagulation) s.anticoagulation = anticoagulation_plan(p, plan, s);
  for (const auto& f : s.findings()) {
    plan.findings.push_back(f);
  }
  plan.session = std::move(s);
}

}  // namespace lb::plan
