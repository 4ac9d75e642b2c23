// blood_volume, plasma_volume and ideal_body_weight sections.
#include <algorithm>

#include "protocol/loader/fields.hpp"
#include "protocol/loader/sections.hpp"
#include "protocol/names.hpp"

namespace lb::protocol::detail {

using yaml::MapReader;
using yaml::Need;

namespace {

/// True when an `unverified:` entry covers `section` or a key inside it.
bool flagged(const std::vector<Caveat>& caveats, const std::string& section) {
  return std::any_of(caveats.begin(), caveats.end(), [&](const Caveat& c) {
    return c.key == section || c.key.rfind(section + ".", 0) == 0;
  });
}

void read_per_kg(MapReader& r, const std::string& key, units::VolumePerMass& out) {
  if (auto v = positive<units::VolumePerMass>(r, key, Need::optional, kPerKgCeiling)) {
    out = v->value;
  }
}

void read_gilcher_sex(MapReader& gilcher, const std::string& sex, units::VolumePerMass& obese,
                      units::VolumePerMass& thin, units::VolumePerMass& normal,
                      units::VolumePerMass& muscular) {
  auto r = gilcher.child(sex, Need::optional);
  read_per_kg(r, "obese", obese);
  read_per_kg(r, "thin", thin);
  read_per_kg(r, "normal", normal);
  read_per_kg(r, "muscular", muscular);
  r.finish();
}

void warn_unused(MapReader& r, const std::string& key, BloodVolumeMethod method,
                 const std::string& used_with) {
  if (!r.has(key)) return;
  r.warning_at(key, "has no effect with method '" + std::string(to_string(method)) +
                        "'; it is used only " + used_with);
}

}  // namespace

void read_blood_volume(MapReader& top, BloodVolumeSettings& out,
                       const std::vector<Caveat>& caveats) {
  auto r = top.child("blood_volume", Need::optional);
  if (!r.valid()) return;

  auto method = r.choice("method", Need::optional, names::kBloodVolumeMethod.options());
  if (method) out.method = *method;
  const bool method_known = method.has_value() || !r.has("method");

  if (auto w = positive<units::Mass>(r, "nadler_min_weight", Need::optional, kMassCeiling)) {
    out.nadler_min_weight = w->value;
  }
  {
    auto wb = r.child("weight_based", Need::optional);
    read_per_kg(wb, "male", out.weight_based_male);
    read_per_kg(wb, "female", out.weight_based_female);
    wb.finish();
  }
  if (auto bmi =
          positive<units::BodyMassIndex>(r, "obese_switch_bmi", Need::optional, kBmiCeiling)) {
    out.obese_switch_bmi = bmi->value;
  }
  {
    auto lemmens = r.child("lemmens", Need::optional);
    read_per_kg(lemmens, "reference", out.lemmens_reference);
    if (auto bmi =
            positive<units::BodyMassIndex>(lemmens, "reference_bmi", Need::optional, kBmiCeiling)) {
      out.lemmens_reference_bmi = bmi->value;
    }
    lemmens.finish();
  }
  {
    auto gilcher = r.child("gilcher", Need::optional);
    auto& t = out.gilcher;
    read_gilcher_sex(gilcher, "male", t.male_obese, t.male_thin, t.male_normal, t.male_muscular);
    read_gilcher_sex(gilcher, "female", t.female_obese, t.female_thin, t.female_normal,
                     t.female_muscular);
    gilcher.finish();
  }

  if (method_known) {
    const auto m = out.method;
    using M = BloodVolumeMethod;
    if (m != M::nadler) warn_unused(r, "nadler_min_weight", m, "with method 'nadler'");
    if (m != M::nadler && m != M::weight_based) {
      warn_unused(r, "weight_based", m,
                  "with method 'weight_based' and below nadler_min_weight with method 'nadler'");
    }
    if (m != M::lemmens && !out.obese_switch_bmi) {
      warn_unused(r, "lemmens", m, "with method 'lemmens' or when obese_switch_bmi is set");
    }
    if (m != M::gilcher) warn_unused(r, "gilcher", m, "with method 'gilcher'");
    if (m == M::gilcher && !flagged(caveats, "blood_volume")) {
      r.warning_at("method",
                   "the Gilcher mL/kg table is unverified (LiverBridge clinical reference "
                   "§2.4); add an 'unverified:' entry for "
                   "blood_volume.method");
    }
  }
  r.finish();
}

void read_plasma_volume(MapReader& top, PlasmaVolumeSettings& out,
                        const std::vector<Caveat>& caveats) {
  auto r = top.child("plasma_volume", Need::optional);
  if (!r.valid()) return;
  auto method = r.choice("method", Need::optional, names::kPlasmaVolumeMethod.options());
  if (method) out.method = *method;
  read_per_kg(r, "kaplan_factor", out.kaplan_factor);
  if (method.has_value() || !r.has("method")) {
    if (out.method != PlasmaVolumeMethod::kaplan && r.has("kaplan_factor")) {
      r.warning_at("kaplan_factor", "has no effect with method '" +
                                        std::string(to_string(out.method)) +
                                        "'; it is used only with method 'kaplan'");
    }
    if (out.method == PlasmaVolumeMethod::kaplan && !flagged(caveats, "plasma_volume")) {
      r.warning_at("method",
                   "the Kaplan formula and its 65 mL/kg factor are unverified (LiverBridge "
                   "clinical reference §2.6); add an 'unverified:' entry for "
                   "plasma_volume.method");
    }
  }
  r.finish();
}

void read_ideal_body_weight(MapReader& top, IbwSettings& out) {
  auto r = top.child("ideal_body_weight", Need::optional);
  if (!r.valid()) return;
  if (auto m = r.choice("method", Need::optional, names::kIbwMethod.options())) out.method = *m;
  if (auto p = r.choice("below_60_inches", Need::optional, names::kShortStaturePolicy.options()))
    out.below_60_inches = *p;
  r.finish();
}

}  // namespace lb::protocol::detail
