#include "scores/kings_college.hpp"

#include "scores/detail.hpp"

namespace lb::scores {

namespace {

using detail::num;

constexpr const char* kSource =
    "O'Grady JG et al., Gastroenterology 1989;97:439-45; BSG guideline table (Gut), WJT 2025 "
    "Table 1 (clinical.md \u00a75.5)";

/// A criterion that is true, false or unknown, shown as a component.
void criterion(ScoreResult& r, const std::string& name, const std::optional<bool>& state,
               const std::string& input) {
  r.components.push_back({name, state ? input : "not given",
                          state ? std::optional<double>(*state ? 1.0 : 0.0) : std::nullopt});
}

std::string yes_no(bool b) { return b ? "criterion met" : "criterion not met"; }

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
          "lactate addition (modified KCC, MDCalc): lactate " + detail::mmol_l_text(*in.lactate) +
          " is above " + (over_35 ? "3.5 mmol/L (the 4 h threshold)" : "3.0 mmol/L (the 12 h threshold only)") +
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
      r.notes.push_back("phosphate addition (modified KCC, MDCalc): phosphate " +
                        detail::mmol_l_text(*in.phosphate) +
                        " is above 1.2 mmol/L; it applies at 48-96 h; shown separately, not part "
                        "of 'met'");
    }
  } else {
    r.components.push_back({"addition: phosphate (modified KCC)", "not given", std::nullopt});
  }
}

void paracetamol(const ScoreInputs& in, ScoreResult& r) {
  r.version = "King's College Criteria, paracetamol (O'Grady 1989)";
  std::optional<bool> ph;
  if (in.arterial_ph) ph = units::below(*in.arterial_ph, units::fraction(7.30));
  std::optional<bool> inr;
  if (in.inr) inr = units::above(*in.inr, units::fraction(6.5));
  std::optional<bool> cr;
  if (in.creatinine) cr = units::above(in.creatinine->amount(), units::umol_per_l(300));
  std::optional<bool> he;
  if (in.he_grade) he = *in.he_grade >= 3;

  criterion(r, "arterial pH < 7.30", ph,
            in.arterial_ph ? num(units::in_fraction(*in.arterial_ph)) + ": " + yes_no(*ph) : "");
  criterion(r, "INR > 6.5 (PT > 100 s)", inr,
            in.inr ? num(units::in_fraction(*in.inr)) + ": " + yes_no(*inr) : "");
  criterion(r, "creatinine > 300 \u00b5mol/L (3.4 mg/dL)", cr,
            in.creatinine ? detail::umol_l_text(*in.creatinine) + ": " + yes_no(*cr) : "");
  criterion(r, "encephalopathy grade III-IV", he,
            in.he_grade ? "grade " + std::to_string(*in.he_grade) + ": " + yes_no(*he) : "");

  const bool triad_true = inr.value_or(false) && cr.value_or(false) && he.value_or(false);
  const bool triad_false = (inr && !*inr) || (cr && !*cr) || (he && !*he);
  if (ph.value_or(false) || triad_true) {
    r.met = true;
  } else if (ph && triad_false) {
    r.met = false;
  } else {
    if (!ph) r.missing.emplace_back("labs.arterial_ph");
    if (!triad_false) {
      if (!inr) r.missing.emplace_back("labs.inr");
      if (!cr) r.missing.emplace_back("labs.creatinine");
      if (!he) r.missing.emplace_back("clinical.hepatic_encephalopathy_grade");
    }
  }
  r.notes.emplace_back("pH < 7.30 counts after fluid resuscitation, irrespective of encephalopathy");
  paracetamol_additions(in, r);
}

