#include "session/replacement_effect.hpp"

#include <cmath>
#include <string>

#include "session/figure.hpp"

namespace lb::session {

namespace {

using detail::figure;
using detail::from;
using detail::given;

constexpr const char* kMixingSource =
    "Reverberi R, Reverberi L. Blood Transfus 2007;5(3):164-74 (exchange kinetics), with the "
    "replacement fluid's content as inflow; LiverBridge clinical reference §7.2";

/// How a lab is shown: its unit name, extractor and decimals.
struct Scale {
  const char* unit;
  double factor;  ///< SI value × factor = shown value
  int decimals;
};

struct Stage {
  double x;   ///< plasma volumes of this fluid
  double cr;  ///< its concentration (shown unit)
};

template <class Q>
std::optional<explain::Derived<Q>> predict(const std::string& id, const std::string& label,
                                           std::optional<Q> c0, std::optional<Q> c_ffp,
                                           std::optional<Q> c_albumin, Scale scale,
                                           const ReplacementOrders& o,
                                           const explain::Derived<units::Volume>& pv, bool ffp_last,
                                           const std::string& source) {
  const double v_ffp = units::in_milliliters(o.ffp_volume.value);
  const double v_alb = units::in_milliliters(o.albumin_volume.value);
  const double v_pv = units::in_milliliters(pv.value);
  if (!c0 || !(v_pv > 0.0)) return std::nullopt;
  if ((v_ffp > 0.0 && !c_ffp) || (v_alb > 0.0 && !c_albumin)) return std::nullopt;
  const double start = c0->value() * scale.factor;
  const double cf = c_ffp ? c_ffp->value() * scale.factor : 0.0;
  const double ca = c_albumin ? c_albumin->value() * scale.factor : 0.0;
  const double x = (v_ffp + v_alb) / v_pv;
  double post = 0.0;
  auto how = figure(id, label, 0, scale.unit, scale.decimals);
  how.inputs = {given("C0 (patient)", start, scale.unit, 0, 3), from("V_FFP", o.ffp_volume.how),
                from("V_albumin", o.albumin_volume.how), from("PV", pv.how)};
  if (ffp_last && v_ffp > 0.0 && v_alb > 0.0) {
    // Albumin solution first, then FFP: two mixing steps in sequence.
    const Stage first{v_alb / v_pv, ca};
    const Stage second{v_ffp / v_pv, cf};
    const double mid = replacement_aware(start, first.cr, first.x);
    post = replacement_aware(mid, second.cr, second.x);
    how.method = "Replacement-aware mixing, albumin solution first and FFP last";
    how.formula =
        "C_mid = C_alb + (C0 − C_alb)·e^(−V_alb/PV); C = C_FFP + (C_mid − C_FFP)·e^(−V_FFP/PV)";
  } else {
    const double cr = (v_ffp * cf + v_alb * ca) / (v_ffp + v_alb);
    post = replacement_aware(start, cr, x);
    how.method = "Replacement-aware mixing (fluids given mixed)";
    how.formula = "C = C_r + (C0 − C_r)·e^(−x), x = (V_FFP + V_alb)/PV, C_r = volume-weighted";
  }
  if (v_ffp > 0.0) how.inputs.push_back(given("C_FFP", cf, scale.unit, 0, 3));
  if (v_alb > 0.0) how.inputs.push_back(given("C_albumin solution", ca, scale.unit, 0, 3));
  how.shown.value = post;
  how.source = source.empty() ? kMixingSource
                              : std::string(kMixingSource) + "; fluid composition: " + source;
  how.warnings.push_back(
      "immediately after the session; not comparable with pre-session values (redistribution and "
      "synthesis follow, LiverBridge clinical reference §7.3)");
  return explain::Derived<Q>{Q::from_value(post / scale.factor), how};
}

}  // namespace

double replacement_aware(double c0, double cr, double plasma_volumes) {
  return cr + (c0 - cr) * std::exp(-plasma_volumes);
}

ReplacementEffect replacement_effect(const protocol::ReplacementSettings& s,
                                     const ReplacementOrders& o,
                                     const explain::Derived<units::Volume>& pv,
                                     const patient::Labs& labs,
                                     const std::string& composition_citation) {
  ReplacementEffect out;
  const bool last = !o.ffp_last.empty();
  const auto& f = s.ffp_composition;
  const auto& a = s.albumin_composition;
  const std::string& src = composition_citation;
  const Scale g_l{"g/L", 1.0, 1};
  const Scale pct{"%", 100.0, 0};
  out.albumin = predict<units::MassConcentration>(
      "post_session_albumin", "Albumin after the session", labs.albumin, f.albumin,
      std::optional(s.albumin_concentration), g_l, o, pv, last, src);
  out.fibrinogen = predict<units::MassConcentration>(
      "post_session_fibrinogen", "Fibrinogen after the session", labs.fibrinogen, f.fibrinogen,
      a.fibrinogen, Scale{"g/L", 1.0, 2}, o, pv, last, src);
  out.factor_v =
      predict<units::Fraction>("post_session_factor_v", "Factor V after the session", labs.factor_v,
                               f.factor_activity, a.factor_activity, pct, o, pv, last, src);
  out.pta = predict<units::Fraction>("post_session_pta", "Prothrombin activity after the session",
                                     labs.pta, f.factor_activity, a.factor_activity, pct, o, pv,
                                     last, src);
  return out;
}

}  // namespace lb::session
