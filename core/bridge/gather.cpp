#include "bridge/gather.hpp"

#include <algorithm>
#include <set>

#include "bridge/context.hpp"
#include "bridge/gather_patient.hpp"
#include "bridge/inputs.hpp"
#include "bridge/session_scores.hpp"
#include "patient/patient_loader.hpp"
#include "protocol/protocol_loader.hpp"
#include "records/review.hpp"
#include "records/store.hpp"
#include "report/stored_plan.hpp"
#include "text/format.hpp"

namespace lb::bridge {

namespace {

/// Ends of the recorded sessions before `t`, and whether any exchange or FFP preceded it.
void place(Observation& o, const BridgeInputs& in, std::optional<Epoch> first_ffp) {
  if (!o.at) return;
  std::optional<Epoch> last_end;
  for (const auto& s : in.sessions) {
    if (s.ended <= *o.at) last_end = s.ended;
  }
  if (last_end) o.after_session = units::elapsed_between(*last_end, *o.at);
  const bool exchanged = in.anchors.first_exchange && *in.anchors.first_exchange < *o.at;
  o.after_exchange = exchanged || (first_ffp && *first_ffp < *o.at);
}

void add_session_labs(const records::SessionRecord& s, int number, BridgeInputs& in,
                      std::optional<Epoch> first_ffp) {
  for (const auto& lab : s.data.labs) {
    if (find_input(lab.analyte) == nullptr) continue;  // not an input of any rule
    Observation o;
    o.input = lab.analyte;
    o.value = lab.value.quantity();
    o.analyte = units::analyte_from_name(lab.analyte);
    o.text = lab.value.text;
    o.at = lab.drawn_at.epoch_seconds;
    o.source = "session " + std::to_string(number) + ", " + lab.timing;
    place(o, in, first_ffp);
    if (lab.timing == "pre") {
      o.tag = Tag::pre_session;
    } else {
      o.tag = o.after_session && units::at_least(*o.after_session, in.equilibration)
                  ? Tag::efficacy
                  : Tag::post_session;
    }
    in.observations.push_back(std::move(o));
  }
}

void add_predictions(const records::PlanRecord& plan, BridgeInputs& in) {
  const auto read = report::read_stored_plan(plan.plan_json);
  if (!read.plan) {
    in.notes.push_back("plan " + plan.id.str() + ": " + read.error);
    return;
  }
  in.sessions_planned = read.plan->sessions_planned;
  in.protocol = plan.protocol_id + " " + plan.protocol_version;
  for (const auto& solute : read.plan->kinetics) {
    if (!solute.predicted) continue;
    for (std::size_t i = 0; i < solute.pre.size(); ++i) {
      Predicted p;
      p.solute = solute.solute;
      p.session = static_cast<int>(i) + 1;
      const auto& pre = solute.pre[i];
      p.pre_text = pre.display;
      // Falls are ratios of two figures in the same stored unit.
      auto fall = [&](const report::StoredFigure& f) -> std::optional<units::Fraction> {
        if (!pre.value || !f.value || f.unit != pre.unit || *pre.value <= 0) return std::nullopt;
        return units::Fraction::from_value(1.0 - *f.value / *pre.value);
      };
      // The planner's value with its model band ("model estimate 157–218 µmol/L") when it has one.
      auto shown = [](const report::StoredFigure& f) {
        return f.band.empty() ? f.display : f.display + " (" + f.band + ")";
      };
      if (i < solute.post.size()) {
        p.post_text = shown(solute.post[i]);
        p.fall_end_of_session = fall(solute.post[i]);
      }
      if (i < solute.next_day.size()) {
        p.next_day_text = shown(solute.next_day[i]);
        p.fall_efficacy = fall(solute.next_day[i]);
      }
      in.predicted.push_back(std::move(p));
    }
  }
}

}  // namespace

Gathered gather_inputs(records::Store& store, const std::string& patient, Epoch at) {
  Gathered g;
  auto& in = g.inputs;
  in.patient = patient;
  in.at = at;
  const records::PatientId id(patient);
  if (!store.find_patient(id)) throw records::InputError("unknown patient '" + patient + "'");
  const auto plans = store.plans_for(id);
  if (plans.empty()) throw records::InputError("patient '" + patient + "' has no stored plan");
  const auto sessions = store.sessions_for(id);
  for (std::size_t i = 0; i < sessions.size(); ++i) {
    const auto& s = sessions[i].data;
    in.sessions.push_back(
        {static_cast<int>(i) + 1, s.started.epoch_seconds, s.ended.epoch_seconds});
  }
  // The team's stated re-equilibration time (the latest plan's review parameters), which the
  // records review uses too; a stored value that does not read keeps the default, with a note.
  try {
    in.equilibration = records::parse_review_parameters(plans.back().review_json).equilibration;
  } catch (const records::InputError& e) {
    in.notes.push_back("plan " + plans.back().id.str() + ": review parameters: " + e.what() +
                       "; efficacy draws counted from " +
                       text::fixed(units::in_hours(records::kDefaultEquilibration), 0) + " h");
  }
  if (!in.sessions.empty()) {
    in.anchors.first_exchange = in.sessions.front().started;
    in.anchors.course_start = in.sessions.front().started;
  }
  // The anchors and FFP time: the latest patient file that states them.
  std::optional<Epoch> first_ffp;
  std::vector<PatientContext> contexts;
  for (const auto& plan : plans) {
    auto load = read_patient_context(plan.patient_text, plan.patient_file);
    for (const auto& d : load.diagnostics.items()) g.diagnostics.add(d);
    if (load.diagnostics.has_errors()) {
      // Half a section is not read: a misspelt tag must not turn into a tag derived from a time
      // (stored before `record plan` checked the section; a stored file cannot be fixed).
      load.context = {};
      in.notes.push_back("plan " + plan.id.str() +
                         ": the bridge: section of its patient file has errors (listed): its "
                         "values are shown without draw time or tag");
    }
    const auto& c = load.context;
    if (c.icu_admitted_at) in.anchors.icu_admission = c.icu_admitted_at;
    if (c.aclf_diagnosed_at) in.anchors.aclf_diagnosis = c.aclf_diagnosed_at;
    if (c.first_ffp_at) first_ffp = c.first_ffp_at;
    if (c.transplant_candidacy) in.candidacy = c.transplant_candidacy;
    contexts.push_back(c);
  }
  if (first_ffp && (!in.anchors.first_exchange || *first_ffp < *in.anchors.first_exchange)) {
    in.anchors.first_exchange = first_ffp;
  }
  std::set<std::string> seen_texts;  // a patient file stored with several plans counts once
  // The latest patient file that reads, for the scores of newer recorded labs.
  std::optional<patient::Patient> latest_file;
  Observation latest_stamp;
  scores::ScoreSettings latest_settings;
  records::PlanId latest_plan;
  for (std::size_t i = 0; i < plans.size(); ++i) {
    const auto& plan = plans[i];
    if (!seen_texts.insert(plan.patient_text).second) continue;
    const auto patient_load = patient::parse_patient(plan.patient_text, plan.patient_file);
    if (!patient_load.patient) {
      in.notes.push_back("plan " + plan.id.str() + ": its patient file no longer reads");
      continue;
    }
    const auto protocol = protocol::parse_protocol(plan.protocol_text, plan.protocol_file);
    const scores::ScoreSettings settings =
        protocol.protocol ? protocol.protocol->scores : scores::ScoreSettings{};
    Observation stamp;
    stamp.at = contexts[i].labs_drawn_at;
    stamp.source = "patient file of plan " + plan.id.str();
    if (contexts[i].resuscitated_at && stamp.at) {
      stamp.after_resuscitation = units::elapsed_between(*contexts[i].resuscitated_at, *stamp.at);
    }
    place(stamp, in, first_ffp);
    if (contexts[i].labs_tag) {
      stamp.tag = *contexts[i].labs_tag;
      if (stamp.tag != Tag::before_exchange) stamp.after_exchange = true;
    } else if (stamp.at && !stamp.after_exchange) {
      stamp.tag = Tag::before_exchange;  // drawn before any recorded exchange or stated FFP
    } else if (stamp.at) {
      stamp.tag = stamp.after_session && units::below(*stamp.after_session, in.equilibration)
                      ? Tag::post_session
                      : Tag::efficacy;
    }
    auto obs =
        detail::patient_observations(*patient_load.patient, settings, plan.patient_text, stamp);
    in.observations.insert(in.observations.end(), obs.begin(), obs.end());
    in.diagnosis = std::string(patient::to_string(patient_load.patient->diagnosis));
    latest_file = *patient_load.patient;
    latest_stamp = stamp;
    latest_settings = settings;
    latest_plan = plan.id;
  }
  std::vector<Observation> newer;  // recorded labs that may postdate the latest file's
  for (std::size_t i = 0; i < sessions.size(); ++i) {
    const std::size_t first = in.observations.size();
    add_session_labs(sessions[i], static_cast<int>(i) + 1, in, first_ffp);
    // Without a stated draw time the file's labs are known only to precede the sessions
    // performed under its plan (or a later one).
    if (latest_stamp.at || sessions[i].plan_id.raw() >= latest_plan.raw()) {
      for (std::size_t k = first; k < in.observations.size(); ++k) {
        newer.push_back(in.observations[k]);
      }
    }
  }
  if (latest_file) {
    for (auto& o :
         detail::session_scores(*latest_file, latest_settings, latest_stamp, newer, in.at)) {
      in.observations.push_back(std::move(o));
    }
  }
  add_predictions(plans.back(), in);
  return g;
}

}  // namespace lb::bridge
