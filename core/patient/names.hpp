// Diagnosis, ascites and etiology exactly as patient and protocol files and the plan
// JSON spell them: one table per enum for to_string (patient.cpp) and every
// reader (patient_loader.cpp, clinical_reader.cpp, the protocol's indications).
#pragma once

#include "patient/patient.hpp"
#include "text/enum_names.hpp"

namespace lb::patient::names {

inline constexpr auto kDiagnosis = text::enum_names<Diagnosis>({
    {Diagnosis::alf, "alf"},
    {Diagnosis::subacute_lf, "subacute_lf"},
    {Diagnosis::aclf, "aclf"},
    {Diagnosis::chronic_lf, "chronic_lf"},
    {Diagnosis::other, "other"},
});
inline constexpr auto kAscites = text::enum_names<Ascites>({
    {Ascites::none, "none"},
    {Ascites::mild, "mild"},
    {Ascites::moderate_severe, "moderate_severe"},
});

/// Etiology as patient files and the plan JSON spell it.
inline constexpr auto kEtiology = text::enum_names<Etiology>({
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

static_assert(kDiagnosis.unique() && kAscites.unique() && kEtiology.unique());

}  // namespace lb::patient::names
