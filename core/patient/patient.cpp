#include "patient/patient.hpp"

#include "patient/names.hpp"
#include "text/enum_names.hpp"

namespace lb::patient {

std::string_view to_string(Diagnosis d) { return names::kDiagnosis.name(d); }

std::string_view to_string(Ascites a) { return names::kAscites.name(a); }

namespace {

/// Etiology as patient files and the plan JSON spell it: to_string and the reader.
constexpr auto kEtiologyNames = text::enum_names<Etiology>({
    {Etiology::paracetamol, "paracetamol"},
    {Etiology::hav, "hav"},
    {Etiology::hbv, "hbv"},
    {Etiology::hcv, "hcv"},
    {Etiology::hev, "hev"},
    {Etiology::alcohol, "alcohol"},
    {Etiology::drug_induced, "drug_induced"},
    {Etiology::halothane, "halothane"},
    {Etiology::autoimmune, "autoimmune"},
    {Etiology::wilson, "wilson"},
    {Etiology::budd_chiari, "budd_chiari"},
    {Etiology::ischemic, "ischemic"},
    {Etiology::pregnancy, "pregnancy"},
    {Etiology::mushroom, "mushroom"},
    {Etiology::indeterminate, "indeterminate"},
    {Etiology::other, "other"},
});
static_assert(kEtiologyNames.unique());

}  // namespace

const std::vector<std::pair<std::string, Etiology>>& etiology_words() {
  static const auto kWords = kEtiologyNames.options();
  return kWords;
}

std::string_view to_string(Etiology e) { return kEtiologyNames.name(e); }

}  // namespace lb::patient
