#include "records/review.hpp"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <type_traits>

#include "protocol/protocol_loader.hpp"
#include "records/analytes.hpp"
#include "records/store.hpp"
#include "report/stored_plan.hpp"
#include "text/format.hpp"
#include "units/any_quantity.hpp"
#include "units/compare.hpp"
#include "units/parse.hpp"

namespace lb::records {

namespace {
using nlohmann::json;

/// A planned or performed amount: a quantity of its dimension (a count of units
/// is a plain number, units::Fraction) and the text it is shown as.
struct Amount {
  units::AnyQuantity quantity;
  std::string text;
};

template <class Q>
std::optional<Amount> stored_amount(const report::Stored<Q>& f) {
  if (!f.quantity) return std::nullopt;
  if constexpr (std::is_same_v<Q, double>) {
    return Amount{units::AnyQuantity::of(units::fraction(*f.quantity)), f.display};
  } else {
    return Amount{units::AnyQuantity::of(*f.quantity), f.display};
  }
}

struct Item {
  const char* name;
  const char* label;
  /// The planned value, read from the stored plan by the typed reader
  /// (report::read_stored_plan, which owns every older layout).
  std::optional<Amount> (*planned)(const report::StoredPlan&);
};

const std::vector<Item>& items() {
  using P = report::StoredPlan;
  static const std::vector<Item> kItems = {
      {"plasma_removed", "Plasma exchanged",
       [](const P& p) { return stored_amount(p.exchange.volume_per_session); }},
      {"duration", "Duration",
       [](const P& p) {
         return p.separation ? stored_amount(p.separation->duration) : std::nullopt;
       }},
      {"ffp_units", "FFP units",
       [](const P& p) {
         return p.replacement ? stored_amount(p.replacement->ffp_units) : std::nullopt;
       }},
      {"albumin_used", "Albumin",
       [](const P& p) {
         return p.replacement ? stored_amount(p.replacement->albumin_grams) : std::nullopt;
       }},
      {"anticoagulant_volume", "Anticoagulant (AC) volume",
       [](const P& p) {
         return p.anticoagulation ? stored_amount(p.anticoagulation->ac_volume) : std::nullopt;
       }},
      {"calcium_given", "Calcium gluconate",
       [](const P& p) {
         return p.anticoagulation ? stored_amount(p.anticoagulation->calcium_gluconate)
                                  : std::nullopt;
       }},
  };
  return kItems;
}

std::optional<Amount> actual_value(const SessionInput& s, const std::string& item) {
  const auto of = [](const std::optional<RecordedQuantity>& q) -> std::optional<Amount> {
    if (!q) return std::nullopt;
    return Amount{q->quantity(), q->text};
  };
  if (item == "plasma_removed") return of(s.plasma_removed);
  if (item == "duration") {
    const auto seconds = units::elapsed_between(s.started.epoch_seconds, s.ended.epoch_seconds);
    return Amount{units::AnyQuantity::of(seconds),
                  text::fixed(units::in_minutes(seconds), 0) + " min"};
  }
  if (item == "ffp_units") {
    if (!s.ffp_units) return std::nullopt;
    return Amount{units::AnyQuantity::of(units::fraction(*s.ffp_units)),
                  std::to_string(*s.ffp_units) + " units"};
  }
  if (item == "albumin_used") return of(s.albumin_used);
  if (item == "anticoagulant_volume") return of(s.anticoagulant_volume);
  if (item == "calcium_given") {
    // The plan orders calcium gluconate; a record of another salt is not comparable.
    if (s.calcium_salt && s.calcium_salt->find("gluconate") == std::string::npos)
      return std::nullopt;
    return of(s.calcium_given);
  }
  return std::nullopt;
}

bool positive(const units::AnyQuantity& q) {
  return units::greater(q, units::AnyQuantity::from_si(0.0, q.dimension()));
}

Comparison compare(const Item& item, const std::optional<report::StoredPlan>& plan,
                   const SessionInput& s, const ReviewParameters& params) {
  Comparison c;
  c.item = item.name;
  c.label = item.label;
  const auto planned = plan ? item.planned(*plan) : std::nullopt;
  const auto actual = actual_value(s, item.name);
  if (planned) c.planned = planned->text;
  if (actual) c.actual = actual->text;
  if (const auto t = params.tolerances.find(item.name); t != params.tolerances.end()) {
    c.tolerance = t->second;
  }
  if (!planned) {
    c.note = "not in the plan";
  } else if (!actual) {
    c.note = "not recorded";
  } else if (planned->quantity.dimension() != actual->quantity.dimension()) {
    c.note = "planned and actual are in different kinds of unit: not compared";
  } else if (positive(planned->quantity)) {
    c.deviation = units::fraction(*units::ratio(actual->quantity, planned->quantity) - 1.0);
    if (!c.tolerance) {
      c.note = "no tolerance stated: not assessed";
    } else if (units::above(units::fraction(std::abs(units::in_fraction(*c.deviation))),
                            *c.tolerance)) {
      c.beyond_tolerance = true;
      c.note = "beyond the stated tolerance of " + text::fixed(units::in_percent(*c.tolerance), 0) +
               " %";
    }
  } else if (positive(actual->quantity)) {
    // None planned but some given: no relative deviation exists, so always flag it.
    c.beyond_tolerance = true;
    c.note = "given although the plan orders none";
  }
  return c;
}

struct PlanContext {
  std::optional<report::StoredPlan> plan;  ///< nullopt when the stored JSON does not read
  std::optional<protocol::Protocol> protocol;
  ReviewParameters params;
};

LabReview review_lab(const LabValue& pre, const LabValue& post, const SessionInput& s,
                     const PlanContext& ctx, int number, const std::vector<CourseRefit>& refits) {
  LabReview l;
  l.analyte = pre.analyte;
  l.pre = pre.value.text;
  l.post = post.value.text;
  l.after_end = units::elapsed_between(s.ended.epoch_seconds, post.drawn_at.epoch_seconds);
  l.equilibrated = units::at_least(l.after_end, ctx.params.equilibration);
  const auto pre_q = pre.value.quantity();
  const auto post_q = post.value.quantity();
  if (pre_q.dimension() != post_q.dimension()) {
    l.note = "pre and post are in different kinds of unit: enter both in the same unit to compare";
    return l;
  }
  if (!positive(pre_q)) {
    l.note = "pre value is zero: no ratio";
    return l;
  }
  l.observed_ratio = units::fraction(*units::ratio(post_q, pre_q));

  const protocol::SoluteKinetics* kinetics = nullptr;
  if (ctx.protocol) {
    for (const auto& k : ctx.protocol->kinetics.solutes) {
      if (protocol::to_string(k.solute) == l.analyte) kinetics = &k;
    }
  }
  // The catalogue's label ("INR", "Bilirubin"), as every page names fields.
  const std::string label = analyte_label(l.analyte);
  if (kinetics == nullptr) {
    l.note = "the protocol gives no kinetic model for " + label + ": no prediction";
    return l;
  }
  if (kinetics->model == protocol::KineticModel::from_prothrombin_activity) {
    l.note = label +
             " is read from the prothrombin activity (model from_prothrombin_activity): "
             "the intravascular-fraction re-fit does not apply";
    return l;
  }
  if (kinetics->model == protocol::KineticModel::replacement_aware ||
      kinetics->replacement_concentration) {
    l.note = "the replacement fluid restores " + label +
             " (replacement-aware model): the intravascular-fraction re-fit does not apply";
    return l;
  }
  if (!l.equilibrated) {
    l.note = "drawn " + text::fixed(units::in_hours(l.after_end), 1) +
             " h after the end, before the " +
             text::fixed(units::in_hours(ctx.params.equilibration), 0) +
             " h stated for re-equilibration (ASFA 2023): not used for the re-fit";
    return l;
  }
  if (!ctx.plan || !ctx.plan->volumes.plasma_volume.quantity) {
    l.note = "the plan has no plasma volume";
    return l;
  }
  // The course refit ran this session through the kinetics engine (one fit per session and
  // solute, shown here and in the course estimate alike).
  for (const auto& r : refits) {
    if (r.analyte != l.analyte) continue;
    for (const auto& fitted : r.sessions) {
      if (fitted.session == number) {
        l.refit = fitted.refit;
        l.note = fitted.refit.note;
        return l;
      }
    }
  }
  l.note = "no refit: no plasma removed, or the latest plan's protocol does not model " + label;
  return l;
}
/// The next-session estimate per solute the latest plan's protocol models, refitted to the
/// course's draws (course_refit.hpp).
void refit_all(CourseReview& review, const std::vector<SessionRecord>& records,
               const std::map<PlanId, PlanContext>& contexts) {
  if (records.empty()) return;
  const PlanContext& latest = contexts.at(records.back().plan_id);
  if (!latest.protocol) return;
  std::vector<FitSession> sessions;
  for (const auto& rec : records) {
    const PlanContext& ctx = contexts.at(rec.plan_id);
    sessions.push_back({&rec.data,
                        ctx.plan ? ctx.plan->volumes.plasma_volume.quantity : std::nullopt,
                        ctx.plan ? ctx.plan->exchange.volume_per_session.quantity : std::nullopt});
  }
  std::string diagnosis;
  if (latest.plan && latest.plan->patient.diagnosis.value) {
    diagnosis = std::string(patient::to_string(*latest.plan->patient.diagnosis.value));
  }
  for (const auto& k : latest.protocol->kinetics.solutes) {
    CourseRefitInput in;
    in.analyte = std::string(protocol::to_string(k.solute));
    in.kinetics = &k;
    in.protocol = &*latest.protocol;
    in.diagnosis = diagnosis;
    in.equilibration = latest.params.equilibration;
    in.sessions = sessions;
    if (auto r = refit_course(in)) review.refits.push_back(std::move(*r));
  }
}
}  // namespace

const std::vector<std::string>& comparable_items() {
  static const std::vector<std::string> kNames = [] {
    std::vector<std::string> n;
    for (const auto& i : items()) n.emplace_back(i.name);
    return n;
  }();
  return kNames;
}

ReviewParameters parse_review_parameters(const std::string& review_json) {
  ReviewParameters p;
  const auto j = json::parse(review_json, nullptr, false);
  if (j.is_discarded() || !j.is_object())
    throw InputError("review parameters are not a JSON object");
  if (j.contains("tolerances")) {
    for (const auto& [item, value] : j["tolerances"].items()) {
      if (!value.is_number()) throw InputError("tolerance " + item + " is not a number");
      // Stored as a plain fraction (0.1 = 10 %), docs/records.md.
      p.tolerances[item] = units::fraction(value.get<double>());
    }
  }
  if (j.contains("equilibration_hours")) {
    if (!j["equilibration_hours"].is_number())
      throw InputError("equilibration_hours is not a number");
    p.equilibration = units::hours(j["equilibration_hours"].get<double>());
  }
  return p;
}

std::string make_review_json(const std::vector<std::string>& tolerances,
                             const std::string& equilibration) {
  json out = json::object();
  json t = json::object();
  for (const auto& entry : tolerances) {
    const auto eq = entry.find('=');
    const std::string item = entry.substr(0, eq);
    const auto& names = comparable_items();
    if (eq == std::string::npos || std::find(names.begin(), names.end(), item) == names.end()) {
      throw InputError("--tolerance " + entry + ": expected ITEM=PERCENT with ITEM one of " +
                       text::join(names));
    }
    const auto f = units::parse_fraction(entry.substr(eq + 1));
    if (!f || units::in_fraction(*f.value) <= 0) {
      throw InputError("--tolerance " + entry + ": " +
                       (f ? std::string("must be more than 0 %") : f.error));
    }
    t[item] = units::in_fraction(*f.value);
  }
  out["tolerances"] = t;
  if (!equilibration.empty()) {
    const auto d = units::parse_duration(equilibration);
    if (!d || units::in_hours(*d.value) < 0) {
      throw InputError("--equilibration " + equilibration + ": " +
                       (d ? std::string("must not be negative") : d.error));
    }
    out["equilibration_hours"] = units::in_hours(*d.value);
  }
  return out.dump();
}

CourseReview review_course(Store& store, const PatientId& patient) {
  if (!store.find_patient(patient)) throw InputError("unknown patient '" + patient.str() + "'");
  CourseReview review;
  review.patient = patient;
  std::map<PlanId, PlanContext> contexts;
  for (const auto& plan : store.plans_for(patient)) {
    PlanContext ctx;
    ctx.plan = report::read_stored_plan(plan.plan_json).plan;
    ctx.protocol = protocol::parse_protocol(plan.protocol_text, plan.protocol_file).protocol;
    ctx.params = parse_review_parameters(plan.review_json);
    review.plans.push_back({plan, reproduce_plan(plan), ctx.params});
    contexts.emplace(plan.id, std::move(ctx));
  }
  int number = 0;
  const auto records = store.sessions_for(patient);
  refit_all(review, records, contexts);
  for (const auto& rec : records) {
    SessionReview s;
    s.number = ++number;
    s.session_id = rec.id;
    s.plan_id = rec.plan_id;
    s.started = rec.data.started.utc;
    s.ended = rec.data.ended.utc;
    s.adverse_events = rec.data.adverse_events;
    s.adverse_event_notes = rec.data.adverse_event_notes;
    const auto& ctx = contexts.at(rec.plan_id);
    for (const auto& item : items())
      s.comparisons.push_back(compare(item, ctx.plan, rec.data, ctx.params));
    for (const auto& pre : rec.data.labs) {
      if (pre.timing != "pre") continue;
      for (const auto& post : rec.data.labs) {
        if (post.timing == "post" && post.analyte == pre.analyte) {
          s.labs.push_back(review_lab(pre, post, rec.data, ctx, s.number, review.refits));
          const auto& refit = s.labs.back().refit;
          if (refit && refit->replanned_volume) {
            review.next_session_volume = refit->replanned_volume;
            review.next_session_basis =
                pre.analyte + " after session " + std::to_string(s.number) +
                " (intravascular fraction fitted " +
                text::fixed(units::in_fraction(refit->fitted_fraction->value), 2) + ")";
          }
        }
      }
    }
    for (const auto& e : store.audit("session", rec.id.raw())) {
      if (e.action == "correct") s.corrections.push_back(e);
    }
    review.sessions.push_back(std::move(s));
  }
  review.audit_chain_problem = store.verify_audit_chain();
  return review;
}

}  // namespace lb::records
