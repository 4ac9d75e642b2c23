#include "sim/debrief/checklist.hpp"

#include <algorithm>
#include <array>

namespace lb::sim::debrief {

namespace {

bool in(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

/// A trainee act (events' and instructor's acts are not the trainee's).
bool by_trainee(const ActionLine& a) { return a.by == scenario::Actor::trainee && !a.refused; }

/// The observables named in a condition (any/all nested).
void condition_variables(const scenario::Condition& c, std::vector<std::string>& out) {
  if (c.kind == scenario::Condition::Kind::compare) out.push_back(c.compare.threshold.variable);
  for (const auto& child : c.children) condition_variables(child, out);
}

/// What shows the onset's condition: the variables of the conditional events that open the
/// objective's windows; a ratio is seen through either of its parts.
std::vector<std::string> relevant_variables(const scenario::Scenario& s,
                                            const std::vector<CheckedAction>& checked,
                                            const std::string& objective) {
  std::vector<std::string> out;
  for (const auto& c : checked) {
    if (c.objective != objective || c.after.empty()) continue;
    for (const auto& e : s.conditional) {
      if (e.id == c.after) condition_variables(e.when, out);
    }
  }
  if (in(out, "ca_ratio")) {
    out.emplace_back("ica");
    out.emplace_back("total_ca");
  }
  return out;
}

/// The variables an ECG shows: QTc, which calcium and potassium change.
constexpr std::array<std::string_view, 4> kEcgShows{"qtc", "ica", "ca_ratio", "k"};

struct Recognition {
  const scenario::Scenario& s;
  std::vector<std::string> treatments, relevant;
  bool from_start = false;  ///< the objective opens at the start of the run: nothing to notice

  bool operator()(const ActionLine& a) const {
    if (in(treatments, a.name)) return true;
    if (from_start) return false;
    if (a.name == "declare" || a.name == "call_for_help") return true;
    if (a.name == "acknowledge") return a.result.empty();
    if (a.name == "order_lab") {
      for (const auto& p : s.labs) {
        if (p.panel != a.lab) continue;
        for (const auto& v : p.noise_sd) {
          if (in(relevant, v.variable)) return true;
        }
      }
      return false;
    }
    if (a.name == "ecg_12_lead") {
      for (const auto v : kEcgShows) {
        if (in(relevant, std::string(v))) return true;
      }
    }
    return false;
  }
};

}  // namespace

std::vector<CheckedAction> check_critical_actions(const scenario::Scenario& s, const Timeline& t) {
  std::vector<CheckedAction> out;
  for (const auto& c : s.critical_actions) {
    CheckedAction x;
    x.id = c.id;
    x.objective = c.objective;
    x.after = c.after;
    x.any_of = c.any_of;
    x.within_s = c.within_s;
    x.weight = c.weight;
    x.opens = c.after.empty() ? std::optional<SimTime>(0) : t.first_event(c.after);
    if (!x.opens) {
      x.status = Status::not_due;
      out.push_back(std::move(x));
      continue;
    }
    for (const auto& a : t.actions) {
      if (a.t >= *x.opens && by_trainee(a) && in(c.any_of, a.name)) {
        x.taken = a.t;
        x.taken_action = a.name;
        break;
      }
    }
    if (!x.taken) {
      x.status = Status::missed;
    } else {
      const SimTime delay = *x.taken - *x.opens;
      if (delay <= c.within_s) {
        x.status = Status::met;
        x.credit = 1.0;
      } else {
        x.status = Status::late;
        const double w = static_cast<double>(std::max<SimTime>(c.within_s, 1));
        x.credit = std::clamp(1.0 - static_cast<double>(delay - c.within_s) / w, 0.0, 1.0);
      }
    }
    out.push_back(std::move(x));
  }
  return out;
}

std::vector<ObjectiveScore> score_objectives(const scenario::Scenario& s, const Timeline& t,
                                             const std::vector<CheckedAction>& checked) {
  std::vector<ObjectiveScore> out;
  for (const auto& o : s.objectives) {
    ObjectiveScore x;
    x.id = o.id;
    x.text = o.text;
    std::vector<std::string> treatments;
    bool any_due = false, any_missed = false, any_late = false;
    for (const auto& c : checked) {
      if (c.objective != o.id) continue;
      x.critical_actions.push_back(c.id);
      for (const auto& name : c.any_of) {
        if (!in(treatments, name)) treatments.push_back(name);
      }
      if (c.status == Status::not_due) continue;
      any_due = true;
      any_missed = any_missed || c.status == Status::missed;
      any_late = any_late || c.status == Status::late;
      if (!x.onset || *c.opens < *x.onset) {
        x.onset = c.opens;
        x.onset_event = c.after;
      }
    }
    if (any_due) x.status = any_missed ? Status::missed : any_late ? Status::late : Status::met;
    if (x.onset) {
      const Recognition recognises{s, treatments, relevant_variables(s, checked, o.id),
                                   x.onset_event.empty()};
      for (const auto& a : t.actions) {
        if (a.t < *x.onset || !by_trainee(a)) continue;
        if (!x.recognised && recognises(a)) {
          x.recognised = a.t;
          x.recognised_by = a.name;
        }
        if (!x.treated && in(treatments, a.name)) {
          x.treated = a.t;
          x.treated_by = a.name;
        }
      }
    }
    out.push_back(std::move(x));
  }
  return out;
}

double checklist_score(const std::vector<CheckedAction>& checked) {
  double weight = 0.0, credit = 0.0;
  for (const auto& c : checked) {
    if (c.status == Status::not_due) continue;
    weight += c.weight;
    credit += c.weight * c.credit;
  }
  return weight > 0.0 ? credit / weight : 1.0;
}

}  // namespace lb::sim::debrief
