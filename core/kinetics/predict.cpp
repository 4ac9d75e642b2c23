#include "kinetics/predict.hpp"

#include "kinetics/compartment.hpp"
#include "kinetics/replacement_supply.hpp"
#include "text/format.hpp"

namespace lb::kinetics {

using protocol::KineticModel;

namespace {

constexpr const char* kNotComparable =
    "immediately after the session: not comparable with pre-session values (the extravascular "
    "pool refills the plasma afterwards); judge the effect on the efficacy labs (ASFA 2023, "
    "LiverBridge clinical reference §7.3)";

std::string interval_formula(KineticModel m, bool generation) {
  if (m == KineticModel::two_compartment) {
    return std::string("C(t) = C̄ + (1 − f)·(Cp − Ce)·e^(−ln2·t/T), C̄ = f·Cp + (1 − f)·Ce") +
           (generation ? " + g·t" : " (no generation modelled)");
  }
  return generation ? "C(t) = C_post + g·t"
                    : "C(t) = C_post (no generation modelled, no redistribution)";
}

std::string percent_text(units::Fraction f) { return text::fixed(units::in_percent(f), 0) + " %"; }

std::string model_method(KineticModel m) {
  switch (m) {
    case KineticModel::one_compartment: return "one-compartment exchange kinetics";
    case KineticModel::replacement_aware: return "replacement-aware exchange kinetics";
    case KineticModel::two_compartment: return "two-compartment kinetics with redistribution";
  }
  return "";
}

/// Builds the derivations for one solute with values of type Q.
template <class Q>
class Predictor {
 public:
  Predictor(const protocol::SoluteKinetics& k, const PredictionInputs& in, const LabValue& base)
      : k_(k), in_(in), base_(base) {}

  std::optional<std::string> set_up() {
    if (k_.model == KineticModel::two_compartment) {
      params_.intravascular_fraction = k_.intravascular_fraction;
      params_.redistribution_half_time = k_.redistribution_half_time;
    }
    auto supply = replacement_supply(k_, in_.replacement, in_.exchange, in_.ffp_last);
    if (!supply.supply) return supply.problem;
    supply_ = std::move(*supply.supply);
    if (k_.model != KineticModel::one_compartment) {
      Q mixed{};
      for (const SupplyFluid& fluid : supply_.fluids) {
        auto c = in_form_of(k_.solute, fluid.concentration, base_);
        if (!c) {
          return "the replacement concentration (" + fluid.name +
                 ") cannot be converted to the patient's unit";
        }
        const Q cr = std::get<Q>(*c);
        fluid_cr_.push_back(cr);
        mixed = mixed + fluid.share * cr;
        if (supply_.in_sequence) params_.stages.push_back({fluid.share, cr});
      }
      params_.replacement = mixed;
    }
    if (k_.generation) {
      auto rise = in_form_of(k_.solute, k_.generation->rise, base_);
      if (!rise) return "the generation rate cannot be converted to the patient's unit";
      params_.generation = std::get<Q>(*rise) / k_.generation->per;
    }
    return std::nullopt;
  }

  SolutePrediction run() {
    SolutePrediction out{k_.solute, k_.model, {}, k_.generation.has_value()};
    State<Q> state = at_equilibrium(std::get<Q>(base_));
    std::string prev_ref;  // id of the last post value, for the next pre value
    for (std::size_t i = 0; i < in_.sessions.size(); ++i) {
      const SessionTiming& s = in_.sessions[i];
      const int n = static_cast<int>(i) + 1;
      SessionValues v;
      if (i == 0) {
        v.pre = measured(state.plasma, n);
      } else {
        const units::Duration gap = s.start - in_.sessions[i - 1].end;
        state = after_interval(state, params_, gap);
        v.pre = interval_value(state.plasma, n, "pre", "before session", gap, prev_ref);
      }
      state = after_session(state, params_, s.plasma_volumes, s.end - s.start);
      v.post = session_value(state.plasma, n, v.pre.how.id, s);
      prev_ref = v.post.how.id;
      const State<Q> labs = after_interval(state, params_, in_.labs_after);
      v.next_day = interval_value(labs.plasma, n, "next_day", "at the efficacy labs after session",
                                  in_.labs_after, prev_ref);
      if (i + 1 < in_.sessions.size() && in_.sessions[i + 1].start < s.end + in_.labs_after) {
        v.next_session_before_labs = true;
        v.next_day.how.warnings.push_back(
            "session " + std::to_string(n + 1) +
            " starts before these labs are due; the value assumes no further exchange");
      }
      out.sessions.push_back(std::move(v));
    }
    return out;
  }

