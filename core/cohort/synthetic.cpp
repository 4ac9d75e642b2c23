#include "cohort/synthetic.hpp"

#include <array>
#include <charconv>

namespace lb::cohort {

namespace {

/// splitmix64: a small, well-mixed generator; one state per row.
struct Random {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  /// Uniform in [lo, hi).
  double uniform(double lo, double hi) {
    return lo + (hi - lo) * static_cast<double>(next() >> 11) * 0x1.0p-53;
  }
  bool chance(double p) { return uniform(0.0, 1.0) < p; }
  template <std::size_t N>
  double pick(const std::array<double, N>& values) {
    return values[next() % N];
  }
};

void number(std::string& out, double v, int decimals) {
  char buf[32];
  const auto [end, ec] =
      std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
  if (ec == std::errc()) out.append(buf, end);
}

/// A value that is missing with probability `missing`, at an exact
/// threshold with probability `edge`, else uniform in [lo, hi).
template <std::size_t N>
void lab(std::string& out, Random& r, double lo, double hi, int decimals,
         const std::array<double, N>& edges, double missing = 0.05, double edge = 0.15) {
  out.push_back(',');
  if (r.chance(missing)) return;
  number(out, r.chance(edge) ? r.pick(edges) : r.uniform(lo, hi), decimals);
}

void flag(std::string& out, Random& r, double p_true, double missing = 0.05) {
  out.push_back(',');
  if (r.chance(missing)) return;
  out += r.chance(p_true) ? "true" : "false";
}

constexpr std::array<const char*, 5> kDiagnoses = {"alf", "subacute_lf", "aclf", "chronic_lf",
                                                   "other"};
constexpr std::array<const char*, 6> kEtiologies = {"paracetamol",  "hbv",           "alcohol",
                                                    "drug_induced", "indeterminate", "wilson"};
constexpr std::array<const char*, 4> kBuilds = {"obese", "thin", "normal", "muscular"};

}  // namespace

std::string synthetic_header() {
  return "id,sex,age[years],height[cm],weight[kg],hematocrit[%],diagnosis,etiology,build,"
         "bilirubin[mg/dL],creatinine[mg/dL],lactate[mmol/L],inr,sodium[mmol/L],albumin[g/dL],"
         "platelets[10^9/L],pta[%],hepatic_encephalopathy_grade,vasopressors,"
         "norepinephrine_dose[ug/kg/min],map[mmHg],pao2_fio2[mmHg],active_bleeding,dic,sepsis,"
         "on_dialysis,dialysis_sessions_last_week\n";
}

void append_synthetic_row(std::string& out, std::uint64_t seed, std::uint64_t index) {
  Random r{seed * 0x2545F4914F6CDD1DULL + index};
  out += "P";
  char buf[24];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, index);
  if (ec == std::errc()) out.append(buf, end);
  const bool male = r.chance(0.55);
  out += male ? ",male," : ",female,";
  number(out, r.uniform(18, 85), 0);
  out.push_back(',');
  // Now and then a very short patient, below 60 in and where Devine gives no IBW.
  number(out, r.chance(0.01) ? r.uniform(80, 150) : r.uniform(150, 195), 1);
  out.push_back(',');
  number(out, r.chance(0.01) ? r.uniform(15, 40) : r.uniform(45, 140), 1);
  out.push_back(',');
  number(out, r.uniform(18, 50), 1);
  out.push_back(',');
  out += kDiagnoses[r.next() % kDiagnoses.size()];
  out.push_back(',');
  if (!r.chance(0.1)) out += kEtiologies[r.next() % kEtiologies.size()];
  out.push_back(',');
  if (!r.chance(0.3)) out += kBuilds[r.next() % kBuilds.size()];
  lab(out, r, 0.3, 40, 2, std::array{1.0, 15.0, 17.5, 25.0});  // bilirubin
  lab(out, r, 0.4, 6, 2, std::array{0.7, 1.0, 1.5, 4.0});      // creatinine
  lab(out, r, 0.5, 8, 2, std::array{1.5, 2.5});                // lactate
  lab(out, r, 0.9, 6, 2, std::array{1.0, 1.5, 1.8, 2.5});      // INR
  lab(out, r, 115, 150, 0, std::array{125.0, 137.0, 140.0});   // sodium
  lab(out, r, 1.2, 4.8, 1, std::array{1.5, 2.8, 3.5});         // albumin g/dL
  lab(out, r, 5, 300, 0, std::array{20.0, 50.0});              // platelets
  lab(out, r, 5, 100, 0, std::array{20.0, 30.0, 40.0});        // PTA %
  out.push_back(',');
  if (!r.chance(0.05)) number(out, static_cast<double>(r.next() % 5), 0);  // HE grade
  const bool pressors = r.chance(0.2);
  out += pressors ? ",true," : ",false,";
  if (pressors && !r.chance(0.1)) number(out, r.uniform(0.02, 1.0), 2);
  lab(out, r, 45, 110, 0, std::array{65.0, 70.0});    // MAP
  lab(out, r, 80, 480, 0, std::array{200.0, 300.0});  // PaO2/FiO2
  flag(out, r, 0.05);                                 // active bleeding
  flag(out, r, 0.05);                                 // DIC
  flag(out, r, 0.15);                                 // sepsis
  flag(out, r, 0.1);                                  // on dialysis
  out.push_back(',');
  if (!r.chance(0.5)) number(out, static_cast<double>(r.next() % 4), 0);
  out.push_back('\n');
}

}  // namespace lb::cohort
