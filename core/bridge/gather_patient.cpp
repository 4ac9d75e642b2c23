#include "bridge/gather_patient.hpp"

#include "diag/diagnostic.hpp"
#include "scores/score_inputs.hpp"
#include "scores/score_set.hpp"
#include "text/format.hpp"
#include "yaml/guarded_load.hpp"

namespace lb::bridge::detail {

namespace {

using units::AnyQuantity;
using units::LabConcentration;

struct Builder {
  const Observation& stamp;
  const YAML::Node labs;
  std::vector<Observation> out;

  void add(std::string input, AnyQuantity v, std::string text,
           std::optional<units::Analyte> analyte = std::nullopt, std::string shown_as = "") {
    Observation o = stamp;
    o.input = std::move(input);
    o.value = v;
    o.analyte = analyte;
    o.text = std::move(text);
    o.shown_as = std::move(shown_as);
    out.push_back(std::move(o));
  }
  /// The lab's text as written in the file ("4.2 mg/dL").
  [[nodiscard]] std::string entered(const char* key) const {
    if (labs && labs.IsMap() && labs[key] && labs[key].IsScalar()) return labs[key].Scalar();
    return "";
  }
  void lab(const char* key, const std::optional<LabConcentration>& c) {
    if (!c) return;
    const AnyQuantity v =
        c->entered_as_mass() ? AnyQuantity::of(c->mass()) : AnyQuantity::of(c->amount());
    add(key, v, entered(key), c->analyte());
  }
  template <class Q>
  void plain(const char* key, const std::optional<Q>& q) {
    if (q) add(key, AnyQuantity::of(*q), entered(key));
  }
  void score(const scores::ScoreSet& set, const char* key, const char* input, int decimals) {
    const auto* r = set.find(key);
    if (r == nullptr || !r->value) return;
    // The unrounded value where the score defines one (MELD 27.97, shown as 28), else the value.
    const double exact = r->raw ? *r->raw : *r->value;
    const std::string shown = text::fixed(*r->value, decimals);
    const std::string exact_text = r->raw ? text::fixed(exact, 2) : shown;
    add(input, AnyQuantity::of(units::Fraction::from_value(exact)), exact_text, std::nullopt,
        exact_text == shown ? "" : shown);
  }
};

bool kcc_unfavourable(patient::Etiology e) {
  return e == patient::Etiology::indeterminate || e == patient::Etiology::halothane ||
         e == patient::Etiology::drug_induced;
}

}  // namespace

std::vector<Observation> patient_observations(const patient::Patient& p,
                                              const scores::ScoreSettings& settings,
                                              const std::string& patient_text,
                                              const Observation& stamp) {
  diag::Diagnostics ignored;  // the patient loader has read this text already
  auto root = yaml::guarded_load(patient_text, "patient", ignored);
  Builder b{stamp, root && root->IsMap() ? (*root)["labs"] : YAML::Node(), {}};
  const auto& l = p.labs;
  b.plain("inr", l.inr);
  b.plain("factor_v", l.factor_v);
  b.plain("pta", l.pta);
  b.lab("bilirubin", l.bilirubin);
  b.lab("creatinine", l.creatinine);
  b.lab("lactate", l.lactate);
  b.lab("phosphate", l.phosphate);
  b.lab("ammonia", l.ammonia);
  b.plain("arterial_ph", l.arterial_ph);
  const auto& c = p.clinical;
  if (c.hepatic_encephalopathy_grade) {
    b.add("he_grade", AnyQuantity::of(units::Fraction::from_value(*c.hepatic_encephalopathy_grade)),
          std::to_string(*c.hepatic_encephalopathy_grade));
  }
  b.add("age", AnyQuantity::of(p.age), text::fixed(units::in_days(p.age) / 365.25, 0) + " years");
  if (c.jaundice_to_encephalopathy) {
    b.add("jaundice_to_encephalopathy", AnyQuantity::of(*c.jaundice_to_encephalopathy),
          text::fixed(units::in_days(*c.jaundice_to_encephalopathy), 0) + " d");
  }
  if (c.sepsis) {
    b.add("sepsis", AnyQuantity::of(units::Fraction::from_value(*c.sepsis ? 1.0 : 0.0)),
          *c.sepsis ? "yes" : "no");
  }
  if (p.etiology) {
    const bool u = kcc_unfavourable(*p.etiology);
    b.add("kcc_unfavourable_etiology", AnyQuantity::of(units::Fraction::from_value(u ? 1.0 : 0.0)),
          std::string(patient::to_string(*p.etiology)) + (u ? " (yes)" : " (no)"));
  }
  auto scores = score_observations(scores::compute_scores(p, settings), stamp);
  b.out.insert(b.out.end(), scores.begin(), scores.end());
  return b.out;
}

std::vector<Observation> score_observations(const scores::ScoreSet& set, const Observation& stamp) {
  Builder b{stamp, YAML::Node(), {}};
  b.score(set, "meld", "meld", 0);
  b.score(set, "ukeld", "ukeld", 0);
  b.score(set, "child_pugh", "child_pugh", 0);
  b.score(set, "aarc", "aarc", 0);
  b.score(set, "clif_c_of", "clif_c_of", 0);
  b.score(set, "clif_c_aclf", "clif_c_aclf", 2);
  if (const auto* of = set.find("clif_c_of"); of != nullptr && of->value) {
    const auto n = static_cast<double>(of->organ_failures.size());
    b.add("organ_failures", AnyQuantity::of(units::Fraction::from_value(n)),
          std::to_string(of->organ_failures.size()) +
              (of->organ_failures.empty() ? "" : " (" + text::join(of->organ_failures) + ")"));
  }
  return b.out;
}

}  // namespace lb::bridge::detail
