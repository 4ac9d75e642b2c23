// ASFA 2023 table, transcribed from LiverBridge clinical reference §21 (Connelly-Smith 2023,
// Table 1 and fact sheets, via a secondary transcription).
#include "protocol/asfa.hpp"

#include <algorithm>
#include <array>

namespace lb::eligibility {

namespace {

// clang-format off
constexpr std::array kTable = {
    AsfaEntry{"acute_liver_failure", "tpe_hv", "Acute liver failure", "TPE-HV", "I", "1A", "target 8-12 L"},
    AsfaEntry{"acute_liver_failure", "tpe", "Acute liver failure", "TPE", "III", "2B", "1-1.5 TPV"},
    AsfaEntry{"acute_fatty_liver_of_pregnancy", "tpe", "Acute fatty liver of pregnancy", "TPE", "III", "2B", "as acute liver failure"},
    AsfaEntry{"wilson_fulminant", "tpe", "Wilson disease, fulminant", "TPE", "I", "1C", "1-1.5 TPV"},
    AsfaEntry{"pruritus_hepatobiliary", "tpe", "Pruritus due to hepatobiliary diseases, treatment-resistant", "TPE", "III", "1C", ""},
    AsfaEntry{"liver_transplant_abo_incompatible_living", "tpe", "Liver transplantation, desensitisation, ABO-incompatible living donor", "TPE", "I", "1C", "1-1.5 TPV"},
    AsfaEntry{"liver_transplant_abo_incompatible_deceased", "tpe", "Liver transplantation, desensitisation ABO-incompatible deceased donor / antibody-mediated rejection", "TPE", "III", "2C", "1-1.5 TPV"},
    AsfaEntry{"mushroom_poisoning", "tpe", "Acute toxins: mushroom poisoning", "TPE", "II", "2C", "1-2 TPV"},
    AsfaEntry{"sepsis_multiorgan_failure", "tpe", "Sepsis with multiorgan failure", "TPE", "III", "2A", ""},
};
// clang-format on

constexpr std::string_view kSource =
    "Connelly-Smith L, et al. Guidelines on the Use of Therapeutic Apheresis in Clinical "
    "Practice: The Ninth Special Issue. J Clin Apher 2023;38:77-278, Table 1; "
    "LiverBridge clinical reference §21";

std::string procedure_name(std::string_view procedure) {
  return procedure == "tpe_hv" ? "TPE-HV" : "TPE";
}

const AsfaEntry* find_entry(std::string_view indication, std::string_view procedure) {
  const auto* it = std::find_if(kTable.begin(), kTable.end(), [&](const AsfaEntry& e) {
    return e.indication == indication && e.procedure == procedure;
  });
  return it == kTable.end() ? nullptr : &*it;
}

/// The ASFA indication of a cause of acute liver failure that has its own fact
/// sheet (LiverBridge clinical reference §21), or "" when the acute liver failure entry applies.
std::string_view etiology_indication(std::optional<patient::Etiology> etiology) {
  if (!etiology) return {};
  switch (*etiology) {
    case patient::Etiology::wilson: return "wilson_fulminant";
    case patient::Etiology::mushroom: return "mushroom_poisoning";
    case patient::Etiology::pregnancy: return "acute_fatty_liver_of_pregnancy";
    default: return {};
  }
}

}  // namespace

std::span<const AsfaEntry> asfa_2023_table() { return kTable; }
std::string_view asfa_2023_source() { return kSource; }

bool asfa_indication_known(std::string_view indication) {
  return std::any_of(kTable.begin(), kTable.end(),
                     [&](const AsfaEntry& e) { return e.indication == indication; });
}

bool asfa_procedure_known(std::string_view procedure) {
  return procedure == "tpe" || procedure == "tpe_hv";
}

AsfaResult asfa_lookup(const AsfaSettings& settings, patient::Diagnosis diagnosis,
                       std::optional<patient::Etiology> etiology) {
  AsfaResult out;
  out.procedure = settings.procedure;
  out.source = std::string(kSource);
  out.indication = settings.indication;
  std::string fallback_note;
  if (out.indication.empty()) {
    switch (diagnosis) {
      case patient::Diagnosis::alf: {
        out.indication = "acute_liver_failure";
        // A cause with a fact sheet of its own is the more specific indication,
        // when that fact sheet lists the protocol's procedure.
        const std::string_view specific = etiology_indication(etiology);
        if (!specific.empty()) {
          if (find_entry(specific, settings.procedure) != nullptr) {
            out.indication = std::string(specific);
          } else {
            const AsfaEntry* own = find_entry(specific, "tpe");
            fallback_note = " (the " + std::string(own ? own->disease : specific) +
                            " fact sheet lists no " + procedure_name(settings.procedure) +
                            "; the acute liver failure entry applies)";
          }
        }
        break;
      }
      case patient::Diagnosis::aclf:
        out.text =
            "no ASFA 2023 category: acute-on-chronic liver failure has no ASFA fact sheet "
            "(ASFA 2023, Connelly-Smith 2023; LiverBridge clinical reference §21)";
        return out;
      case patient::Diagnosis::subacute_lf:
      case patient::Diagnosis::chronic_lf:
      case patient::Diagnosis::other:
        out.text = "no ASFA 2023 category: diagnosis '" +
                   std::string(patient::to_string(diagnosis)) +
                   "' has no ASFA fact sheet of its own";
        return out;
    }
  }
  if (const AsfaEntry* e = find_entry(out.indication, settings.procedure)) {
    out.listed = true;
    out.category = std::string(e->category);
    out.grade = std::string(e->grade);
    out.text = std::string(e->disease) + ", " + std::string(e->procedure_name) + ": category " +
               out.category + ", grade " + out.grade + fallback_note;
    return out;
  }
  out.text = "no ASFA 2023 category for " + procedure_name(settings.procedure) + " in '" +
             out.indication + "'";
  return out;
}

}  // namespace lb::eligibility
