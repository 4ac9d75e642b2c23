#include "scores/clif_c.hpp"

#include <cmath>

#include "scores/detail.hpp"

namespace lb::scores {

namespace {

using detail::num;

constexpr const char* kEfClif =
    "EF-CLIF calculators (efclif.com); Jalan R et al., J Hepatol 2014;61(5):1038-47; Gut review "
    "Tables 2 and 7 (clinical.md \u00a75.7)";

struct Organ {
  const char* name;
  std::optional<int> score;
  bool failure = false;
  std::string input;
};

Organ liver(const ScoreInputs& in, ClifLiverBoundary boundary) {
  Organ o{"liver", std::nullopt, false, "bilirubin not given"};
  if (!in.bilirubin) return o;
  const auto b = in.bilirubin->mass();
  const bool three = boundary == ClifLiverBoundary::above_12
                         ? units::above(b, units::mg_per_dl(12))
                         : units::at_least(b, units::mg_per_dl(12));
  o.score = units::below(b, units::mg_per_dl(6)) ? 1 : three ? 3 : 2;
  o.failure = *o.score == 3;
  o.input = "bilirubin " + detail::mg_dl_text(*in.bilirubin) +
            (boundary == ClifLiverBoundary::above_12 ? " (< 6: 1, 6-12: 2, > 12: 3)"
                                                     : " (< 6: 1, 6-< 12: 2, >= 12: 3)");
  return o;
}

Organ kidney(const ScoreInputs& in) {
  Organ o{"kidney", std::nullopt, false, "creatinine not given"};
  if (!in.creatinine) return o;
  const auto c = in.creatinine->mass();
  const std::string cr = "creatinine " + detail::mg_dl_text(*in.creatinine);
  if (units::at_least(c, units::mg_per_dl(3.5)) || in.on_dialysis.value_or(false)) {
    o.score = 3;
    o.input = cr + (in.on_dialysis.value_or(false) ? ", on renal replacement therapy" : "") +
              " (>= 3.5 mg/dL or RRT: 3)";
  } else if (!in.on_dialysis) {
    o.input = cr + "; renal replacement therapy (clinical.on_dialysis) not given";
    return o;
  } else {
    o.score = units::below(c, units::mg_per_dl(2)) ? 1 : 2;
    o.input = cr + ", no RRT (< 2: 1, 2-< 3.5: 2)";
  }
  o.failure = *o.score >= 2;  // kidney failure is creatinine >= 2.0 mg/dL or RRT
  return o;
}

Organ brain(const ScoreInputs& in) {
  Organ o{"brain", std::nullopt, false, "encephalopathy grade not given"};
  if (!in.he_grade) return o;
  const int g = *in.he_grade;
  o.score = g == 0 ? 1 : g <= 2 ? 2 : 3;
  o.failure = *o.score == 3;
  o.input = "West Haven grade " + std::to_string(g) + " (0: 1, 1-2: 2, 3-4: 3)";
  return o;
}

Organ coagulation(const ScoreInputs& in) {
  Organ o{"coagulation", std::nullopt, false, "INR not given"};
  if (!in.inr) return o;
  const auto i = *in.inr;
  o.score = units::below(i, units::fraction(2.0))   ? 1
            : units::below(i, units::fraction(2.5)) ? 2
                                                    : 3;
  o.failure = *o.score == 3;
  o.input = "INR " + num(units::in_fraction(i)) + " (< 2.0: 1, 2.0-< 2.5: 2, >= 2.5: 3)";
  return o;
}

Organ circulation(const ScoreInputs& in) {
  Organ o{"circulation", std::nullopt, false, ""};
  if (in.vasopressors.value_or(false)) {
    o.score = 3;
    o.failure = true;
    o.input = "vasopressors running (3)";
    return o;
  }
  if (!in.vasopressors || !in.map) {
    o.input = !in.vasopressors ? "vasopressors not given" : "MAP not given";
    return o;
  }
  o.score = units::at_least(*in.map, units::mm_hg(70)) ? 1 : 2;
  o.input = "MAP " + num(units::in_mm_hg(*in.map)) + " mmHg, no vasopressors (>= 70: 1, < 70: 2)";
  return o;
}

Organ respiration(const ScoreInputs& in) {
  Organ o{"respiration", std::nullopt, false, "PaO2/FiO2 not given"};
  if (!in.pao2_fio2) return o;
  const auto p = *in.pao2_fio2;
  o.score = units::above(p, units::mm_hg(300))   ? 1
            : units::above(p, units::mm_hg(200)) ? 2
                                                 : 3;
  o.failure = *o.score == 3;
  o.input = "PaO2/FiO2 " + num(units::in_mm_hg(p)) + " mmHg (> 300: 1, 201-300: 2, <= 200: 3)";
  return o;
}

std::string missing_key(const std::string& organ, const ScoreInputs& in) {
  if (organ == "liver") return "labs.bilirubin";
  if (organ == "kidney") return in.creatinine ? "clinical.on_dialysis" : "labs.creatinine";
  if (organ == "brain") return "clinical.hepatic_encephalopathy_grade";
  if (organ == "coagulation") return "labs.inr";
  if (organ == "circulation") return !in.vasopressors ? "clinical.vasopressors" : "clinical.map";
  return "clinical.pao2_fio2";
}

/// EASL-CLIF grade from the organ failures (efclif.com; sub-grades CANONIC).
std::string aclf_grade(const std::vector<Organ>& organs, const ScoreInputs& in) {
  std::vector<std::string> failed;
  for (const auto& o : organs) {
    if (o.failure) failed.emplace_back(o.name);
  }
  const auto cr = in.creatinine->mass();
  const bool kidney_dysfunction =
      units::at_least(cr, units::mg_per_dl(1.5)) && units::below(cr, units::mg_per_dl(2.0));
  const bool mild_he = *in.he_grade == 1 || *in.he_grade == 2;
  switch (failed.size()) {
    case 0: return "no ACLF";
    case 1:
      if (failed[0] == "kidney") return "ACLF-1a";
      if (failed[0] == "brain") return kidney_dysfunction ? "ACLF-1b" : "no ACLF";
      return kidney_dysfunction || mild_he ? "ACLF-1b" : "no ACLF";
    case 2: return "ACLF-2";
    case 3: return "ACLF-3a";
    default: return "ACLF-3b";
  }
}

double log_floor(double v, double floor, const std::string& what, const std::string& unit,
                 std::vector<std::string>& bounds) {
  if (v < floor) {
    bounds.push_back(what + " raised to " + num(floor) + unit + " to take its logarithm (from " +
                     num(v) + ")");
    return floor;
  }
  return v;
}

}  // namespace

ScoreResult clif_c_of(const ScoreInputs& in, ClifLiverBoundary boundary) {
  ScoreResult r = detail::start(
      "clif_c_of", "CLIF-C OF",
      std::string("CLIF-C OF (Jalan 2014) and EASL-CLIF ACLF grade; liver 3 points at bilirubin ") +
          (boundary == ClifLiverBoundary::above_12 ? "> 12 mg/dL" : ">= 12 mg/dL"),
      kEfClif);
  const std::vector<Organ> organs = {liver(in, boundary), kidney(in),       brain(in),
                                     coagulation(in),     circulation(in), respiration(in)};
  int total = 0;
  for (const auto& o : organs) {
    r.components.push_back(
        {o.name, o.input + (o.failure ? "; organ failure" : ""),
         o.score ? std::optional<double>(*o.score) : std::nullopt});
    if (!o.score) {
      r.missing.push_back(missing_key(o.name, in));
    } else {
      total += *o.score;
    }
    if (o.failure) r.organ_failures.emplace_back(o.name);
  }
  r.notes.emplace_back(
      "organ failure: kidney at creatinine >= 2.0 mg/dL or RRT (subscore 2 or 3); the other "
      "organs at subscore 3");
  if (in.mechanical_ventilation.value_or(false)) {
    r.notes.emplace_back(
        "mechanical ventilation: the respiratory subscore uses PaO2/FiO2 only; a patient "
        "intubated for encephalopathy scores brain 3");
  }
  if (!r.missing.empty()) return r;
  r.value = total;
  r.category = aclf_grade(organs, in);
  r.notes.emplace_back(
      "ACLF sub-grades: 1a single kidney failure, 1b single other organ failure with creatinine "
      "1.5-1.9 mg/dL and/or encephalopathy grade 1-2, 3a three and 3b four or more organ "
      "failures (CANONIC; sub-grade names [from memory, unverified])");
  return r;
}

ScoreResult clif_c_aclf(const ScoreInputs& in, const ScoreResult& of) {
  ScoreResult r = detail::start("clif_c_aclf", "CLIF-C ACLF",
                                "CLIF-C ACLF (Jalan 2014), 10 \u00d7 [0.33 \u00d7 CLIF-C OF + "
                                "0.04 \u00d7 age + 0.63 \u00d7 ln(WBC) - 2]",
                                "efclif.com; MDCalc 10240 (clinical.md \u00a75.7)");
  if (!of.value) {
    for (const auto& m : of.missing) r.missing.push_back(m + " (for CLIF-C OF)");
  }
  if (!in.age) r.missing.emplace_back("age");
  if (!in.wbc) r.missing.emplace_back("labs.wbc");
  if (!r.missing.empty()) return r;
  const double age = units::in_years(*in.age);
  const double wbc_in = units::in_giga_per_liter(*in.wbc);
  const double wbc = log_floor(wbc_in, 0.1, "WBC", " \u00d710^9/L", r.bounds_applied);
  const double t_of = 0.33 * *of.value;
  const double t_age = 0.04 * age;
  const double t_wbc = 0.63 * std::log(wbc);
  r.components.push_back({"CLIF-C OF", num(*of.value) + "; 0.33 \u00d7 OF", t_of});
  r.components.push_back({"age", detail::years_text(*in.age) + "; 0.04 \u00d7 age", t_age});
  r.components.push_back(
      {"WBC", num(wbc_in) + " \u00d710^9/L; 0.63 \u00d7 ln(WBC)", t_wbc});
  r.components.push_back({"constant", "-2", -2.0});
  r.raw = 10.0 * (t_of + t_age + t_wbc - 2.0);
  r.value = round_half_up(*r.raw, 2);
  if (of.category == "no ACLF") {
    r.notes.emplace_back("CLIF-C ACLF is for patients with ACLF; this patient has no ACLF by "
                         "EASL-CLIF (see CLIF-C AD)");
  }
  return r;
}

ScoreResult clif_c_ad(const ScoreInputs& in) {
  ScoreResult r = detail::start(
      "clif_c_ad", "CLIF-C AD",
      "CLIF-C AD, 10 \u00d7 [0.03 \u00d7 age + 0.66 \u00d7 ln(Cr) + 1.71 \u00d7 ln(INR) + 0.88 "
      "\u00d7 ln(WBC) - 0.05 \u00d7 Na + 8]",
      "efclif.com (clinical.md \u00a75.7)");
  if (!in.age) r.missing.emplace_back("age");
  if (!in.creatinine) r.missing.emplace_back("labs.creatinine");
  if (!in.inr) r.missing.emplace_back("labs.inr");
  if (!in.wbc) r.missing.emplace_back("labs.wbc");
  if (!in.sodium) r.missing.emplace_back("labs.sodium");
  if (!r.missing.empty()) return r;
  const double age = units::in_years(*in.age);
  const double cr = detail::creatinine_mg_dl(*in.creatinine);  // plausibility: >= 0.05 mg/dL
  const double inr = units::in_fraction(*in.inr);              // plausibility: >= 0.5
  const double wbc_in = units::in_giga_per_liter(*in.wbc);
  const double wbc = log_floor(wbc_in, 0.1, "WBC", " \u00d710^9/L", r.bounds_applied);
  const double na = units::in_mmol_per_l(*in.sodium);
  const double t_age = 0.03 * age;
  const double t_cr = 0.66 * std::log(cr);
  const double t_inr = 1.71 * std::log(inr);
  const double t_wbc = 0.88 * std::log(wbc);
  const double t_na = -0.05 * na;
  r.components.push_back({"age", detail::years_text(*in.age) + "; 0.03 \u00d7 age", t_age});
  r.components.push_back(
      {"creatinine", detail::mg_dl_text(*in.creatinine) + "; 0.66 \u00d7 ln(Cr)", t_cr});
  r.components.push_back({"INR", num(inr) + "; 1.71 \u00d7 ln(INR)", t_inr});
  r.components.push_back({"WBC", num(wbc_in) + " \u00d710^9/L; 0.88 \u00d7 ln(WBC)", t_wbc});
  r.components.push_back({"sodium", num(na) + " mmol/L; -0.05 \u00d7 Na", t_na});
  r.components.push_back({"constant", "8", 8.0});
  r.raw = 10.0 * (t_age + t_cr + t_inr + t_wbc + t_na + 8.0);
  r.value = round_half_up(*r.raw, 2);
  r.notes.emplace_back("CLIF-C AD is for acute decompensation without ACLF");
  return r;
}

}  // namespace lb::scores
