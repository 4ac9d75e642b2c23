#include "kinetics/predict.hpp"

#include "kinetics/compartment.hpp"
#include "text/format.hpp"

namespace lb::kinetics {

using protocol::KineticModel;

namespace {

constexpr const char* kNotComparable =
    "immediately after the session: not comparable with pre-session values (the extravascular "
    "pool refills the plasma afterwards); judge the effect on the efficacy labs (ASFA 2023, "
    "clinical.md §2.2)";

std::string interval_formula(KineticModel m, bool generation) {
  if (m == KineticModel::two_compartment) {
    return std::string("C(t) = C̄ + (1 − f)·(Cp − Ce)·e^(−ln2·t/T), C̄ = f·Cp + (1 − f)·Ce") +
           (generation ? " + g·t" : "");
  }
  return generation ? "C(t) = C_post + g·t" : "C(t) = C_post (no generation, no redistribution)";
}

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
    const auto& given =
        k_.replacement_concentration ? k_.replacement_concentration : in_.replacement_from_mix;
    if (k_.model == KineticModel::replacement_aware && !given) {
      return "no replacement concentration: the protocol gives none and its replacement mix "
             "has no " +
             std::string(protocol::to_string(k_.solute)) + " composition";
    }
    if (given && k_.model != KineticModel::one_compartment) {
      auto c = in_form_of(k_.solute, *given, base_);
      if (!c) return "the replacement concentration cannot be converted to the patient's unit";
      params_.replacement = std::get<Q>(*c);
    }
    if (k_.generation) {
      auto rise = in_form_of(k_.solute, k_.generation->rise, base_);
      if (!rise) return "the generation rate cannot be converted to the patient's unit";
      params_.generation = std::get<Q>(*rise) / k_.generation->per;
    }
    return std::nullopt;
  }

  SolutePrediction run() {
    SolutePrediction out{k_.solute, k_.model, {}};
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
    return {LabValue{value}, d};
  }
  explain::Derived<LabValue> session_value(const Q& value, int n, const std::string& pre_ref,
                                           const SessionTiming& s) const {
    auto d = base_how(value, n, "post", "immediately after session");
    d.formula = session_formula(k_.model, k_.generation.has_value());
    auto pre = explain::text_input("C_pre", "");
    pre.ref = pre_ref;
    d.inputs.push_back(pre);
    d.inputs.push_back(explain::quantity_input(
        "x (plasma volumes exchanged)", units::in_fraction(s.plasma_volumes), "", 2, in_.x_ref));
    if (k_.model != KineticModel::one_compartment) {
      const auto cr = shown(k_.solute, LabValue{params_.replacement});
      d.inputs.push_back(
          explain::quantity_input("Cr (replacement fluid)", cr.value, cr.unit, cr.decimals));
    }
    if (k_.generation) {
      d.inputs.push_back(explain::quantity_input("τ (session duration)",
                                                 units::in_hours(s.end - s.start), "h", 2));
    }
    add_parameters(d);
    d.warnings.emplace_back(kNotComparable);
    return {LabValue{value}, d};
  }

  const protocol::SoluteKinetics& k_;
  const PredictionInputs& in_;
  LabValue base_;
  Params<Q> params_;
};

}  // namespace

std::string session_formula(KineticModel m, bool generation) {
  std::string f;
  switch (m) {
    case KineticModel::one_compartment: f = "C = C0·e^(−x)"; break;
    case KineticModel::replacement_aware:
    case KineticModel::two_compartment: f = "Cp = Cr + (C0 − Cr)·e^(−x)"; break;
  }
  if (generation) f += ", with g: Cr → Cr + g·τ/x";
  return f;
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
