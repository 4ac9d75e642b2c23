#include "scores/meld.hpp"

#include <algorithm>
#include <cmath>

#include "scores/detail.hpp"

namespace lb::scores {

namespace {

using detail::num;

constexpr const char* kOptnSource =
    "OPTN Policy 9.1.D, as quoted in MIT-LCP/mimic-code meld.sql (clinical.md \u00a75.1)";
constexpr double kMeldCap = 40.0;

/// A lab floored at 1.0 (MELD and MELD 3.0: "values less than 1.0 are set to 1.0").
double floor_at_one(double v, const std::string& name, const std::string& unit,
                    std::vector<std::string>& bounds) {
  if (units::below(units::fraction(v), units::fraction(1.0))) {
    bounds.push_back(name + " raised to 1.0" + unit + " (from " + num(v) + ")");
    return 1.0;
  }
  return v;
}

/// Creatinine for MELD/MELD 3.0: floor 1.0, ceiling `cap`, and `cap` under dialysis.
double meld_creatinine(double cr, bool dialysis, const std::string& dialysis_note, double cap,
                       std::vector<std::string>& bounds) {
  if (dialysis) {
    bounds.push_back("creatinine set to " + num(cap) + ".0 mg/dL (" + dialysis_note + ")");
    return cap;
  }
  cr = floor_at_one(cr, "creatinine", " mg/dL", bounds);
  if (units::above(units::fraction(cr), units::fraction(cap))) {
    bounds.push_back("creatinine capped at " + num(cap) + ".0 mg/dL (from " + num(cr) + ")");
    return cap;
  }
  return cr;
}

void require_meld_labs(const ScoreInputs& in, ScoreResult& r,
                       const detail::DialysisRule& dialysis) {
  if (!in.bilirubin) r.missing.emplace_back("labs.bilirubin");
  if (!in.creatinine) r.missing.emplace_back("labs.creatinine");
  if (!in.inr) r.missing.emplace_back("labs.inr");
  if (!dialysis.applies) {
    r.missing.emplace_back(
        "dialysis in the last week (clinical.dialysis_sessions_last_week or "
        "clinical.cvvhd_24h_last_week)");
  }
}

/// 10 × MELD(i), with components and bounds recorded in `r`.
double meld_raw(const ScoreInputs& in, const detail::DialysisRule& dialysis, ScoreResult& r) {
  const double bili = floor_at_one(detail::bilirubin_mg_dl(*in.bilirubin), "bilirubin", " mg/dL",
                                   r.bounds_applied);
  const double cr = meld_creatinine(detail::creatinine_mg_dl(*in.creatinine), *dialysis.applies,
                                    dialysis.note, 4.0, r.bounds_applied);
  const double inr = floor_at_one(units::in_fraction(*in.inr), "INR", "", r.bounds_applied);
  const double t_cr = 9.57 * std::log(cr);
  const double t_bili = 3.78 * std::log(bili);
  const double t_inr = 11.2 * std::log(inr);
  r.components.push_back({"creatinine", detail::mg_dl_text(*in.creatinine) + " -> " + num(cr) +
                                            " mg/dL used; 9.57 \u00d7 ln(Cr)",
                          t_cr});
  r.components.push_back({"bilirubin", detail::mg_dl_text(*in.bilirubin) + " -> " + num(bili) +
                                           " mg/dL used; 3.78 \u00d7 ln(bili)",
                          t_bili});
  r.components.push_back({"INR", num(units::in_fraction(*in.inr)) + " -> " + num(inr) +
                                     " used; 11.2 \u00d7 ln(INR)",
                          t_inr});
  r.components.push_back({"constant", "6.43", 6.43});
  if (!dialysis.note.empty()) r.notes.push_back("dialysis: " + dialysis.note);
  return 10.0 * (0.957 * std::log(cr) + 0.378 * std::log(bili) + 1.120 * std::log(inr) + 0.643);
}

double cap_at_40(double v, const std::string& what, std::vector<std::string>& bounds) {
  if (v > kMeldCap) {
    bounds.push_back(what + " capped at 40 (from " + num(v) + ")");
    return kMeldCap;
  }
  return v;
}

}  // namespace

ScoreResult meld(const ScoreInputs& in) {
  ScoreResult r = detail::start("meld", "MELD", "MELD(i), OPTN Policy 9.1.D (UNOS, pre-2016)",
                                kOptnSource);
  const auto dialysis = detail::meld_dialysis_rule(in);
  require_meld_labs(in, r, dialysis);
  if (!r.missing.empty()) return r;
  const double raw = meld_raw(in, dialysis, r);
  r.raw = raw;
  r.value = cap_at_40(round_half_up(raw), "MELD", r.bounds_applied);
  if (in.age && units::below(*in.age, units::years(12))) {
    r.notes.emplace_back("MELD(i) is defined for candidates at least 12 years old");
  }
  return r;
}

ScoreResult meld_na(const ScoreInputs& in, MeldNaFormula formula) {
  const bool optn = formula == MeldNaFormula::optn_2016;
  ScoreResult r = detail::start(
      "meld_na", "MELD-Na",
      optn ? "MELD-Na, OPTN 2016" : "MELD-Na, 140 formula (Biggins 2006; transplantr, mdapp)",
      optn ? std::string(kOptnSource) + "; Kim WR et al., NEJM 2008;359:1018-26"
           : "MELD - Na - 0.025 \u00d7 MELD \u00d7 (140 - Na) + 140 as in R transplantr::meld_na "
             "and mdapp (clinical.md \u00a75.2; attribution to Biggins 2006 unverified)");
  const auto dialysis = detail::meld_dialysis_rule(in);
  require_meld_labs(in, r, dialysis);
  if (!in.sodium) r.missing.emplace_back("labs.sodium");
  if (!r.missing.empty()) return r;

  ScoreResult m;  // MELD's own bounds and components, then ours
  const double meld_unrounded = meld_raw(in, dialysis, m);
  const double meld_int = std::min(round_half_up(meld_unrounded), kMeldCap);
  r.bounds_applied = m.bounds_applied;
  r.notes = m.notes;

  const double na_in = units::in_mmol_per_l(*in.sodium);
  const double na_max = optn ? 137.0 : 140.0;
  double na = na_in;
  if (units::below(*in.sodium, units::mmol_per_l(125))) {
    na = 125.0;
    r.bounds_applied.push_back("sodium raised to 125 mmol/L (from " + num(na_in) + ")");
  } else if (units::above(*in.sodium, units::mmol_per_l(na_max))) {
    na = na_max;
    r.bounds_applied.push_back("sodium lowered to " + num(na_max) + " mmol/L (from " +
                               num(na_in) + ")");
  }

  double raw = 0.0;
  if (optn) {
    r.components.push_back({"MELD", num(meld_int) + " (rounded MELD(i) \u00d7 10)", meld_int});
    r.components.push_back({"sodium", num(na_in) + " mmol/L -> " + num(na) + " used", na});
    if (meld_int > 11.0) {
      raw = meld_int + 1.32 * (137.0 - na) - 0.033 * meld_int * (137.0 - na);
    } else {
      raw = meld_int;
      r.notes.emplace_back("MELD is 11 or less: MELD-Na equals MELD (OPTN)");
    }
  } else {
    r.components.push_back(
        {"MELD", num(round_half_up(meld_unrounded, 4)) + " (unrounded)", meld_unrounded});
    r.components.push_back({"sodium", num(na_in) + " mmol/L -> " + num(na) + " used", na});
    raw = meld_unrounded - na - 0.025 * meld_unrounded * (140.0 - na) + 140.0;
  }
  r.raw = raw;
  r.value = cap_at_40(round_half_up(raw), "MELD-Na", r.bounds_applied);
  return r;
}

ScoreResult meld_3(const ScoreInputs& in, Meld3Cap cap) {
  ScoreResult r = detail::start(
      "meld_3", "MELD 3.0",
      std::string("MELD 3.0, Kim 2021 / OPTN 2023") +
          (cap == Meld3Cap::cap_40 ? " (capped at 40)" : " (uncapped)"),
      "Kim WR et al., Gastroenterology 2021;161(6):1887-95; OPTN Policy 9.1.D from 13 July 2023 "
      "(clinical.md \u00a75.3)");
  const auto dialysis = detail::meld_dialysis_rule(in);
  require_meld_labs(in, r, dialysis);
  if (!in.sodium) r.missing.emplace_back("labs.sodium");
  if (!in.albumin) r.missing.emplace_back("labs.albumin");
  if (!in.age) r.missing.emplace_back("age");
  const bool youth = in.age && units::below(*in.age, units::years(18));
  if (!youth && !in.sex) r.missing.emplace_back("sex");
  if (!r.missing.empty()) return r;
  if (units::below(*in.age, units::years(12))) {
    r.notes.emplace_back("MELD 3.0 is defined for candidates at least 12 years old");
    return r;
  }

  auto& b = r.bounds_applied;
  const double bili = floor_at_one(detail::bilirubin_mg_dl(*in.bilirubin), "bilirubin", " mg/dL", b);
  const double cr =
      meld_creatinine(detail::creatinine_mg_dl(*in.creatinine), *dialysis.applies, dialysis.note,
                      3.0, b);
  const double inr = floor_at_one(units::in_fraction(*in.inr), "INR", "", b);
  const double na_in = units::in_mmol_per_l(*in.sodium);
  double na = na_in;
  if (units::below(*in.sodium, units::mmol_per_l(125))) {
    na = 125.0;
    b.push_back("sodium raised to 125 mmol/L (from " + num(na_in) + ")");
  } else if (units::above(*in.sodium, units::mmol_per_l(137))) {
    na = 137.0;
    b.push_back("sodium lowered to 137 mmol/L (from " + num(na_in) + ")");
  }
  const double alb_in = units::in_g_per_dl(*in.albumin);
  double alb = alb_in;
  if (units::below(*in.albumin, units::g_per_dl(1.5))) {
    alb = 1.5;
    b.push_back("albumin raised to 1.5 g/dL (from " + num(alb_in) + ")");
  } else if (units::above(*in.albumin, units::g_per_dl(3.5))) {
    alb = 3.5;
    b.push_back("albumin lowered to 3.5 g/dL (from " + num(alb_in) + ")");
  }
  if (!dialysis.note.empty()) r.notes.push_back("dialysis: " + dialysis.note);

  const bool female = in.sex && *in.sex == model::Sex::female;
  const double t_sex = (youth || female) ? 1.33 : 0.0;
  const double t_bili = 4.56 * std::log(bili);
  const double t_na = 0.82 * (137.0 - na);
  const double t_na_bili = -0.24 * (137.0 - na) * std::log(bili);
  const double t_inr = 9.09 * std::log(inr);
  const double t_cr = 11.14 * std::log(cr);
  const double t_alb = 1.85 * (3.5 - alb);
  const double t_alb_cr = -1.83 * (3.5 - alb) * std::log(cr);
  r.components.push_back(
      {"sex", youth ? "age 12-17: 1.33 for either sex"
                    : std::string(model::to_string(*in.sex)) + (female ? ": 1.33" : ": 0"),
       t_sex});
  r.components.push_back({"bilirubin", detail::mg_dl_text(*in.bilirubin) + " -> " + num(bili) +
                                           " mg/dL used; 4.56 \u00d7 ln(bili)",
                          t_bili});
  r.components.push_back({"sodium", num(na_in) + " mmol/L -> " + num(na) +
                                        " used; 0.82 \u00d7 (137 - Na)",
                          t_na});
  r.components.push_back({"sodium \u00d7 bilirubin", "-0.24 \u00d7 (137 - Na) \u00d7 ln(bili)",
                          t_na_bili});
  r.components.push_back({"INR", num(units::in_fraction(*in.inr)) + " -> " + num(inr) +
                                     " used; 9.09 \u00d7 ln(INR)",
                          t_inr});
  r.components.push_back({"creatinine", detail::mg_dl_text(*in.creatinine) + " -> " + num(cr) +
                                            " mg/dL used; 11.14 \u00d7 ln(Cr)",
                          t_cr});
  r.components.push_back({"albumin", num(alb_in) + " g/dL -> " + num(alb) +
                                         " used; 1.85 \u00d7 (3.5 - Alb)",
                          t_alb});
  r.components.push_back(
      {"albumin \u00d7 creatinine", "-1.83 \u00d7 (3.5 - Alb) \u00d7 ln(Cr)", t_alb_cr});
  r.components.push_back({"constant", "6", 6.0});

  const double raw = t_sex + t_bili + t_na + t_na_bili + t_inr + t_cr + t_alb + t_alb_cr + 6.0;
  r.raw = raw;
  const double rounded = round_half_up(raw);
  r.value = cap == Meld3Cap::cap_40 ? cap_at_40(rounded, "MELD 3.0", b) : rounded;
  return r;
}

}  // namespace lb::scores
