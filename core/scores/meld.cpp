#include "scores/meld.hpp"

#include <algorithm>
#include <cmath>

#include "scores/detail.hpp"

namespace lb::scores {

namespace {

using detail::num;

constexpr const char* kOptnSource =
    "Kamath PS et al., Hepatology 2001;33(2):464-70; OPTN Policy 9.1.D; "
    "LiverBridge clinical reference §9";
constexpr double kMeldCap = 40.0;

/// A lab after the MELD bounds: the value used and the bound that applied.
struct Bounded {
  double entered = 0.0;  ///< in the formula's unit
  double used = 0.0;
  enum class Bound { none, raised, capped, dialysis } bound = Bound::none;
};

/// "Values less than 1.0 are set to 1.0" (MELD and MELD 3.0).
Bounded floor_at_one(double v) {
  if (units::below(units::fraction(v), units::fraction(1.0))) {
    return {v, 1.0, Bounded::Bound::raised};
  }
  return {v, v, Bounded::Bound::none};
}

/// Creatinine: floor 1.0, ceiling `cap`, and `cap` under the dialysis rule.
Bounded meld_creatinine(double cr, bool dialysis, double cap) {
  if (dialysis) return {cr, cap, Bounded::Bound::dialysis};
  const Bounded b = floor_at_one(cr);
  if (units::above(units::fraction(b.used), units::fraction(cap))) {
    return {cr, cap, Bounded::Bound::capped};
  }
  return b;
}

/// Sodium clamped to [125, high] mmol/L (MELD-Na: 137 or 140; MELD 3.0: 137).
Bounded clamp_sodium(units::AmountConcentration na, double high) {
  const double v = units::in_mmol_per_l(na);
  if (units::below(na, units::mmol_per_l(125))) return {v, 125.0, Bounded::Bound::raised};
  if (units::above(na, units::mmol_per_l(high))) return {v, high, Bounded::Bound::capped};
  return {v, v, Bounded::Bound::none};
}

/// MELD's three labs after their bounds; empty when an input or the dialysis
/// history is missing.
struct MeldLabs {
  Bounded bilirubin, creatinine, inr;
};
std::optional<MeldLabs> meld_labs(const ScoreInputs& in, const detail::DialysisRule& dialysis,
                                  double creatinine_cap) {
  if (!in.bilirubin || !in.creatinine || !in.inr || !dialysis.applies) return std::nullopt;
  return MeldLabs{
      floor_at_one(detail::bilirubin_mg_dl(*in.bilirubin)),
      meld_creatinine(detail::creatinine_mg_dl(*in.creatinine), *dialysis.applies, creatinine_cap),
      floor_at_one(units::in_fraction(*in.inr))};
}

/// 10 × MELD(i), unrounded.
double meld_formula(const MeldLabs& l) {
  return 10.0 * (0.957 * std::log(l.creatinine.used) + 0.378 * std::log(l.bilirubin.used) +
                 1.120 * std::log(l.inr.used) + 0.643);
}

double capped(double rounded) { return std::min(rounded, kMeldCap); }

/// MELD-Na from the MELD (rounded for OPTN, unrounded for the 140 formula).
double meld_na_formula(double meld_rounded, double meld_unrounded, double na, bool optn) {
  if (optn) {
    if (meld_rounded <= 11.0) return meld_rounded;
    return meld_rounded + 1.32 * (137.0 - na) - 0.033 * meld_rounded * (137.0 - na);
  }
  return meld_unrounded - na - 0.025 * meld_unrounded * (140.0 - na) + 140.0;
}

/// MELD 3.0's terms, in the order of the published formula.
struct Meld3Terms {
  double sex = 0, bili = 0, na = 0, na_bili = 0, inr = 0, cr = 0, alb = 0, alb_cr = 0;
  [[nodiscard]] double raw() const {
    return sex + bili + na + na_bili + inr + cr + alb + alb_cr + 6.0;
  }
};
struct Meld3Inputs {
  MeldLabs labs;
  Bounded sodium, albumin;
  bool youth = false;  ///< 12–17 years: 1.33 whatever the sex
  bool female = false;
};
std::optional<Meld3Inputs> meld_3_inputs(const ScoreInputs& in,
                                         const detail::DialysisRule& dialysis) {
  const auto labs = meld_labs(in, dialysis, 3.0);
  if (!labs || !in.sodium || !in.albumin || !in.age) return std::nullopt;
  const bool youth = units::below(*in.age, units::years(18));
  if ((!youth && !in.sex) || units::below(*in.age, units::years(12))) return std::nullopt;
  Meld3Inputs m{
      *labs, clamp_sodium(*in.sodium, 137.0), {}, youth, in.sex && *in.sex == model::Sex::female};
  const double alb = units::in_g_per_dl(*in.albumin);
  if (units::below(*in.albumin, units::g_per_dl(1.5))) {
    m.albumin = {alb, 1.5, Bounded::Bound::raised};
  } else if (units::above(*in.albumin, units::g_per_dl(3.5))) {
    m.albumin = {alb, 3.5, Bounded::Bound::capped};
  } else {
    m.albumin = {alb, alb, Bounded::Bound::none};
  }
  return m;
}
Meld3Terms meld_3_terms(const Meld3Inputs& m) {
  const double ln_bili = std::log(m.labs.bilirubin.used);
  const double ln_cr = std::log(m.labs.creatinine.used);
  const double na = m.sodium.used;
  const double alb = m.albumin.used;
  Meld3Terms t;
  t.sex = (m.youth || m.female) ? 1.33 : 0.0;
  t.bili = 4.56 * ln_bili;
  t.na = 0.82 * (137.0 - na);
  t.na_bili = -0.24 * (137.0 - na) * ln_bili;
  t.inr = 9.09 * std::log(m.labs.inr.used);
  t.cr = 11.14 * ln_cr;
  t.alb = 1.85 * (3.5 - alb);
  t.alb_cr = -1.83 * (3.5 - alb) * ln_cr;
  return t;
}

// ---- explanation ------------------------------------------------------------------------

/// The bound, in words, for `bounds_applied` ("" when none applied).
std::string bound_text(const std::string& name, const Bounded& b, const std::string& unit,
                       const std::string& dialysis_note = "") {
  switch (b.bound) {
    case Bounded::Bound::none: return "";
    case Bounded::Bound::raised:
      return name + " raised to " + num(b.used) + (b.used == 1.0 ? ".0" : "") + unit + " (from " +
             num(b.entered) + ")";
    case Bounded::Bound::capped:
      return name + (name == "creatinine" ? " capped at " : " lowered to ") + num(b.used) +
             (name == "creatinine" ? ".0" : "") + unit + " (from " + num(b.entered) + ")";
    case Bounded::Bound::dialysis:
      return name + " set to " + num(b.used) + ".0" + unit + " (" + dialysis_note + ")";
  }
  return "";
}

void add_bound(ScoreResult& r, const std::string& text) {
  if (!text.empty()) r.bounds_applied.push_back(text);
}

void add_lab_bounds(ScoreResult& r, const MeldLabs& l, const detail::DialysisRule& dialysis) {
  add_bound(r, bound_text("bilirubin", l.bilirubin, " mg/dL"));
  add_bound(r, bound_text("creatinine", l.creatinine, " mg/dL", dialysis.note));
  add_bound(r, bound_text("INR", l.inr, ""));
  if (!dialysis.note.empty()) r.notes.push_back("dialysis: " + dialysis.note);
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

void cap_note(ScoreResult& r, const std::string& what, double rounded) {
  if (rounded > kMeldCap)
    r.bounds_applied.push_back(what + " capped at 40 (from " + num(rounded) + ")");
}

}  // namespace

MeldNumbers meld_numbers(const ScoreInputs& in) {
  const auto labs = meld_labs(in, detail::meld_dialysis_rule(in), 4.0);
  if (!labs) return {};
  const double raw = meld_formula(*labs);
  return {raw, capped(round_half_up(raw))};
}

MeldNumbers meld_na_numbers(const ScoreInputs& in, MeldNaFormula formula) {
  const auto labs = meld_labs(in, detail::meld_dialysis_rule(in), 4.0);
  if (!labs || !in.sodium) return {};
  const bool optn = formula == MeldNaFormula::optn_2016;
  const double meld = meld_formula(*labs);
  const double na = clamp_sodium(*in.sodium, optn ? 137.0 : 140.0).used;
  const double raw = meld_na_formula(capped(round_half_up(meld)), meld, na, optn);
  return {raw, capped(round_half_up(raw))};
}

MeldNumbers meld_3_numbers(const ScoreInputs& in, Meld3Cap cap) {
  const auto m = meld_3_inputs(in, detail::meld_dialysis_rule(in));
  if (!m) return {};
  const double raw = meld_3_terms(*m).raw();
  const double rounded = round_half_up(raw);
  return {raw, cap == Meld3Cap::cap_40 ? capped(rounded) : rounded};
}

ScoreResult meld(const ScoreInputs& in) {
  ScoreResult r =
      detail::start("meld", "MELD", "MELD(i), OPTN Policy 9.1.D (UNOS, pre-2016)", kOptnSource);
  const auto dialysis = detail::meld_dialysis_rule(in);
  const auto labs = meld_labs(in, dialysis, 4.0);
  if (!labs) {
    require_meld_labs(in, r, dialysis);
    return r;
  }
  add_lab_bounds(r, *labs, dialysis);
  r.components.push_back({"creatinine",
                          detail::mg_dl_text(*in.creatinine) + " -> " + num(labs->creatinine.used) +
                              " mg/dL used; 9.57 \u00d7 ln(Cr)",
                          9.57 * std::log(labs->creatinine.used)});
  r.components.push_back({"bilirubin",
                          detail::mg_dl_text(*in.bilirubin) + " -> " + num(labs->bilirubin.used) +
                              " mg/dL used; 3.78 \u00d7 ln(bili)",
                          3.78 * std::log(labs->bilirubin.used)});
  r.components.push_back(
      {"INR", num(labs->inr.entered) + " -> " + num(labs->inr.used) + " used; 11.2 \u00d7 ln(INR)",
       11.2 * std::log(labs->inr.used)});
  r.components.push_back({"constant", "6.43", 6.43});
  const MeldNumbers n = meld_numbers(in);
  r.raw = n.raw;
  r.value = n.value;
  cap_note(r, "MELD", round_half_up(*n.raw));
  if (in.age && units::below(*in.age, units::years(12))) {
    r.notes.emplace_back("MELD(i) is defined for candidates at least 12 years old");
  }
  return r;
}

ScoreResult meld_na(const ScoreInputs& in, MeldNaFormula formula) {
  const bool optn = formula == MeldNaFormula::optn_2016;
  ScoreResult r = detail::start(
      "meld_na", "MELD-Na", optn ? "MELD-Na, OPTN 2016" : "MELD-Na, 140 formula",
      optn ? "Kim WR et al., N Engl J Med 2008;359(10):1018-26; OPTN Policy 9.1.D; "
             "LiverBridge clinical reference §10"
           // Biggins 2006's own score is MELD + 1.59 × (135 − Na); where the "140" form was
           // first published is not confirmed (clinical reference §10, §23).
           : "origin not confirmed (often attributed to Biggins SW et al., Gastroenterology "
             "2006;130(6):1652-60, whose score is MELD + 1.59 × (135 − Na)); unverified "
             "default, review locally; LiverBridge clinical reference §10");
  const auto dialysis = detail::meld_dialysis_rule(in);
  const auto labs = meld_labs(in, dialysis, 4.0);
  if (!labs || !in.sodium) {
    require_meld_labs(in, r, dialysis);
    if (!in.sodium) r.missing.emplace_back("labs.sodium");
    return r;
  }
  add_lab_bounds(r, *labs, dialysis);
  const double meld_unrounded = meld_formula(*labs);
  const double meld_int = capped(round_half_up(meld_unrounded));
  const Bounded na = clamp_sodium(*in.sodium, optn ? 137.0 : 140.0);
  add_bound(r, bound_text("sodium", na, " mmol/L"));
  if (optn) {
    r.components.push_back({"MELD", num(meld_int) + " (rounded MELD(i) \u00d7 10)", meld_int});
  } else {
    r.components.push_back(
        {"MELD", num(round_half_up(meld_unrounded, 4)) + " (unrounded)", meld_unrounded});
  }
  r.components.push_back(
      {"sodium", num(na.entered) + " mmol/L -> " + num(na.used) + " used", na.used});
  if (optn && meld_int <= 11.0) {
    r.notes.emplace_back("MELD is 11 or less: MELD-Na equals MELD (OPTN)");
  }
  // QxMD corrects sodium for hyperglycaemia; OPTN policy does not (LiverBridge clinical reference
  // §10).
  if (in.glucose && units::above(in.glucose->mass(), units::mg_per_dl(100))) {
    const double glucose = units::in_mg_per_dl(in.glucose->mass());
    r.notes.push_back(
        "not applied: some calculators (QxMD) correct sodium for glucose, Na + "
        "0.024 \u00d7 (glucose - 100 mg/dL) = " +
        num(round_half_up(na.entered + 0.024 * (glucose - 100.0), 1)) +
        " mmol/L; OPTN policy uses the measured sodium");
  }
  const MeldNumbers n = meld_na_numbers(in, formula);
  r.raw = n.raw;
  r.value = n.value;
  cap_note(r, "MELD-Na", round_half_up(*n.raw));
  return r;
}

ScoreResult meld_3(const ScoreInputs& in, Meld3Cap cap) {
  ScoreResult r = detail::start(
      "meld_3", "MELD 3.0",
      std::string("MELD 3.0, Kim 2021 / OPTN 2023") +
          (cap == Meld3Cap::cap_40 ? " (capped at 40)" : " (uncapped)"),
      "Kim WR et al., Gastroenterology 2021;161(6):1887-95; OPTN Policy 9.1.D from 13 July 2023; "
      "LiverBridge clinical reference §11");
  const auto dialysis = detail::meld_dialysis_rule(in);
  const auto m = meld_3_inputs(in, dialysis);
  if (!m) {
    require_meld_labs(in, r, dialysis);
    if (!in.sodium) r.missing.emplace_back("labs.sodium");
    if (!in.albumin) r.missing.emplace_back("labs.albumin");
    if (!in.age) r.missing.emplace_back("age");
    const bool youth = in.age && units::below(*in.age, units::years(18));
    if (!youth && !in.sex) r.missing.emplace_back("sex");
    if (r.missing.empty()) {
      r.notes.emplace_back("MELD 3.0 is defined for candidates at least 12 years old");
    }
    return r;
  }
  add_lab_bounds(r, m->labs, dialysis);
  add_bound(r, bound_text("sodium", m->sodium, " mmol/L"));
  if (m->albumin.bound == Bounded::Bound::raised) {
    r.bounds_applied.push_back("albumin raised to 1.5 g/dL (from " + num(m->albumin.entered) + ")");
  } else if (m->albumin.bound == Bounded::Bound::capped) {
    r.bounds_applied.push_back("albumin lowered to 3.5 g/dL (from " + num(m->albumin.entered) +
                               ")");
  }

  const Meld3Terms t = meld_3_terms(*m);
  r.components.push_back(
      {"sex",
       m->youth ? "age 12-17: 1.33 for either sex"
                : std::string(model::to_string(*in.sex)) + (m->female ? ": 1.33" : ": 0"),
       t.sex});
  r.components.push_back({"bilirubin",
                          detail::mg_dl_text(*in.bilirubin) + " -> " + num(m->labs.bilirubin.used) +
                              " mg/dL used; 4.56 \u00d7 ln(bili)",
                          t.bili});
  r.components.push_back({"sodium",
                          num(m->sodium.entered) + " mmol/L -> " + num(m->sodium.used) +
                              " used; 0.82 \u00d7 (137 - Na)",
                          t.na});
  r.components.push_back(
      {"sodium \u00d7 bilirubin", "-0.24 \u00d7 (137 - Na) \u00d7 ln(bili)", t.na_bili});
  r.components.push_back(
      {"INR",
       num(m->labs.inr.entered) + " -> " + num(m->labs.inr.used) + " used; 9.09 \u00d7 ln(INR)",
       t.inr});
  r.components.push_back({"creatinine",
                          detail::mg_dl_text(*in.creatinine) + " -> " +
                              num(m->labs.creatinine.used) + " mg/dL used; 11.14 \u00d7 ln(Cr)",
                          t.cr});
  r.components.push_back({"albumin",
                          num(m->albumin.entered) + " g/dL -> " + num(m->albumin.used) +
                              " used; 1.85 \u00d7 (3.5 - Alb)",
                          t.alb});
  r.components.push_back(
      {"albumin \u00d7 creatinine", "-1.83 \u00d7 (3.5 - Alb) \u00d7 ln(Cr)", t.alb_cr});
  r.components.push_back({"constant", "6", 6.0});

  const MeldNumbers n = meld_3_numbers(in, cap);
  r.raw = n.raw;
  r.value = n.value;
  if (cap == Meld3Cap::cap_40) cap_note(r, "MELD 3.0", round_half_up(*n.raw));
  return r;
}

}  // namespace lb::scores
