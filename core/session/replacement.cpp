#include "session/replacement.hpp"

#include <algorithm>
#include <stdexcept>

#include "session/figure.hpp"
#include "session/finding_codes.hpp"
#include "session/replacement_mix.hpp"
#include "units/compare.hpp"

namespace lb::session {

namespace {

using detail::figure;
using detail::from;
using detail::given;
using protocol::ReplacementMix;

constexpr const char* kOrderSource =
    "ASFA 2023, Connelly-Smith L et al. J Clin Apher 2023;38(2):77-278 (replacement plasma or "
    "plasma/albumin); whole units and vials; LiverBridge clinical reference §4";

std::string mix_text(const protocol::ReplacementSettings& s) {
  switch (s.mix) {
    case ReplacementMix::ffp: return "FFP only";
    case ReplacementMix::albumin: return "albumin solution only";
    case ReplacementMix::fractions:
      return "FFP " + text::fixed(units::in_percent(s.ffp_fraction), 1) + " %, albumin " +
             text::fixed(100.0 - units::in_percent(s.ffp_fraction), 1) + " %";
    case ReplacementMix::ffp_units:
      return std::to_string(s.ffp_units) + " FFP units, albumin solution for the rest";
  }
  return "";
}

double ml(units::Volume v) { return units::in_milliliters(v); }

}  // namespace

ReplacementOrders replacement_orders(const protocol::ReplacementSettings& s,
                                     const ReplacementInputs& in) {
  if (!units::positive(in.exchange.value)) {
    throw std::invalid_argument("replacement: the exchange volume must be positive");
  }
  if (in.sessions < 1) throw std::invalid_argument("replacement: at least one session");
  ReplacementOrders out;
  out.mix = s.mix;
  out.sessions = in.sessions;
  out.ffp_unit_volume = s.ffp_unit_volume;
  out.albumin_concentration = s.albumin_concentration;
  out.albumin_vial = s.albumin_vial;
  out.fluid_balance = s.fluid_balance;

  // Fluid balance: volume returned per volume removed (100 % = isovolaemic).
  const units::Volume replaced = in.exchange.value * s.fluid_balance;
  auto rv = figure("replacement_volume", "Replacement volume per session", ml(replaced), "mL", 0);
  rv.method = "Exchange volume × fluid balance";
  rv.formula = "V_replacement = V_exchange × fluid balance";
  rv.inputs = {from("V_exchange", in.exchange.how),
               given("fluid balance", units::in_percent(s.fluid_balance), "%")};
  rv.source = in.source_citation;
  out.replacement_volume = {replaced, rv};

  // FFP share: fixed for the fraction mixes; for ffp_units the units' volume, at most all of it.
  units::Volume ffp = replaced * ffp_share(s, replaced);
  auto fv = figure("ffp_volume_per_session", "FFP volume per session", 0, "mL", 0);
  if (s.mix == ReplacementMix::ffp_units) {
    const units::Volume wanted = s.ffp_unit_volume * static_cast<double>(s.ffp_units);
    fv.formula = "V_FFP = min(n_units × unit volume, V_replacement)";
    fv.inputs = {given("n_units", s.ffp_units, ""),
                 given("FFP unit volume", ml(s.ffp_unit_volume), "mL"), from("V_replacement", rv)};
    if (units::above(wanted, replaced)) {
      const std::string msg = std::to_string(s.ffp_units) + " FFP units (" +
                              text::grouped(ml(wanted), 0) +
                              " mL) exceed the replacement volume (" + detail::shown(rv) +
                              "); FFP replaces the whole volume";
      fv.warnings.push_back(msg);
      out.findings.push_back({diag::Severity::warning, codes::kFfpUnitsExceedVolume.code, msg,
                              "ffp_volume_per_session"});
    }
  } else {
    fv.formula = "V_FFP = V_replacement × FFP fraction";
    fv.inputs = {from("V_replacement", rv),
                 given("FFP fraction", units::in_fraction(ffp_share(s, replaced)), "", 0, 4)};
  }
  fv.method = mix_text(s);
  fv.shown.value = ml(ffp);
  fv.source = in.source_citation;
  out.ffp_volume = {ffp, fv};

  const int units_needed = detail::whole_ceiling(ffp / s.ffp_unit_volume);
  auto fu = figure("ffp_units_per_session", "FFP units per session", units_needed, "units", 0);
  fu.method = "Whole units, rounded up";
  fu.formula = "n_FFP = ceil(V_FFP / unit volume)";
  fu.inputs = {from("V_FFP", fv), given("FFP unit volume", ml(s.ffp_unit_volume), "mL")};
  fu.source = kOrderSource;
  out.ffp_units = {units_needed, fu};

  const units::Volume albumin = std::max(replaced - ffp, units::milliliters(0));
  auto av = figure("albumin_volume_per_session", "Albumin solution volume per session", ml(albumin),
                   "mL", 0);
  av.method = mix_text(s);
  av.formula = "V_albumin = V_replacement − V_FFP";
  av.inputs = {from("V_replacement", rv), from("V_FFP", fv)};
  av.source = in.source_citation;
  out.albumin_volume = {albumin, av};

  const units::Mass grams_needed = albumin * s.albumin_concentration;
  const int vials = detail::whole_ceiling(grams_needed / s.albumin_vial);
  auto vi = figure("albumin_vials_per_session", "Albumin vials per session", vials, "vials", 0);
  vi.method = "Whole vials, rounded up";
  vi.formula = "n_vials = ceil(V_albumin × c_albumin / vial mass)";
  vi.inputs = {from("V_albumin", av),
               given("c_albumin", units::in_g_per_l(s.albumin_concentration), "g/L", 0, 2),
               given("vial", units::in_grams(s.albumin_vial), "g", 0, 2)};
  vi.source = kOrderSource;
  out.albumin_vials = {vials, vi};

  const units::Mass grams = s.albumin_vial * static_cast<double>(vials);
  auto ag =
      figure("albumin_grams_per_session", "Albumin per session", units::in_grams(grams), "g", 1);
  ag.method = "Whole vials";
  ag.formula = "albumin = n_vials × vial mass";
  ag.inputs = {from("n_vials", vi), given("vial", units::in_grams(s.albumin_vial), "g", 0, 2)};
  ag.source = kOrderSource;
  out.albumin_grams = {grams, ag};

  // FFP last: only meaningful when both fluids are given.
  if (s.ffp_last_inr && in.inr && units::at_least(*in.inr, *s.ffp_last_inr) && units_needed > 0 &&
      vials > 0) {
    out.ffp_last = "give the albumin solution first and the FFP last (INR " +
                   text::fixed(units::in_fraction(*in.inr), 2) + " ≥ " +
                   text::fixed(units::in_fraction(*s.ffp_last_inr), 2) + ")";
  }

  // Per course: the blood bank is told on day one.
  const double n = static_cast<double>(in.sessions);
  const auto sessions_input = given("sessions", n, "");
  auto fvc = figure("ffp_volume_per_course", "FFP volume per course", ml(ffp) * n, "mL", 0);
  fvc.method = "Per course: every session ordered alike";
  fvc.formula = "V_FFP × sessions";
  fvc.inputs = {from("V_FFP", fv), sessions_input};
  fvc.source = in.source_citation;
  out.ffp_volume_course = {ffp * n, fvc};
  auto fuc = figure("ffp_units_per_course", "FFP units per course", units_needed * in.sessions,
                    "units", 0);
  fuc.method = "Per course: every session ordered alike";
  fuc.formula = "n_FFP × sessions (each session's units are ordered whole)";
  fuc.inputs = {from("n_FFP", fu), sessions_input};
  fuc.source = kOrderSource;
  out.ffp_units_course = {units_needed * in.sessions, fuc};
  auto vic = figure("albumin_vials_per_course", "Albumin vials per course", vials * in.sessions,
                    "vials", 0);
  vic.method = "Per course: every session ordered alike";
  vic.formula = "n_vials × sessions";
  vic.inputs = {from("n_vials", vi), sessions_input};
  vic.source = kOrderSource;
  out.albumin_vials_course = {vials * in.sessions, vic};
  auto agc =
      figure("albumin_grams_per_course", "Albumin per course", units::in_grams(grams) * n, "g", 1);
  agc.method = "Per course: every session ordered alike";
  agc.formula = "albumin per session × sessions";
  agc.inputs = {from("albumin", ag), sessions_input};
  agc.source = kOrderSource;
  out.albumin_grams_course = {grams * n, agc};
  return out;
}

}  // namespace lb::session
