// Every worked example of docs/clinical-reference.md is what the code computes.
// Each example ends with a machine-readable line
//   <!-- check: CALC key=value ... expect=NUMBER -->
// evaluated here with LiverBridge's own functions; the number must also be
// printed in the example's visible text, and agree with the code within half a
// unit of its last written digit. "check: none (reason)" marks an example that
// is arithmetic only.
#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "explain/reference.hpp"
#include "kinetics/compartment.hpp"
#include "kinetics/inr_from_activity.hpp"
#include "provenance_support.hpp"
#include "report/plan_json.hpp"
#include "scores/score_set.hpp"
#include "session/heparin.hpp"
#include "units/lab_conversions.hpp"
#include "volume/blood_volume.hpp"
#include "volume/body_size.hpp"
#include "volume/exchange_volume.hpp"
#include "volume/plasma_volume.hpp"

using namespace lb;
using namespace lb::units;

namespace {

using Args = std::map<std::string, std::string>;

struct Check {
  int line = 0;
  std::string calc;
  Args args;
  std::string expect;
  std::string visible;  ///< the example's text before the check line
};

double num(const Args& a, const std::string& key) {
  const auto it = a.find(key);
  REQUIRE_MESSAGE(it != a.end(), "missing " << key);
  return std::stod(it->second);
}
std::string word(const Args& a, const std::string& key) {
  const auto it = a.find(key);
  REQUIRE_MESSAGE(it != a.end(), "missing " << key);
  return it->second;
}
model::Sex sex_of(const Args& a) {
  return word(a, "sex") == "male" ? model::Sex::male : model::Sex::female;
}

/// The worked-example checks of the reference, with the visible text of their example.
std::vector<Check> checks_in(const std::string& doc) {
  std::vector<Check> out;
  std::istringstream in(doc);
  std::string line;
  std::string paragraph;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    const auto at = line.find("<!-- check:");
    if (at == std::string::npos) {
      const bool starts_item = line.starts_with("* ") || line.starts_with("- ");
      if (line.empty() || line.starts_with("#") || starts_item) paragraph.clear();
      paragraph += line + "\n";
      continue;
    }
    std::istringstream words(line.substr(at + 11, line.rfind("-->") - at - 11));
    Check c;
    c.line = n;
    c.visible = paragraph;
    words >> c.calc;
    for (std::string w; words >> w;) {
      const auto eq = w.find('=');
      if (eq != std::string::npos) c.args[w.substr(0, eq)] = w.substr(eq + 1);
    }
    if (c.calc != "none") {
      c.expect = word(c.args, "expect");
      out.push_back(c);
    }
  }
  return out;
}

/// Half a unit of the last digit written: "4823.75" -> 0.005, "43" -> 0.5.
double tolerance_of(const std::string& expect) {
  const auto dot = expect.find('.');
  const int decimals = dot == std::string::npos ? 0 : static_cast<int>(expect.size() - dot - 1);
  return 0.5 * std::pow(10.0, -decimals) * (1.0 + 1e-9);
}

const nlohmann::json* find_figure(const nlohmann::json& j, const std::string& id) {
  if (j.is_object()) {
    if (j.contains("derivation") && j["derivation"].is_object() &&
        j["derivation"].value("id", "") == id && j.contains("value")) {
      return &j;
    }
    for (const auto& [k, v] : j.items()) {
      if (const auto* f = find_figure(v, id)) return f;
    }
  } else if (j.is_array()) {
    for (const auto& v : j) {
      if (const auto* f = find_figure(v, id)) return f;
    }
  }
  return nullptr;
}

double plan_value(const Args& a) {
  const std::string patient_file =
      std::string(LB_SOURCE_DIR) + "/examples/" + word(a, "patient") + ".yaml";
  const auto protocol = testing::load_protocol(std::string(LB_SOURCE_DIR) + "/protocols/" +
                                               word(a, "protocol") + ".yaml");
  const auto plan = testing::plan_for(testing::load_patient(patient_file), patient_file, protocol);
  const auto json = report::plan_json(plan);
  if (a.contains("path"))
    return json.at(nlohmann::json::json_pointer(word(a, "path"))).get<double>();
  const auto* f = find_figure(json, word(a, "figure"));
  REQUIRE_MESSAGE(f != nullptr, "no figure " << word(a, "figure"));
  // The unrounded quantity where the JSON carries one, else the shown value.
  if (f->contains("value") && (*f)["value"].is_number()) return (*f)["value"].get<double>();
  return (*f)["shown"]["value"].get<double>();
}

