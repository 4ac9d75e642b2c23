#include "scores/kings_college.hpp"

#include "scores/detail.hpp"

namespace lb::scores {

namespace {

using detail::num;

constexpr const char* kSource =
    "O'Grady JG et al., Gastroenterology 1989;97(2):439-45; lactate: Bernal W et al., Lancet "
    "2002;359:558-63; LiverBridge clinical reference §14";

/// A criterion that is true, false or unknown, shown as a component.
void criterion(ScoreResult& r, const std::string& name, const std::optional<bool>& state,
               const std::string& input) {
  r.components.push_back({name, state ? input : "not given",
                          state ? std::optional<double>(*state ? 1.0 : 0.0) : std::nullopt});
}

std::string yes_no(bool b) { return b ? "criterion met" : "criterion not met"; }

KccState paracetamol_state(const ScoreInputs& in) {
  KccState s;
  s.paracetamol = true;
  if (in.arterial_ph) s.ph = units::below(*in.arterial_ph, units::fraction(7.30));
  if (in.inr) s.inr_over_6_5 = units::above(*in.inr, units::fraction(6.5));
  if (in.creatinine) s.creatinine = units::above(in.creatinine->amount(), units::umol_per_l(300));
  if (in.he_grade) s.encephalopathy = *in.he_grade >= 3;
  const bool triad_true = s.inr_over_6_5.value_or(false) && s.creatinine.value_or(false) &&
                          s.encephalopathy.value_or(false);
  const bool triad_false = (s.inr_over_6_5 && !*s.inr_over_6_5) ||
                           (s.creatinine && !*s.creatinine) ||
                           (s.encephalopathy && !*s.encephalopathy);
  if (s.ph.value_or(false) || triad_true) {
    s.met = true;
  } else if (s.ph && triad_false) {
    s.met = false;
  }
  return s;
}

KccState non_paracetamol_state(const ScoreInputs& in, KccAge age_rule, KccBilirubin bili_rule) {
  KccState s;
  if (in.inr) {
    s.inr_over_6_5 = units::above(*in.inr, units::fraction(6.5));
    s.inr_over_3_5 = units::above(*in.inr, units::fraction(3.5));
  }
  const auto e = *in.etiology;
  s.cause = e == patient::Etiology::indeterminate || e == patient::Etiology::halothane ||
            e == patient::Etiology::drug_induced;
  if (in.age) {
    const double young = age_rule == KccAge::under_10_or_over_40 ? 10.0 : 11.0;
    s.age = units::below(*in.age, units::years(young)) || units::above(*in.age, units::years(40));
  }
  if (in.jaundice_to_encephalopathy) {
    s.interval = units::above(*in.jaundice_to_encephalopathy, units::days(7));
  }
  if (in.bilirubin) {
    s.bilirubin = bili_rule == KccBilirubin::above_300_umol_l
                      ? units::above(in.bilirubin->amount(), units::umol_per_l(300))
                      : units::above(in.bilirubin->mass(), units::mg_per_dl(17.5));
  }
  for (const auto& c : {s.cause, s.age, s.interval, s.inr_over_3_5, s.bilirubin}) {
    if (!c) {
      ++s.minor_unknown;
    } else if (*c) {
      ++s.minor_met;
    }
  }
  if (s.inr_over_6_5.value_or(false) || s.minor_met >= 3) {
    s.met = true;
  } else if (s.inr_over_6_5 && s.minor_met + s.minor_unknown < 3) {
    s.met = false;
  }
  return s;
}

void paracetamol_additions(const ScoreInputs& in, ScoreResult& r) {
  if (in.lactate) {
    const auto lac = in.lactate->amount();
    const bool over_35 = units::above(lac, units::mmol_per_l(3.5));
    const bool over_30 = units::above(lac, units::mmol_per_l(3.0));
    r.components.push_back(
        {"addition: lactate (modified KCC)",
         detail::mmol_l_text(*in.lactate) + "; > 3.5 mmol/L at 4 h: " + (over_35 ? "yes" : "no") +
             ", > 3.0 mmol/L at 12 h after fluid resuscitation: " + (over_30 ? "yes" : "no"),
         over_30 ? 1.0 : 0.0});
    if (over_30) {
      r.notes.push_back(
          "lactate addition (Bernal W et al., Lancet 2002;359:558-63): lactate " +
          detail::mmol_l_text(*in.lactate) + " is above " +
          (over_35 ? "3.5 mmol/L (the 4 h threshold)" : "3.0 mmol/L (the 12 h threshold only)") +
          "; check the time after fluid resuscitation; shown separately, not part of 'met'");
    }
  } else {
    r.components.push_back({"addition: lactate (modified KCC)", "not given", std::nullopt});
  }
  if (in.phosphate) {
    const bool over = units::above(in.phosphate->amount(), units::mmol_per_l(1.2));
    r.components.push_back({"addition: phosphate (modified KCC)",
                            detail::mmol_l_text(*in.phosphate) +
                                "; > 1.2 mmol/L (3.7 mg/dL) at 48-96 h: " + (over ? "yes" : "no"),
                            over ? 1.0 : 0.0});
    if (over) {
      r.notes.push_back(
          "phosphate addition (Schmidt LE, Dalhoff K. Hepatology 2002;36(3):659-65): phosphate " +
          detail::mmol_l_text(*in.phosphate) +
          " is above 1.2 mmol/L; it applies at 48-96 h; shown separately, not part "
          "of 'met'");
    }
  } else {
    r.components.push_back({"addition: phosphate (modified KCC)", "not given", std::nullopt});
  }
}

void paracetamol(const ScoreInputs& in, const KccState& s, ScoreResult& r) {
  r.version = "King's College Criteria, paracetamol (O'Grady 1989)";
  criterion(r, "arterial pH < 7.30", s.ph,
            in.arterial_ph ? num(units::in_fraction(*in.arterial_ph)) + ": " + yes_no(*s.ph) : "");
  criterion(r, "INR > 6.5 (PT > 100 s)", s.inr_over_6_5,
            in.inr ? num(units::in_fraction(*in.inr)) + ": " + yes_no(*s.inr_over_6_5) : "");
  criterion(
      r, "creatinine > 300 \u00b5mol/L (3.4 mg/dL)", s.creatinine,
      in.creatinine ? detail::umol_l_text(*in.creatinine) + ": " + yes_no(*s.creatinine) : "");
  criterion(r, "encephalopathy grade III-IV", s.encephalopathy,
            in.he_grade ? "grade " + std::to_string(*in.he_grade) + ": " + yes_no(*s.encephalopathy)
                        : "");
  r.met = s.met;
  if (!s.met) {
    const bool triad_false = (s.inr_over_6_5 && !*s.inr_over_6_5) ||
                             (s.creatinine && !*s.creatinine) ||
                             (s.encephalopathy && !*s.encephalopathy);
    if (!s.ph) r.missing.emplace_back("labs.arterial_ph");
    if (!triad_false) {
      if (!s.inr_over_6_5) r.missing.emplace_back("labs.inr");
      if (!s.creatinine) r.missing.emplace_back("labs.creatinine");
      if (!s.encephalopathy) r.missing.emplace_back("clinical.hepatic_encephalopathy_grade");
    }
  }
  r.notes.emplace_back(
      "pH < 7.30 counts after fluid resuscitation, irrespective of encephalopathy");
  paracetamol_additions(in, r);
}

void non_paracetamol(const ScoreInputs& in, const KccState& s, KccAge age_rule,
                     KccBilirubin bili_rule, ScoreResult& r) {
  r.version = std::string("King's College Criteria, non-paracetamol (O'Grady 1989); age ") +
              (age_rule == KccAge::under_10_or_over_40 ? "< 10 or > 40" : "< 11 or > 40") +
              ", bilirubin " +
              (bili_rule == KccBilirubin::above_300_umol_l ? "> 300 \u00b5mol/L" : "> 17.5 mg/dL");
  criterion(r, "INR > 6.5 (PT > 100 s), alone", s.inr_over_6_5,
            in.inr ? num(units::in_fraction(*in.inr)) + ": " + yes_no(*s.inr_over_6_5) : "");
  criterion(r, "minor: non-A non-B hepatitis, halothane or idiosyncratic drug reaction", s.cause,
            std::string(patient::to_string(*in.etiology)) + ": " + yes_no(*s.cause));
  criterion(r,
            std::string("minor: age ") +
                (age_rule == KccAge::under_10_or_over_40 ? "< 10" : "< 11") + " or > 40 years",
            s.age, in.age ? detail::years_text(*in.age) + ": " + yes_no(*s.age) : "");
  criterion(r, "minor: jaundice to encephalopathy > 7 days", s.interval,
            in.jaundice_to_encephalopathy ? num(units::in_days(*in.jaundice_to_encephalopathy)) +
                                                " days: " + yes_no(*s.interval)
                                          : "");
  criterion(r, "minor: INR > 3.5 (PT > 50 s)", s.inr_over_3_5,
            in.inr ? num(units::in_fraction(*in.inr)) + ": " + yes_no(*s.inr_over_3_5) : "");
  const bool umol = bili_rule == KccBilirubin::above_300_umol_l;
  criterion(
      r,
      std::string("minor: bilirubin ") + (umol ? "> 300 \u00b5mol/L (17.5 mg/dL)" : "> 17.5 mg/dL"),
      s.bilirubin,
      in.bilirubin
          ? (umol ? detail::umol_l_text(*in.bilirubin) : detail::mg_dl_text(*in.bilirubin)) + ": " +
                yes_no(*s.bilirubin)
          : "");
  r.met = s.met;
  if (!s.met) {
    if (!in.inr) r.missing.emplace_back("labs.inr");
    if (!in.age) r.missing.emplace_back("age");
    if (!in.jaundice_to_encephalopathy) {
      r.missing.emplace_back("clinical.jaundice_to_encephalopathy");
    }
    if (!in.bilirubin) r.missing.emplace_back("labs.bilirubin");
  }
  r.notes.push_back(
      std::to_string(s.minor_met) + " of 5 minor criteria met" +
      (s.minor_unknown > 0 ? " (" + std::to_string(s.minor_unknown) + " not known)" : "") +
      "; three are needed");
}

}  // namespace

std::optional<KccState> kings_college_state(const ScoreInputs& in, KccAge age_rule,
                                            KccBilirubin bilirubin_rule) {
  if (!in.etiology) return std::nullopt;
  if (*in.etiology == patient::Etiology::paracetamol) return paracetamol_state(in);
  return non_paracetamol_state(in, age_rule, bilirubin_rule);
}

ScoreResult kings_college(const ScoreInputs& in, KccAge age_rule, KccBilirubin bilirubin_rule) {
  ScoreResult r = detail::start("kings_college", "King's College Criteria",
                                "King's College Criteria (O'Grady 1989)", kSource);
  const auto state = kings_college_state(in, age_rule, bilirubin_rule);
  if (!state) {
    r.missing.emplace_back("etiology (paracetamol or not chooses the criteria)");
    return r;
  }
  if (state->paracetamol) {
    paracetamol(in, *state, r);
  } else {
    non_paracetamol(in, *state, age_rule, bilirubin_rule, r);
  }
  if (in.diagnosis && *in.diagnosis != patient::Diagnosis::alf &&
      *in.diagnosis != patient::Diagnosis::subacute_lf) {
    r.notes.emplace_back("the criteria are defined for acute liver failure");
  }
  return r;
}

}  // namespace lb::scores
