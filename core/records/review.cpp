#include "records/review.hpp"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "protocol/protocol_loader.hpp"
#include "records/store.hpp"
#include "text/format.hpp"
#include "units/parse.hpp"

namespace lb::records {

namespace {
using nlohmann::json;

struct Item {
  const char* name;
  const char* label;
  /// JSON pointers into the stored plan, first found wins. The session and
  /// course sections are read where the plan carries them; the exchange volume
  /// is always there (docs/records.md "Planned values").
  std::vector<const char*> planned_paths;
};

const std::vector<Item>& items() {
  static const std::vector<Item> kItems = {
      {"plasma_removed", "Plasma exchanged", {"/exchange/volume_per_session"}},
      {"duration", "Duration", {"/separation/duration"}},
      {"ffp_units", "FFP units", {"/replacement/ffp_units_per_session"}},
      {"albumin_used", "Albumin", {"/replacement/albumin_grams_per_session"}},
      {"anticoagulant_volume", "Anticoagulant (AC) volume", {"/anticoagulation/ac_volume"}},
      {"calcium_given", "Calcium gluconate", {"/anticoagulation/calcium_gluconate_per_session"}},
  };
  return kItems;
}

struct Planned {
  double si = 0.0;
  std::string text;
  std::optional<units::Dimension> dimension;  ///< unset for counts (units, vials)
};

/// A planned quantity at one of the paths: {"value", "unit", "display"} as
/// report::plan_json writes them, converted to SI with the unit parser.
std::optional<Planned> planned_value(const json& plan, const Item& item) {
  for (const char* path : item.planned_paths) {
    const json::json_pointer ptr(path);
    if (!plan.contains(ptr)) continue;
    const auto& q = plan.at(ptr);
    if (!q.is_object() || !q.contains("value") || !q["value"].is_number()) continue;
    const double value = q["value"].get<double>();
    const std::string unit = q.value("unit", "");
    const std::string display = q.value("display", text::fixed(value, 0) + " " + unit);
    const auto parsed = units::parse_quantity(text::fixed(value, 6) + " " + unit);
    if (parsed) return Planned{parsed.value->si_value, display, parsed.value->dimension};
    return Planned{value, display, std::nullopt};  // a count: "units", "vials"
  }
  return std::nullopt;
}

std::optional<double> plan_milliliters(const json& plan, const char* path) {
  const json::json_pointer ptr(path);
  if (!plan.contains(ptr)) return std::nullopt;
  const auto& q = plan.at(ptr);
  if (!q.contains("value") || !q["value"].is_number()) return std::nullopt;
  const auto parsed =
      units::parse_quantity_of(text::fixed(q["value"].get<double>(), 6) + " " + q.value("unit", ""),
                               units::Dimension::volume);
  if (!parsed) return std::nullopt;
  return units::in_milliliters(parsed.value->quantity().get<units::Volume>());
}

std::optional<Planned> actual_value(const SessionInput& s, const std::string& item) {
  const auto of = [](const std::optional<RecordedQuantity>& q) -> std::optional<Planned> {
    if (!q) return std::nullopt;
    return Planned{q->si, q->text, q->dimension};
  };
  if (item == "plasma_removed") return of(s.plasma_removed);
  if (item == "duration") {
    const auto seconds = static_cast<double>(s.ended.epoch_seconds - s.started.epoch_seconds);
    return Planned{seconds, text::fixed(seconds / 60.0, 0) + " min", units::Dimension::time};
  }
  if (item == "ffp_units") {
    if (!s.ffp_units) return std::nullopt;
    return Planned{static_cast<double>(*s.ffp_units), std::to_string(*s.ffp_units) + " units",
                   std::nullopt};
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

Comparison compare(const Item& item, const json& plan, const SessionInput& s,
                   const ReviewParameters& params) {
  Comparison c;
  c.item = item.name;
  c.label = item.label;
  const auto planned = planned_value(plan, item);
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
  } else if (planned->dimension != actual->dimension) {
    c.note = "planned and actual are in different kinds of unit: not compared";
  } else if (planned->si > 0) {
    c.deviation = (actual->si - planned->si) / planned->si;
    if (!c.tolerance) {
      c.note = "no tolerance stated: not assessed";
    } else if (std::abs(*c.deviation) > *c.tolerance) {
      c.beyond_tolerance = true;
      c.note = "beyond the stated tolerance of " + text::fixed(*c.tolerance * 100, 0) + " %";
    }
  } else if (actual->si > 0) {
    // None planned but some given: no relative deviation exists, so always flag it.
    c.beyond_tolerance = true;
    c.note = "given although the plan orders none";
  }
  return c;
}

struct PlanContext {
  json plan;
  std::optional<protocol::Protocol> protocol;
  ReviewParameters params;
};

LabReview review_lab(const LabValue& pre, const LabValue& post, const SessionInput& s,
                     const PlanContext& ctx) {
  LabReview l;
  l.analyte = pre.analyte;
  l.pre = pre.value.text;
  l.post = post.value.text;
  l.hours_after_end =
      static_cast<double>(post.drawn_at.epoch_seconds - s.ended.epoch_seconds) / 3600.0;
  l.equilibrated = l.hours_after_end >= ctx.params.equilibration_hours;
  if (pre.value.dimension != post.value.dimension) {
    l.note = "pre and post are in different kinds of unit: enter both in the same unit to compare";
    return l;
  }
  if (!(pre.value.si > 0)) {
    l.note = "pre value is zero: no ratio";
    return l;
  }
  l.observed_ratio = post.value.si / pre.value.si;

  const protocol::SoluteKinetics* kinetics = nullptr;
  if (ctx.protocol) {
    for (const auto& k : ctx.protocol->kinetics.solutes) {
      if (protocol::to_string(k.solute) == l.analyte) kinetics = &k;
    }
  }
  if (kinetics == nullptr) {
    l.note = "the protocol gives no kinetic model for " + l.analyte + ": no prediction";
    return l;
  }
  if (kinetics->model == protocol::KineticModel::replacement_aware ||
      kinetics->replacement_concentration) {
    l.note = "the replacement fluid contains " + l.analyte +
             ": the intravascular-fraction re-fit does not apply";
    return l;
  }
  if (!l.equilibrated) {
    l.note = "drawn " + text::fixed(l.hours_after_end, 1) + " h after the end, before the " +
             text::fixed(ctx.params.equilibration_hours, 0) +
             " h stated for re-equilibration (ASFA 2023): not used for the re-fit";
    return l;
  }
  const auto pv = plan_milliliters(ctx.plan, "/volumes/plasma_volume");
  const auto planned = plan_milliliters(ctx.plan, "/exchange/volume_per_session");
  if (!pv || !planned || !(s.plasma_removed.si > 0)) {
    l.note = "the plan has no plasma volume or exchange volume, or no plasma was removed";
    return l;
  }
  const double f = kinetics->model == protocol::KineticModel::two_compartment
                       ? units::in_fraction(kinetics->intravascular_fraction)
                       : 1.0;
  l.refit = refit_intravascular_fraction(
      {l.analyte, s.plasma_removed.quantity().get<units::Volume>(), units::milliliters(*pv),
       units::milliliters(*planned), units::fraction(f), units::fraction(*l.observed_ratio)});
  l.note = l.refit->note;
  return l;
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
      p.tolerances[item] = value.get<double>();
    }
  }
  if (j.contains("equilibration_hours"))
    p.equilibration_hours = j["equilibration_hours"].get<double>();
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

CourseReview review_course(Store& store, const std::string& patient) {
  if (!store.find_patient(patient)) throw InputError("unknown patient '" + patient + "'");
  CourseReview review;
  review.patient = patient;
  std::map<std::int64_t, PlanContext> contexts;
  for (const auto& plan : store.plans_for(patient)) {
    PlanContext ctx;
    ctx.plan = json::parse(plan.plan_json, nullptr, false);
    ctx.protocol = protocol::parse_protocol(plan.protocol_text, plan.protocol_file).protocol;
    ctx.params = parse_review_parameters(plan.review_json);
    review.plans.push_back({plan, reproduce_plan(plan), ctx.params});
    contexts.emplace(plan.id, std::move(ctx));
  }
  int number = 0;
  for (const auto& rec : store.sessions_for(patient)) {
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
          s.labs.push_back(review_lab(pre, post, rec.data, ctx));
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
    for (const auto& e : store.audit("session", rec.id)) {
      if (e.action == "correct") s.corrections.push_back(e);
    }
    review.sessions.push_back(std::move(s));
  }
  review.audit_chain_problem = store.verify_audit_chain();
  return review;
}

}  // namespace lb::records
