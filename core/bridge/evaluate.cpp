#include "bridge/evaluate.hpp"

#include <algorithm>
#include <cmath>

#include "bridge/compare_values.hpp"
#include "bridge/inputs.hpp"
#include "bridge/names.hpp"
#include "records/timestamp.hpp"
#include "text/format.hpp"
#include "units/compare.hpp"

namespace lb::bridge {

namespace {

using detail::compare;
using detail::comparison_text;
// ASFA 2023 (ALF fact sheet): efficacy labs are drawn the following day, >= 12 h after TPE.

/// A three-valued answer and, when unknown, why.
struct Tri {
  std::optional<bool> value;
  std::vector<std::string> reasons;
};

std::string hours_text(units::Duration d) { return text::fixed(units::in_hours(d), 1) + " h"; }

std::optional<Epoch> anchor_time(Anchor a, const Anchors& anchors) {
  switch (a) {
    case Anchor::icu_admission: return anchors.icu_admission;
    case Anchor::aclf_diagnosis: return anchors.aclf_diagnosis;
    case Anchor::course_start: return anchors.course_start;
    case Anchor::before_first_exchange:
    case Anchor::none: return std::nullopt;
  }
  return std::nullopt;
}

Epoch plus(Epoch t, units::Duration d) {
  return t + static_cast<Epoch>(std::llround(units::in_seconds(d)));
}

/// The context flags of a value, and whether it satisfies the criterion's requirements.
bool check_requirements(const Criterion& c, const Observation& o, units::Duration equilibration,
                        std::vector<std::string>& flags) {
  bool ok = true;
  if (o.after_exchange) {
    flags.emplace_back("drawn after FFP or plasma exchange: corrected by replacement plasma");
  }
  const bool early = o.tag == Tag::post_session ||
                     (o.after_session && units::below(*o.after_session, equilibration));
  if (early) {
    const double h = units::in_hours(equilibration);
    flags.push_back("drawn < " + text::fixed(h, h == std::round(h) ? 0 : 1) + " h after a session" +
                    (o.after_session ? " (" + hours_text(*o.after_session) + ")" : std::string()));
  }
  for (const auto req : c.requires_) {
    switch (req) {
      case Requirement::before_exchange:
        if (o.after_exchange) {
          ok = false;
        } else if (o.tag == Tag::untagged && !o.at) {
          flags.emplace_back(
              "neither draw time nor tag stated: not known to precede FFP or plasma exchange");
          ok = false;
        }
        break;
      case Requirement::equilibrated:
        if (early) ok = false;
        break;
      case Requirement::after_resuscitation: {
        const auto& w = c.resuscitation;
        const std::string need =
            w.from ? "needs a draw " + hours_text(*w.from) + " or more after fluid resuscitation"
                   : "needs a draw after fluid resuscitation";
        if (!o.after_resuscitation) {
          flags.push_back("time since fluid resuscitation not stated (" + need + ")");
          ok = false;
        } else if ((w.from && units::below(*o.after_resuscitation, *w.from)) ||
                   (w.to && units::above(*o.after_resuscitation, *w.to))) {
          flags.push_back("drawn " + hours_text(*o.after_resuscitation) +
                          " after fluid resuscitation (" + need + ")");
          ok = false;
        }
        break;
      }
    }
  }
  return ok;
}

struct Evaluator {
  const Rule& rule;
  const BridgeInputs& in;
  std::optional<Epoch> from, to;  ///< the window in absolute time, when the rule has one
  std::vector<LeafResult>* out = nullptr;

  [[nodiscard]] bool in_window(const Observation& o) const {
    if (o.at && *o.at > in.at) return false;  // drawn after the re-assessment time
    if (!from && !to) return true;
    if (!o.at) return false;
    return (!from || *o.at >= *from) && (!to || *o.at <= *to);
  }