 private:
  [[nodiscard]] std::string id(int n, const std::string& when) const {
    return "kinetics." + std::string(protocol::to_string(k_.solute)) + "." + std::to_string(n) +
           "." + when;
  }
  [[nodiscard]] explain::Derivation base_how(const Q& value, int n, const std::string& when,
                                             const std::string& label) const {
    explain::Derivation d;
    d.id = id(n, when);
    d.label =
        std::string(protocol::solute_label(k_.solute)) + " " + label + " " + std::to_string(n);
    d.shown = shown(k_.solute, LabValue{value});
    d.method = model_method(k_.model);
    d.source = in_.citation;
    return d;
  }
  void add_parameters(explain::Derivation& d) const {
    if (k_.model == KineticModel::two_compartment) {
      d.inputs.push_back(explain::quantity_input(
          "f (intravascular fraction)", units::in_fraction(params_.intravascular_fraction), "", 2));
      if (params_.redistribution_half_time) {
        d.inputs.push_back(
            explain::quantity_input("T (redistribution half-time)",
                                    units::in_hours(*params_.redistribution_half_time), "h", 1));
      }
    }
    if (k_.generation) {
      const auto rise = shown(k_.solute, *in_form_of(k_.solute, k_.generation->rise, base_));
      d.inputs.push_back(explain::text_input(
          "g (generation)", text::shown(rise) + " per " +
                                text::shown({units::in_hours(k_.generation->per), "h", 0})));
    }
  }
  explain::Derived<LabValue> measured(const Q& value, int n) const {
    auto d = base_how(value, n, "pre", "before session");
    d.method = "measured (patient file), taken as the value at the start of session 1";
    d.formula = "C0 = measured value";
    d.inputs.push_back(
        explain::quantity_input("labs." + std::string(protocol::to_string(k_.solute)),
                                d.shown.value, d.shown.unit, d.shown.decimals));
    return {LabValue{value}, d};
  }
  explain::Derived<LabValue> interval_value(const Q& value, int n, const std::string& when,
                                            const std::string& label, units::Duration t,
                                            const std::string& ref) const {
    auto d = base_how(value, n, when, label);
    d.formula = interval_formula(k_.model, k_.generation.has_value());
    const int from = when == "pre" ? n - 1 : n;  // the session whose end state this continues
    auto state = explain::text_input("Cp, Ce after session " + std::to_string(from), "");
    state.ref = ref;
    d.inputs.push_back(state);
    d.inputs.push_back(
        explain::quantity_input("t (time since the session ended)", units::in_hours(t), "h", 1));
    add_parameters(d);
    if (auto note = no_generation_note(k_.model, k_.generation.has_value()); !note.empty()) {
      d.warnings.push_back(note);
    }
    return {LabValue{value}, d};
  }
  explain::Derived<LabValue> session_value(const Q& value, int n, const std::string& pre_ref,
                                           const SessionTiming& s) const {
    auto d = base_how(value, n, "post", "immediately after session");
    d.formula = session_formula(k_.model, k_.generation.has_value(), supply_.in_sequence);
    auto pre = explain::text_input("C_pre", "");
    pre.ref = pre_ref;
    d.inputs.push_back(pre);
    d.inputs.push_back(explain::quantity_input(
        "x (plasma volumes exchanged)", units::in_fraction(s.plasma_volumes), "", 2, in_.x_ref));
    if (k_.model != KineticModel::one_compartment) add_replacement(d);
    if (k_.solute == Solute::inr) {
      d.warnings.emplace_back(
          "INR is a ratio, not a concentration: moving it towards the INR of FFP is an "
          "approximation; check against the measured INR");
    }
    if (k_.generation || k_.model == KineticModel::two_compartment) {
      d.inputs.push_back(explain::quantity_input("τ (session duration)",
                                                 units::in_hours(s.end - s.start), "h", 2));
    }
    add_parameters(d);
    d.warnings.emplace_back(kNotComparable);
    return {LabValue{value}, d};
  }

