// The optional `bridge:` section of a patient file: when its labs were drawn and in which
// context, and the times the bridge rules count from (docs/bridge-rules.md). The patient
// loader accepts the section and leaves it to this reader, which needs the records' time
// parser (zone required: a ward clock and a server would otherwise disagree by hours).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "bridge/observation.hpp"
#include "diag/diagnostic.hpp"

namespace lb::bridge {

struct PatientContext {
  std::optional<Epoch> labs_drawn_at;
  std::optional<Tag> labs_tag;
  std::optional<Epoch> first_ffp_at;     ///< FFP given outside the recorded sessions
  std::optional<Epoch> resuscitated_at;  ///< end of fluid resuscitation (pH, lactate criteria)
  std::optional<Epoch> icu_admitted_at, aclf_diagnosed_at;
  std::optional<Candidacy> transplant_candidacy;
};

struct ContextLoad {
  PatientContext context;  ///< empty fields when the section or a key is absent
  diag::Diagnostics diagnostics;
};

/// Reads the `bridge:` section of a patient file's text; all other keys are the patient
/// loader's.
ContextLoad read_patient_context(std::string_view patient_text, const std::string& file);

}  // namespace lb::bridge