  /// Beside a value drawn after FFP or plasma exchange (lowered or corrected by it: bridge
  /// reference §6.3), the latest valid value drawn before any, shown and not used: the status
  /// stays on the latest value, and the reader sees what the exchange changed.
  void show_before_exchange(const Criterion& c, const Observation& chosen,
                            const std::vector<const Observation*>& candidates,
                            LeafResult& lr) const {
    for (const auto* o : candidates) {
      if (o->after_exchange || !o->at || !chosen.at || *o->at >= *chosen.at) continue;
      ValueSeen seen{*o, false, "", {}};
      if (!check_requirements(c, *o, in.equilibration, seen.flags)) continue;
      seen.flags.emplace_back("the latest value before any FFP or plasma exchange, for comparison");
      lr.values.push_back(std::move(seen));
      return;
    }
  }

  /// One comparison, both readings; records what it looked at.
  std::pair<Tri, Tri> leaf(const Criterion& c, int depth) {
    const InputSpec* spec = find_input(c.input);
    LeafResult lr;
    lr.depth = depth;
    const std::string label = spec ? std::string(spec->label) : c.input;
    lr.label = label + " " + comparison_text(c.comparison);
    if (c.alternative) lr.label += " (also read as " + comparison_text(*c.alternative) + ")";
    std::vector<const Observation*> candidates;
    bool outside = false;  // drawn before the re-assessment, outside the rule's window
    bool undated = false;  // no draw time, so it cannot be placed in the window
    for (const auto& o : in.observations) {
      if (o.input != c.input) continue;
      if (in_window(o)) {
        candidates.push_back(&o);
      } else if (!o.at) {
        undated = true;
      } else if (*o.at <= in.at) {
        outside = true;
      }
    }
    // Latest first; a value without a draw time counts as the oldest.
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Observation* a, const Observation* b) {
                       return a->at.value_or(-1) > b->at.value_or(-1);
                     });
    Tri a, b;
    const Observation* chosen = nullptr;
    // The latest valid value is used; later values that are not valid for this criterion are
    // shown with their flags (a post-FFP INR beside the pre-FFP INR that decides).
    constexpr std::size_t kShownInvalid = 3;
    for (const auto* o : candidates) {
      ValueSeen seen{*o, false, "", {}};
      const bool ok = check_requirements(c, *o, in.equilibration, seen.flags);
      if (ok) {
        chosen = o;
        seen.used = true;
        // Shown only when the value was converted into the threshold's unit ("3.6 mg/dL" for
        // "> 300 µmol/L"); a plain number or a value already in that unit stands as entered.
        const auto space = c.comparison.threshold_text.find(' ');
        const std::string unit =
            space == std::string::npos ? "" : c.comparison.threshold_text.substr(space + 1);
        const bool same_unit =
            o->text.size() >= unit.size() &&
            o->text.compare(o->text.size() - unit.size(), unit.size(), unit) == 0;
        if (!unit.empty() && !same_unit) {
          seen.in_threshold_unit = detail::in_unit_of(o->value, o->analyte, c.comparison);
        }
      }
      if (ok || lr.values.size() < kShownInvalid) lr.values.push_back(std::move(seen));
      if (chosen != nullptr) break;
    }
    if (chosen != nullptr && chosen->after_exchange) {
      show_before_exchange(c, *chosen, candidates, lr);
    }
    if (chosen == nullptr) {
      std::string why;
      if (!candidates.empty()) {
        why = label + ": no valid value (" + text::join(lr.values.front().flags, "; ") + ")";
      } else if (undated && outside) {
        why = label +
              ": no value drawn in the window (a value without a draw time cannot be placed in "
              "it)";
      } else if (undated) {
        why = label + ": value without a draw time: cannot place it in the window";
      } else if (outside) {
        why = label + ": no value drawn in the window";
      } else {
        why = "missing input: " + label;
      }
      a.reasons.push_back(why);
      b.reasons.push_back(why);
      lr.status = Status::not_evaluable;
      lr.reason = why;
    } else {
      a.value = compare(chosen->value, chosen->analyte, c.comparison);
      b.value = c.alternative ? compare(chosen->value, chosen->analyte, *c.alternative) : a.value;
      if (!a.value || !b.value) {
        const std::string why = label + ": the value's unit cannot be compared with the threshold";
        a = Tri{std::nullopt, {why}};
        b = a;
      }
      if (a.value && b.value && *a.value != *b.value) {
        lr.status = Status::sources_disagree;
        lr.origin = true;
        lr.reason = comparison_text(c.comparison) + ": " + (*a.value ? "met" : "not met") + "; " +
                    comparison_text(*c.alternative) + ": " + (*b.value ? "met" : "not met");
      } else if (a.value) {
        lr.status = *a.value ? Status::met : Status::not_met;
      } else {
        lr.reason = a.reasons.front();
      }
    }
    out->push_back(std::move(lr));
    return {a, b};
  }