void non_paracetamol(const ScoreInputs& in, KccAge age_rule, KccBilirubin bili_rule,
                     ScoreResult& r) {
  r.version = std::string("King's College Criteria, non-paracetamol (O'Grady 1989); age ") +
              (age_rule == KccAge::under_10_or_over_40 ? "< 10 or > 40" : "< 11 or > 40") +
              ", bilirubin " +
              (bili_rule == KccBilirubin::above_300_umol_l ? "> 300 \u00b5mol/L" : "> 17.5 mg/dL");
  std::optional<bool> inr_major;
  std::optional<bool> inr_minor;
  if (in.inr) {
    inr_major = units::above(*in.inr, units::fraction(6.5));
    inr_minor = units::above(*in.inr, units::fraction(3.5));
  }
  criterion(r, "INR > 6.5 (PT > 100 s), alone", inr_major,
            in.inr ? num(units::in_fraction(*in.inr)) + ": " + yes_no(*inr_major) : "");

  const auto e = *in.etiology;
  const bool bad_cause = e == patient::Etiology::indeterminate ||
                         e == patient::Etiology::halothane ||
                         e == patient::Etiology::drug_induced;
  std::optional<bool> age;
  if (in.age) {
    const double young = age_rule == KccAge::under_10_or_over_40 ? 10.0 : 11.0;
    age = units::below(*in.age, units::years(young)) || units::above(*in.age, units::years(40));
  }
  std::optional<bool> interval;
  if (in.jaundice_to_encephalopathy) {
    interval = units::above(*in.jaundice_to_encephalopathy, units::days(7));
  }
  std::optional<bool> bili;
  if (in.bilirubin) {
    bili = bili_rule == KccBilirubin::above_300_umol_l
               ? units::above(in.bilirubin->amount(), units::umol_per_l(300))
               : units::above(in.bilirubin->mass(), units::mg_per_dl(17.5));
  }
  const std::optional<bool> cause = bad_cause;
  criterion(r, "minor: non-A non-B hepatitis, halothane or idiosyncratic drug reaction", cause,
            std::string(patient::to_string(e)) + ": " + yes_no(bad_cause));
  criterion(r,
            std::string("minor: age ") +
                (age_rule == KccAge::under_10_or_over_40 ? "< 10" : "< 11") + " or > 40 years",
            age, in.age ? detail::years_text(*in.age) + ": " + yes_no(*age) : "");
  criterion(r, "minor: jaundice to encephalopathy > 7 days", interval,
            in.jaundice_to_encephalopathy
                ? num(units::in_days(*in.jaundice_to_encephalopathy)) + " days: " + yes_no(*interval)
                : "");
  criterion(r, "minor: INR > 3.5 (PT > 50 s)", inr_minor,
            in.inr ? num(units::in_fraction(*in.inr)) + ": " + yes_no(*inr_minor) : "");
  criterion(r,
            std::string("minor: bilirubin ") + (bili_rule == KccBilirubin::above_300_umol_l
                                                    ? "> 300 \u00b5mol/L (17.5 mg/dL)"
                                                    : "> 17.5 mg/dL"),
            bili,
            in.bilirubin ? (bili_rule == KccBilirubin::above_300_umol_l
                                ? detail::umol_l_text(*in.bilirubin)
                                : detail::mg_dl_text(*in.bilirubin)) +
                               ": " + yes_no(*bili)
                         : "");

  int yes = 0;
  int unknown = 0;
  for (const auto& c : {cause, age, interval, inr_minor, bili}) {
    if (!c) {
      ++unknown;
    } else if (*c) {
      ++yes;
    }
  }
  if (inr_major.value_or(false) || yes >= 3) {
    r.met = true;
  } else if (inr_major && yes + unknown < 3) {
    r.met = false;
  } else {
    if (!in.inr) r.missing.emplace_back("labs.inr");
    if (!age) r.missing.emplace_back("age");
    if (!interval) r.missing.emplace_back("clinical.jaundice_to_encephalopathy");
    if (!bili) r.missing.emplace_back("labs.bilirubin");
  }
  r.notes.push_back(std::to_string(yes) + " of 5 minor criteria met" +
                    (unknown > 0 ? " (" + std::to_string(unknown) + " not known)" : "") +
                    "; three are needed");
}

}  // namespace

ScoreResult kings_college(const ScoreInputs& in, KccAge age_rule, KccBilirubin bilirubin_rule) {
  ScoreResult r = detail::start("kings_college", "King's College Criteria",
                                "King's College Criteria (O'Grady 1989)", kSource);
  if (!in.etiology) {
    r.missing.emplace_back("etiology (paracetamol or not chooses the criteria)");
    return r;
  }
  if (*in.etiology == patient::Etiology::paracetamol) {
    paracetamol(in, r);
  } else {
    non_paracetamol(in, age_rule, bilirubin_rule, r);
  }
  if (in.diagnosis && *in.diagnosis != patient::Diagnosis::alf &&
      *in.diagnosis != patient::Diagnosis::subacute_lf) {
    r.notes.emplace_back("the criteria are defined for acute liver failure");
  }
  return r;
}

}  // namespace lb::scores