scores::ScoreInputs score_inputs_of(const Args& a) {
  scores::ScoreInputs in;
  in.dialysis_sessions_last_week = 0;
  in.cvvhd_24h_last_week = false;
  in.on_dialysis = false;
  for (const auto& [k, v] : a) {
    const double x = std::strtod(v.c_str(), nullptr);
    if (k == "sex") in.sex = v == "male" ? model::Sex::male : model::Sex::female;
    if (k == "age_years") in.age = years(x);
    if (k == "bilirubin_mg_dl") in.bilirubin = LabConcentration{Analyte::bilirubin, mg_per_dl(x)};
    if (k == "bilirubin_umol_l") in.bilirubin = LabConcentration{Analyte::bilirubin, umol_per_l(x)};
    if (k == "creatinine_mg_dl")
      in.creatinine = LabConcentration{Analyte::creatinine, mg_per_dl(x)};
    if (k == "creatinine_umol_l") {
      in.creatinine = LabConcentration{Analyte::creatinine, umol_per_l(x)};
    }
    if (k == "lactate") in.lactate = LabConcentration{Analyte::lactate, mmol_per_l(x)};
    if (k == "inr") in.inr = fraction(x);
    if (k == "sodium") in.sodium = mmol_per_l(x);
    if (k == "albumin_g_dl") in.albumin = g_per_dl(x);
    if (k == "wbc") in.wbc = giga_per_liter(x);
    if (k == "pta") in.pta = fraction(x);
    if (k == "factor_v") in.factor_v = fraction(x);
    if (k == "arterial_ph") in.arterial_ph = fraction(x);
    if (k == "he_grade") in.he_grade = static_cast<int>(x);
    if (k == "map") in.map = mm_hg(x);
    if (k == "pao2_fio2") in.pao2_fio2 = mm_hg(x);
    if (k == "vasopressors") in.vasopressors = x != 0.0;
    if (k == "ascites") {
      in.ascites = v == "none"   ? patient::Ascites::none
                   : v == "mild" ? patient::Ascites::mild
                                 : patient::Ascites::moderate_severe;
    }
    if (k == "etiology" && v == "paracetamol") in.etiology = patient::Etiology::paracetamol;
  }
  return in;
}

/// A rule of a bundled protocol for an example patient with one lab changed
/// (`platelets` in 10^9/L): 1 when the rule is met (counts against the verdict), else 0.
double rule_value(const Args& a) {
  const std::string patient_file =
      std::string(LB_SOURCE_DIR) + "/examples/" + word(a, "patient") + ".yaml";
  const auto protocol = testing::load_protocol(std::string(LB_SOURCE_DIR) + "/protocols/" +
                                               word(a, "protocol") + ".yaml");
  auto patient = testing::load_patient(patient_file);
  if (a.contains("platelets")) patient.labs.platelets = giga_per_liter(num(a, "platelets"));
  const auto plan = testing::plan_for(patient, patient_file, protocol);
  const auto json = report::plan_json(plan);
  if (a.contains("verdict")) {
    CHECK(json["eligibility"]["verdict"] == word(a, "verdict"));
  }
  for (const auto& r : json["eligibility"]["rules"]) {
    if (r["id"] == word(a, "rule")) return r["triggered"].get<bool>() ? 1.0 : 0.0;
  }
  FAIL("no rule " << word(a, "rule"));
  return -1.0;
}

/// The share of a solute left after `sessions` sessions of x plasma volumes each, with a
/// fraction f intravascular and full redistribution after each session (§7.1, §7.3), in
/// percent for f = 1 as the example writes it.
double kinetics_value(const Args& a) {
  const double f = num(a, "f");
  kinetics::Params<Fraction> p;
  p.intravascular_fraction = fraction(f);
  auto state = kinetics::at_equilibrium(fraction(1.0));
  const int sessions = a.contains("sessions") ? static_cast<int>(num(a, "sessions")) : 1;
  for (int i = 0; i < sessions; ++i) {
    const auto after = kinetics::after_session(state, p, fraction(num(a, "x")), hours(2));
    state = kinetics::at_equilibrium(after.equilibrated(p.intravascular_fraction));
  }
  const double left = in_fraction(state.plasma);
  return f == 1.0 ? 100.0 * left : left;
}