  /// A group under one conjunction.
  static Tri combine(Criterion::Kind kind, int count, const std::vector<Tri>& parts) {
    int met = 0, unknown = 0;
    Tri t;
    for (const auto& p : parts) {
      if (!p.value) {
        ++unknown;
        t.reasons.insert(t.reasons.end(), p.reasons.begin(), p.reasons.end());
      } else if (*p.value) {
        ++met;
      }
    }
    const int n = static_cast<int>(parts.size());
    const int need = kind == Criterion::Kind::all ? n : kind == Criterion::Kind::any ? 1 : count;
    if (met >= need) {
      t.value = true;
    } else if (met + unknown < need) {
      t.value = false;
    } else if (kind == Criterion::Kind::at_least) {
      t.reasons.push_back(
          std::to_string(met) + " of " + std::to_string(n) + " met, " + std::to_string(unknown) +
          " not evaluable: " + std::to_string(unknown) +
          (unknown == 1 ? " missing input could make " : " missing inputs could make ") +
          std::to_string(std::min(n, met + unknown)) + "/" + std::to_string(n) + " (" +
          std::to_string(need) + " needed)");
    }
    if (t.value) t.reasons.clear();
    return t;
  }

  static std::string group_label(Criterion::Kind kind, int count) {
    switch (kind) {
      case Criterion::Kind::all: return "all of";
      case Criterion::Kind::any: return "any of";
      case Criterion::Kind::at_least: return "at least " + std::to_string(count) + " of";
      case Criterion::Kind::leaf: break;
    }
    return "";
  }

  std::pair<Tri, Tri> node(const Criterion& c, int depth) {
    if (c.kind == Criterion::Kind::leaf) return leaf(c, depth);
    const std::size_t at = out->size();
    LeafResult header;
    header.depth = depth;
    header.group = true;
    header.label = group_label(c.kind, c.count);
    if (c.also_read_as) {
      header.label += " (the wording also reads as " + group_label(*c.also_read_as, c.count) + ")";
    }
    out->push_back(header);
    std::vector<Tri> as, bs;
    for (const auto& child : c.children) {
      auto [ca, cb] = node(child, depth + 1);
      as.push_back(std::move(ca));
      bs.push_back(std::move(cb));
    }
    Tri a = combine(c.kind, c.count, as);
    Tri b = combine(c.also_read_as.value_or(c.kind), c.count, bs);
    auto& h = (*out)[at];
    h.status = status_of(a, b);
    if (h.status == Status::sources_disagree && c.also_read_as) {
      // The disagreement starts here: the wording's two conjunctions.
      h.origin = true;
      h.reason = "read as " + group_label(c.kind, c.count) + ": " + (*a.value ? "met" : "not met") +
                 "; read as " + group_label(*c.also_read_as, c.count) + ": " +
                 (*b.value ? "met" : "not met");
    } else if (h.status == Status::sources_disagree) {
      h.reason = "follows from the two readings below";
    } else if (h.status == Status::not_evaluable && c.kind == Criterion::Kind::at_least &&
               !a.reasons.empty()) {
      // Only the count is the group's own reason; a missing value is named at its comparison.
      h.reason = a.reasons.back();
    }
    return {a, b};
  }

  static Status status_of(const Tri& a, const Tri& b) {
    if (a.value && b.value) {
      if (*a.value != *b.value) return Status::sources_disagree;
      return *a.value ? Status::met : Status::not_met;
    }
    return Status::not_evaluable;
  }
};

