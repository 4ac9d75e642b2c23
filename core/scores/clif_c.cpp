#include "scores/clif_c.hpp"

#include <cmath>

#include "scores/detail.hpp"

namespace lb::scores {

namespace {

using detail::num;

constexpr const char* kEfClif =
    "Jalan R et al., J Hepatol 2014;61(5):1038-47; Moreau R et al., Gastroenterology "
    "2013;144(7):1426-37; LiverBridge clinical reference §16";

enum Organ : std::size_t { liver, kidney, brain, coagulation, circulation, respiration };

// ---- the subscores (Gut review Table 7) ------------------------------------------------

OrganScore liver_score(const ScoreInputs& in, ClifLiverBoundary boundary) {
  if (!in.bilirubin) return {};
  const auto b = in.bilirubin->mass();
  const bool three = boundary == ClifLiverBoundary::above_12
                         ? units::above(b, units::mg_per_dl(12))
                         : units::at_least(b, units::mg_per_dl(12));
  const int s = units::below(b, units::mg_per_dl(6)) ? 1 : three ? 3 : 2;
  return {s, s == 3};
}

OrganScore kidney_score(const ScoreInputs& in) {
  if (!in.creatinine) return {};
  const auto c = in.creatinine->mass();
  if (units::at_least(c, units::mg_per_dl(3.5)) || in.on_dialysis.value_or(false)) {
    return {3, true};
  }
  if (!in.on_dialysis) return {};  // below 3.5 mg/dL, RRT decides between 1–2 and 3
  const int s = units::below(c, units::mg_per_dl(2)) ? 1 : 2;
  return {s, s >= 2};  // kidney failure is creatinine >= 2.0 mg/dL or RRT
}

OrganScore brain_score(const ScoreInputs& in) {
  if (!in.he_grade) return {};
  const int g = *in.he_grade;
  const int s = g == 0 ? 1 : g <= 2 ? 2 : 3;
  return {s, s == 3};
}

OrganScore coagulation_score(const ScoreInputs& in) {
  if (!in.inr) return {};
  const auto i = *in.inr;
  const int s = units::below(i, units::fraction(2.0))   ? 1
                : units::below(i, units::fraction(2.5)) ? 2
                                                        : 3;
  return {s, s == 3};
}

OrganScore circulation_score(const ScoreInputs& in) {
  if (in.vasopressors.value_or(false)) return {3, true};
  if (!in.vasopressors || !in.map) return {};
  return {units::at_least(*in.map, units::mm_hg(70)) ? 1 : 2, false};
}

OrganScore respiration_score(const ScoreInputs& in) {
  if (!in.pao2_fio2) return {};
  const auto p = *in.pao2_fio2;
  const int s = units::above(p, units::mm_hg(300)) ? 1 : units::above(p, units::mm_hg(200)) ? 2 : 3;
  return {s, s == 3};
}

/// EASL-CLIF grade from the organ failures (Moreau 2013; sub-grades as in APACHE).
std::string_view aclf_grade(const std::array<OrganScore, 6>& organs, const ScoreInputs& in) {
  int failed = 0;
  std::size_t which = 0;
  for (std::size_t i = 0; i < organs.size(); ++i) {
    if (organs[i].failure) {
      ++failed;
      which = i;
    }
  }
  const auto cr = in.creatinine->mass();
  const bool kidney_dysfunction =
      units::at_least(cr, units::mg_per_dl(1.5)) && units::below(cr, units::mg_per_dl(2.0));
  const bool mild_he = *in.he_grade == 1 || *in.he_grade == 2;
  switch (failed) {
    case 0: return "no ACLF";
    case 1:
      if (which == kidney) return "ACLF-1a";
      if (which == brain) return kidney_dysfunction ? "ACLF-1b" : "no ACLF";
      return kidney_dysfunction || mild_he ? "ACLF-1b" : "no ACLF";
    case 2: return "ACLF-2";
    case 3: return "ACLF-3a";
    default: return "ACLF-3b";
  }
}

double log_floor(double v, double floor) { return v < floor ? floor : v; }

// ---- explanation ------------------------------------------------------------------------

std::string organ_input(std::size_t organ, const ScoreInputs& in, ClifLiverBoundary boundary,
                        const OrganScore& o) {
  switch (organ) {
    case liver:
      if (!o.score) return "bilirubin not given";
      return "bilirubin " + detail::mg_dl_text(*in.bilirubin) +
             (boundary == ClifLiverBoundary::above_12 ? " (< 6: 1, 6-12: 2, > 12: 3)"
                                                      : " (< 6: 1, 6-< 12: 2, >= 12: 3)");
    case kidney: {
      if (!in.creatinine) return "creatinine not given";
      const std::string cr = "creatinine " + detail::mg_dl_text(*in.creatinine);
      if (!o.score) return cr + "; renal replacement therapy (clinical.on_dialysis) not given";
      if (*o.score == 3) {
        return cr + (in.on_dialysis.value_or(false) ? ", on renal replacement therapy" : "") +
               " (>= 3.5 mg/dL or RRT: 3)";
      }
      return cr + ", no RRT (< 2: 1, 2-< 3.5: 2)";
    }
    case brain:
      if (!o.score) return "encephalopathy grade not given";
      return "West Haven grade " + std::to_string(*in.he_grade) + " (0: 1, 1-2: 2, 3-4: 3)";
    case coagulation:
      if (!o.score) return "INR not given";
      return "INR " + num(units::in_fraction(*in.inr)) + " (< 2.0: 1, 2.0-< 2.5: 2, >= 2.5: 3)";
    case circulation:
      if (in.vasopressors.value_or(false)) return "vasopressors running (3)";
      if (!o.score) return !in.vasopressors ? "vasopressors not given" : "MAP not given";
      return "MAP " + num(units::in_mm_hg(*in.map)) + " mmHg, no vasopressors (>= 70: 1, < 70: 2)";
    default:
      if (!o.score) return "PaO2/FiO2 not given";
      return "PaO2/FiO2 " + num(units::in_mm_hg(*in.pao2_fio2)) +
             " mmHg (> 300: 1, 201-300: 2, <= 200: 3)";
  }
}

std::string missing_key(std::size_t organ, const ScoreInputs& in) {
  switch (organ) {
    case liver: return "labs.bilirubin";
    case kidney: return in.creatinine ? "clinical.on_dialysis" : "labs.creatinine";
    case brain: return "clinical.hepatic_encephalopathy_grade";
    case coagulation: return "labs.inr";
    case circulation: return !in.vasopressors ? "clinical.vasopressors" : "clinical.map";
    default: return "clinical.pao2_fio2";
  }
}

void wbc_bound(const ScoreInputs& in, ScoreResult& r) {
  const double wbc = units::in_giga_per_liter(*in.wbc);
  if (wbc < 0.1) {
    r.bounds_applied.push_back("WBC raised to 0.1 \u00d710^9/L to take its logarithm (from " +
                               num(wbc) + ")");
  }
}

}  // namespace

ClifOf clif_c_of_core(const ScoreInputs& in, ClifLiverBoundary boundary) {
  ClifOf of;
  of.organs = {liver_score(in, boundary), kidney_score(in),      brain_score(in),
               coagulation_score(in),     circulation_score(in), respiration_score(in)};
  int total = 0;
  for (const auto& o : of.organs) {
    if (!o.score) return of;
    total += *o.score;
  }
  of.total = total;
  of.aclf_grade = aclf_grade(of.organs, in);
  return of;
}

std::optional<double> clif_c_aclf_raw(const ScoreInputs& in, std::optional<int> of) {
  if (!of || !in.age || !in.wbc) return std::nullopt;
  const double wbc = log_floor(units::in_giga_per_liter(*in.wbc), 0.1);
  return 10.0 * (0.33 * *of + 0.04 * units::in_years(*in.age) + 0.63 * std::log(wbc) - 2.0);
}

std::optional<double> clif_c_ad_raw(const ScoreInputs& in) {
  if (!in.age || !in.creatinine || !in.inr || !in.wbc || !in.sodium) return std::nullopt;
  const double cr = detail::creatinine_mg_dl(*in.creatinine);  // plausibility: >= 0.05 mg/dL
  const double inr = units::in_fraction(*in.inr);              // plausibility: >= 0.5
  const double wbc = log_floor(units::in_giga_per_liter(*in.wbc), 0.1);
  return 10.0 * (0.03 * units::in_years(*in.age) + 0.66 * std::log(cr) + 1.71 * std::log(inr) +
                 0.88 * std::log(wbc) - 0.05 * units::in_mmol_per_l(*in.sodium) + 8.0);
}

ScoreResult clif_c_of(const ScoreInputs& in, ClifLiverBoundary boundary) {
  ScoreResult r = detail::start(
      "clif_c_of", "CLIF-C OF",
      std::string("CLIF-C OF (Jalan 2014) and EASL-CLIF ACLF grade; liver 3 points at bilirubin ") +
          (boundary == ClifLiverBoundary::above_12 ? "> 12 mg/dL" : ">= 12 mg/dL"),
      kEfClif);
  const ClifOf of = clif_c_of_core(in, boundary);
  for (std::size_t i = 0; i < of.organs.size(); ++i) {
    const auto& o = of.organs[i];
    const std::string name(kClifOrgans[i]);
    r.components.push_back({name,
                            organ_input(i, in, boundary, o) + (o.failure ? "; organ failure" : ""),
                            o.score ? std::optional<double>(*o.score) : std::nullopt});
    if (!o.score) r.missing.push_back(missing_key(i, in));
    if (o.failure) r.organ_failures.push_back(name);
  }
  r.notes.emplace_back(
      "organ failure: kidney at creatinine >= 2.0 mg/dL or RRT (subscore 2 or 3); the other "
      "organs at subscore 3");
  if (in.mechanical_ventilation.value_or(false)) {
    r.notes.emplace_back(
        "mechanical ventilation: the respiratory subscore uses PaO2/FiO2 only; a patient "
        "intubated for encephalopathy scores brain 3");
  }
  if (!of.total) return r;
  r.value = *of.total;
  r.category = of.aclf_grade;
  r.notes.emplace_back(
      "ACLF sub-grades: 1a single kidney failure, 1b single other organ failure with creatinine "
      "1.5-1.9 mg/dL and/or encephalopathy grade 1-2, 3a three and 3b four or more organ "
      "failures (sub-grade names as in APACHE NCT03702920: unverified, review locally)");
  return r;
}

ScoreResult clif_c_aclf(const ScoreInputs& in, const ScoreResult& of) {
  ScoreResult r = detail::start("clif_c_aclf", "CLIF-C ACLF",
                                "CLIF-C ACLF (Jalan 2014), 10 \u00d7 [0.33 \u00d7 CLIF-C OF + "
                                "0.04 \u00d7 age + 0.63 \u00d7 ln(WBC) - 2]",
                                "Jalan R et al., J Hepatol 2014;61(5):1038-47; "
                                "LiverBridge clinical reference §17");
  if (!of.value) {
    for (const auto& m : of.missing) r.missing.push_back(m + " (for CLIF-C OF)");
  }
  if (!in.age) r.missing.emplace_back("age");
  if (!in.wbc) r.missing.emplace_back("labs.wbc");
  if (!r.missing.empty()) return r;
  const int of_value = static_cast<int>(*of.value);
  const double wbc_in = units::in_giga_per_liter(*in.wbc);
  wbc_bound(in, r);
  r.components.push_back({"CLIF-C OF", num(*of.value) + "; 0.33 \u00d7 OF", 0.33 * of_value});
  r.components.push_back(
      {"age", detail::years_text(*in.age) + "; 0.04 \u00d7 age", 0.04 * units::in_years(*in.age)});
  r.components.push_back({"WBC", num(wbc_in) + " \u00d710^9/L; 0.63 \u00d7 ln(WBC)",
                          0.63 * std::log(log_floor(wbc_in, 0.1))});
  r.components.push_back({"constant", "-2", -2.0});
  r.raw = clif_c_aclf_raw(in, of_value);
  r.value = round_half_up(*r.raw, 2);
  if (of.category == "no ACLF") {
    r.notes.emplace_back(
        "CLIF-C ACLF is for patients with ACLF; this patient has no ACLF by "
        "EASL-CLIF (see CLIF-C AD)");
  }
  return r;
}

ScoreResult clif_c_ad(const ScoreInputs& in) {
  ScoreResult r = detail::start(
      "clif_c_ad", "CLIF-C AD",
      "CLIF-C AD, 10 \u00d7 [0.03 \u00d7 age + 0.66 \u00d7 ln(Cr) + 1.71 \u00d7 ln(INR) + 0.88 "
      "\u00d7 ln(WBC) - 0.05 \u00d7 Na + 8]",
      "Jalan R et al., J Hepatol 2015;62(4):831-40; LiverBridge clinical reference §18");
  const auto raw = clif_c_ad_raw(in);
  if (!raw) {
    if (!in.age) r.missing.emplace_back("age");
    if (!in.creatinine) r.missing.emplace_back("labs.creatinine");
    if (!in.inr) r.missing.emplace_back("labs.inr");
    if (!in.wbc) r.missing.emplace_back("labs.wbc");
    if (!in.sodium) r.missing.emplace_back("labs.sodium");
    return r;
  }
  const double wbc_in = units::in_giga_per_liter(*in.wbc);
  const double na = units::in_mmol_per_l(*in.sodium);
  const double inr = units::in_fraction(*in.inr);
  wbc_bound(in, r);
  r.components.push_back(
      {"age", detail::years_text(*in.age) + "; 0.03 \u00d7 age", 0.03 * units::in_years(*in.age)});
  r.components.push_back({"creatinine", detail::mg_dl_text(*in.creatinine) + "; 0.66 \u00d7 ln(Cr)",
                          0.66 * std::log(detail::creatinine_mg_dl(*in.creatinine))});
  r.components.push_back({"INR", num(inr) + "; 1.71 \u00d7 ln(INR)", 1.71 * std::log(inr)});
  r.components.push_back({"WBC", num(wbc_in) + " \u00d710^9/L; 0.88 \u00d7 ln(WBC)",
                          0.88 * std::log(log_floor(wbc_in, 0.1))});
  r.components.push_back({"sodium", num(na) + " mmol/L; -0.05 \u00d7 Na", -0.05 * na});
  r.components.push_back({"constant", "8", 8.0});
  r.raw = *raw;
  r.value = round_half_up(*raw, 2);
  r.notes.emplace_back("CLIF-C AD is for acute decompensation without ACLF");
  return r;
}

}  // namespace lb::scores