  /// C_r of each fluid (with its share when there are two), the mixed C_r, and its basis.
  void add_replacement(explain::Derivation& d) const {
    const bool several = supply_.fluids.size() > 1;
    for (std::size_t i = 0; i < supply_.fluids.size(); ++i) {
      const SupplyFluid& fluid = supply_.fluids[i];
      const auto cr = shown(k_.solute, LabValue{fluid_cr_[i]});
      const std::string name =
          "Cr (" + fluid.name +
          (several ? ", " + percent_text(fluid.share) + " of the exchange" +
                         (supply_.in_sequence ? std::string(i == 0 ? ", first" : ", last") : "")
                   : std::string()) +
          ")";
      d.inputs.push_back(explain::quantity_input(name, cr.value, cr.unit, cr.decimals));
    }
    if (supply_.fluids.empty() || (several && !supply_.in_sequence)) {
      const auto cr = shown(k_.solute, LabValue{params_.replacement});
      d.inputs.push_back(
          explain::quantity_input(several ? "Cr (volume-weighted mix)" : "Cr (replacement fluid)",
                                  cr.value, cr.unit, cr.decimals));
    }
    d.inputs.push_back(explain::text_input("C_r from", supply_.basis));
  }

  const protocol::SoluteKinetics& k_;
  const PredictionInputs& in_;
  LabValue base_;
  Params<Q> params_;
  Supply supply_;
  std::vector<Q> fluid_cr_;  ///< C_r of each fluid of supply_, in the baseline's unit system
};

}  // namespace

std::string session_formula(KineticModel m, bool generation, bool in_sequence) {
  std::string f;
  switch (m) {
    case KineticModel::one_compartment: f = "C = C0·e^(−x)"; break;
    case KineticModel::replacement_aware:
      f = in_sequence ? "C1 = Cr1 + (C0 − Cr1)·e^(−s1·x) (albumin solution first); "
                        "Cp = Cr2 + (C1 − Cr2)·e^(−s2·x) (FFP last)"
                      : "Cp = Cr + (C0 − Cr)·e^(−x)";
      break;
    case KineticModel::two_compartment:
      f = "(Cp, Ce)(τ) = C* + e^(M·τ)·((Cp, Ce)(0) − C*), M = [[−a − k·(1 − f), k·(1 − f)], "
          "[k·f, −k·f]], a = x/τ, k = ln2/T, C* the steady state (redistribution during the "
          "session; Cp → Cr + (C0 − Cr)·e^(−x) when τ ≪ T)";
      if (in_sequence) f += ", per fluid in order (albumin solution first, FFP last)";
      break;
  }
  if (generation) {
    f += m == KineticModel::two_compartment ? ", with g added to both compartments"
                                            : ", with g: Cr → Cr + g·τ/x";
  }
  return f;
}

std::string no_generation_note(KineticModel m, bool generation) {
  if (generation) return "";
  if (m == KineticModel::two_compartment) {
    return "no generation modelled: the change after the session is the modelled "
           "redistribution from the extravascular pool (f and T are protocol parameters), not a "
           "measured rebound; synthesis and clearance are not included";
  }
  return "no generation modelled: the immediately-after value is carried forward unchanged (no "
         "synthesis, consumption or catabolism), so the labs may differ in either direction";
}

PredictionResult predict_solute(const protocol::SoluteKinetics& k,
                                const std::optional<LabValue>& baseline,
                                const PredictionInputs& in) {
  if (!baseline) {
    return {std::nullopt,
            "no " + std::string(protocol::to_string(k.solute)) + " value in the patient file"};
  }
  return std::visit(
      [&](const auto& c0) -> PredictionResult {
        using Q = std::decay_t<decltype(c0)>;
        Predictor<Q> p(k, in, *baseline);
        if (auto problem = p.set_up()) return {std::nullopt, *problem};
        return {p.run(), ""};
      },
      *baseline);
}

}  // namespace lb::kinetics