std::vector<std::string> differences(const Rule& rule, const BridgeInputs& in) {
  std::vector<std::string> out;
  if (!rule.diagnoses.empty() && std::find(rule.diagnoses.begin(), rule.diagnoses.end(),
                                           in.diagnosis) == rule.diagnoses.end()) {
    out.push_back("derived in " + text::join(rule.diagnoses, "/") +
                  "; this patient's diagnosis is " +
                  (in.diagnosis.empty() ? std::string("not stated") : in.diagnosis));
  }
  if (!rule.candidacy.empty()) {
    std::vector<std::string> population;
    for (const auto c : rule.candidacy) population.emplace_back(candidacy_cohort_words(c));
    const bool same = in.candidacy && std::find(rule.candidacy.begin(), rule.candidacy.end(),
                                                *in.candidacy) != rule.candidacy.end();
    if (!in.candidacy) {
      out.push_back("derived in patients " + text::join(population, " or ") +
                    "; this patient's transplant candidacy is not stated "
                    "(bridge.transplant_candidacy in the patient file)");
    } else if (!same) {
      out.push_back("derived in patients " + text::join(population, " or ") + "; this patient is " +
                    std::string(candidacy_words(*in.candidacy)));
    }
  }
  const auto given = std::count_if(in.sessions.begin(), in.sessions.end(),
                                   [&](const SessionTime& s) { return s.started <= in.at; });
  if (!rule.pe_treated_population && given > 0) {
    out.push_back("this patient has received plasma exchange (" + std::to_string(given) +
                  (given == 1 ? " session" : " sessions") +
                  "); the cohort was not treated with it");
  }
  return out;
}

}  // namespace

std::string time_text(const std::optional<Epoch>& at) {
  return at ? records::timestamp_from_epoch(*at).utc : std::string("time not stated");
}

RuleResult evaluate_rule(const Rule& rule, const BridgeInputs& in) {
  RuleResult r;
  r.rule = &rule;
  r.differences = differences(rule, in);
  if (!rule.evaluated()) {
    r.reasons.push_back(
        "unverified wording: listed, not evaluated (a rule author can enable it "
        "with 'evaluate: true' after checking the publication)");
    return r;
  }
  r.evaluated = true;
  if (!rule.criteria) {
    r.reasons.push_back("no criteria (a prediction rule is evaluated by the prediction check)");
    return r;
  }
  Evaluator ev{rule, in, std::nullopt, std::nullopt, &r.criteria};
  if (rule.anchor != Anchor::none && rule.anchor != Anchor::before_first_exchange) {
    const auto t0 = anchor_time(rule.anchor, in.anchors);
    if (!t0) {
      r.reasons.push_back("the time of " + std::string(anchor_words(rule.anchor)) +
                          " is not stated");
      return r;
    }
    ev.from = rule.window.from ? plus(*t0, *rule.window.from) : *t0;
    if (rule.window.to) ev.to = plus(*t0, *rule.window.to);
    r.window_from = ev.from;
    r.window_to = ev.to;
    if (in.at < *ev.from) {
      r.reasons.push_back("window not open yet: opens at " + time_text(ev.from) + " (" +
                          std::string(anchor_words(rule.anchor)) +
                          (rule.window.from ? " + " + hours_text(*rule.window.from) : "") + ")");
      return r;
    }
  }
  auto [a, b] = ev.node(*rule.criteria, 0);
  r.status = Evaluator::status_of(a, b);
  if (r.status == Status::sources_disagree) {
    std::vector<std::string> why;
    for (const auto& c : r.criteria) {
      if (c.origin) why.push_back(c.label + ": " + c.reason);
    }
    r.readings = text::join(why, "; ");
  } else if (r.status == Status::not_evaluable) {
    r.reasons = a.reasons;
    for (const auto& reason : b.reasons) {
      if (std::find(r.reasons.begin(), r.reasons.end(), reason) == r.reasons.end()) {
        r.reasons.push_back(reason);
      }
    }
  }
  return r;
}

}  // namespace lb::bridge