double score_value(const Args& a) {
  const auto set = scores::compute_scores(score_inputs_of(a), scores::ScoreSettings{});
  const auto* r = set.find(word(a, "name"));
  REQUIRE_MESSAGE(r != nullptr, "no score " << word(a, "name"));
  const std::string field = word(a, "field");
  if (field == "met") {
    REQUIRE_MESSAGE(r->met.has_value(), "not decided; missing: " << r->missing.size());
    return *r->met ? 1.0 : 0.0;
  }
  const auto& v = field == "raw" ? r->raw : r->value;
  REQUIRE_MESSAGE(v.has_value(), word(a, "name") << " has no " << field);
  return *v;
}

double computed(const Check& c) {
  const Args& a = c.args;
  if (c.calc == "bmi") {
    return in_kg_per_m2(
        volume::body_mass_index(centimeters(num(a, "height_cm")), kilograms(num(a, "weight_kg")))
            .value);
  }
  if (c.calc == "ibw") {
    const std::string m = word(a, "method");
    const auto method = m == "devine"     ? protocol::IbwMethod::devine
                        : m == "robinson" ? protocol::IbwMethod::robinson
                                          : protocol::IbwMethod::miller;
    return in_kilograms(volume::ideal_body_weight(method, sex_of(a),
                                                  centimeters(num(a, "height_cm")),
                                                  protocol::ShortStaturePolicy::extrapolate)
                            .value);
  }
  if (c.calc == "tbv" || c.calc == "pv_hct") {
    protocol::BloodVolumeSettings s;
    const std::string m = c.calc == "pv_hct" ? "nadler" : word(a, "method");
    std::optional<model::Build> build;
    if (m == "weight_based") {
      s.method = protocol::BloodVolumeMethod::weight_based;
      s.weight_based_male = s.weight_based_female = ml_per_kg(num(a, "ml_per_kg"));
    } else if (m == "lemmens") {
      s.method = protocol::BloodVolumeMethod::lemmens;
    } else if (m == "gilcher") {
      s.method = protocol::BloodVolumeMethod::gilcher;
      build = model::Build::normal;
    }
    const auto sex = a.contains("sex") ? sex_of(a) : model::Sex::male;
    const auto height = centimeters(a.contains("height_cm") ? num(a, "height_cm") : 170);
    const auto tbv = volume::blood_volume(s, sex, height, kilograms(num(a, "weight_kg")), build);
    if (c.calc == "tbv") return in_milliliters(tbv.value);
    return in_milliliters(
        volume::plasma_volume_from_hematocrit(tbv, fraction(num(a, "hct"))).value);
  }
  if (c.calc == "pv_kaplan") {
    return in_milliliters(volume::kaplan_plasma_volume(kilograms(num(a, "weight_kg")),
                                                       fraction(num(a, "hct")), ml_per_kg(65))
                              .value);
  }
  if (c.calc == "plan") return plan_value(a);
  if (c.calc == "rule") return rule_value(a);
  if (c.calc == "kinetics") return kinetics_value(a);
  if (c.calc == "inr") {  // INR read off a prothrombin activity (kinetics/inr_from_activity)
    const kinetics::InrAnchor anchor{fraction(num(a, "inr0")), fraction(num(a, "pta0") / 100.0)};
    return in_fraction(
        kinetics::inr_at(fraction(num(a, "pta") / 100.0), anchor, fraction(num(a, "isi"))));
  }
  if (c.calc == "heparin") {
    protocol::HeparinSettings s;
    s.bolus = protocol::InternationalUnits{num(a, "bolus")};
    s.per_hour = protocol::InternationalUnits{num(a, "per_hour")};
    const explain::Derived<Duration> run{hours(num(a, "hours")), {}};
    return session::heparin_plan(s, run, "").total.value.value;
  }
  if (c.calc == "per_kg") {
    protocol::ExchangeSettings s;
    s.rule = protocol::ExchangeRule::per_kg;
    s.per_kg = ml_per_kg(num(a, "ml_per_kg"));
    // The rule does not read the plasma volume or IBW; the engine only needs them present.
    // Filled member by member: GCC 12 -O2 warns (falsely) of an uninitialised string in a
    // nested brace-initialised derivation.
    volume::ExchangeInputs in{};
    in.plasma_volume.value = milliliters(3000);
    in.ideal_body_weight.value = kilograms(60);
    in.actual_weight = kilograms(num(a, "weight_kg"));
    return in_milliliters(volume::exchange_volume(s, in, "").volume.value);
  }
  if (c.calc == "score") return score_value(a);
  if (c.calc == "convert") {
    REQUIRE(word(a, "analyte") == "bilirubin");
    return in_umol_per_l(bilirubin_to_umol(mg_per_dl(num(a, "mg_dl"))));
  }
  FAIL("unknown calculator '" << c.calc << "' at line " << c.line);
  return 0.0;
}

}  // namespace

TEST_SUITE("provenance") {
  TEST_CASE("every worked example of the clinical reference is what the code computes") {
    const std::string doc = lb::testing::reference_text();
    REQUIRE_FALSE(doc.empty());
    const auto checks = checks_in(doc);
    CHECK(checks.size() >= 30);
    for (const auto& c : checks) {
      INFO("docs/clinical-reference.md:" << c.line << ": " << c.calc << " expect=" << c.expect);
      CHECK_MESSAGE(c.visible.find(c.expect) != std::string::npos,
                    "the expected number is not printed in the example's text");
      const double got = computed(c);
      if (c.expect == "met" || c.expect == "not_met") {  // criteria: met is 1, not met is 0
        CHECK_MESSAGE(got == (c.expect == "met" ? 1.0 : 0.0), "the code computes " << got);
        continue;
      }
      CHECK_MESSAGE(std::fabs(got - std::stod(c.expect)) <= tolerance_of(c.expect),
                    "the code computes " << got);
    }
  }

  TEST_CASE("every worked example carries a check line") {
    const std::string doc = lb::testing::reference_text();
    std::istringstream in(doc);
    std::string line;
    std::string previous;
    int n = 0;
    bool open = false;  // a worked example waiting for its check line
    int opened_at = 0;
    while (std::getline(in, line)) {
      ++n;
      if (line.find("Worked example ") != std::string::npos ||
          line.find("Worked example:") != std::string::npos) {
        CHECK_MESSAGE(!open, "docs/clinical-reference.md:" << opened_at << ": no check line");
        open = true;
        opened_at = n;
      }
      if (line.find("<!-- check:") != std::string::npos) open = false;
      previous = line;
    }
    CHECK_MESSAGE(!open, "docs/clinical-reference.md:" << opened_at << ": no check line");
  }

  TEST_CASE("every section the explain command serves exists and every id is unique") {
    const auto sections = explain::reference_sections(lb::testing::reference_text());
    std::set<std::string> ids;
    for (const auto& s : sections) {
      for (const auto& id : s.ids) CHECK_MESSAGE(ids.insert(id).second, "duplicate id " << id);
    }
    for (const auto* id : {"bmi",
                           "ideal_body_weight",
                           "total_blood_volume",
                           "plasma_volume",
                           "exchange_volume_per_session",
                           "citrate_rate",
                           "session_duration",
                           "meld",
                           "meld_na",
                           "meld_3",
                           "ukeld",
                           "child_pugh",
                           "kings_college",
                           "clichy",
                           "clif_c_of",
                           "clif_c_aclf",
                           "clif_c_ad",
                           "aarc",
                           "china_lf_stage",
                           "eligibility"}) {
      CHECK_MESSAGE(ids.contains(id), "no section lists " << id);
    }
    const auto citrate =
        explain::find_reference_section(lb::testing::reference_text(), "citrate_rate");
    REQUIRE(citrate.has_value());
    CHECK(citrate->number == "5");
    CHECK(citrate->text.find("<!--") == std::string::npos);
    CHECK(explain::find_reference_section(lb::testing::reference_text(), "\u00a75.3")->title ==
          "Citrate reaching the patient");
    CHECK_FALSE(explain::find_reference_section(lb::testing::reference_text(), "nonsense"));
  }
}
