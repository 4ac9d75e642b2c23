// ASFA 2023 (9th Special Issue) categories and grades for liver indications,
// as data (LiverBridge clinical reference §21, transcribed). ACLF has no ASFA fact sheet:
// the lookup says so rather than inventing a category.
// Lives with the protocol (inputs tier) because the protocol reader checks an
// `asfa:` section against this table; the eligibility engine only looks it up.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "patient/patient.hpp"
#include "protocol/eligibility_rules.hpp"

namespace lb::eligibility {

struct AsfaEntry {
  std::string_view indication;      ///< key: "acute_liver_failure"
  std::string_view procedure;       ///< "tpe", "tpe_hv"
  std::string_view disease;         ///< "Acute liver failure"
  std::string_view procedure_name;  ///< "TPE-HV"
  std::string_view category;        ///< "I".."IV"
  std::string_view grade;           ///< "1A".."2C"
  std::string_view volume;          ///< as the fact sheet states it, may be empty
};

/// The transcribed table (LiverBridge clinical reference §21).
std::span<const AsfaEntry> asfa_2023_table();
/// The citation of the table.
std::string_view asfa_2023_source();

struct AsfaResult {
  bool listed = false;
  std::string indication;  ///< key used for the lookup ("" when none applies)
  std::string procedure;
  std::string category;  ///< "I"; "" when not listed
  std::string grade;     ///< "1A"; "" when not listed
  std::string text;      ///< "Acute liver failure, TPE-HV: category I, grade 1A" or why none
  std::string source;
};

/// Looks up the protocol's procedure for the indication: the protocol's, or
/// the one that follows from the diagnosis and, for acute liver failure, the
/// etiology (Wilson disease, mushroom poisoning and acute fatty liver of
/// pregnancy have fact sheets of their own, used when they list the procedure).
AsfaResult asfa_lookup(const AsfaSettings& settings, patient::Diagnosis diagnosis,
                       std::optional<patient::Etiology> etiology = std::nullopt);
/// True when the key names an entry of the table (any procedure).
bool asfa_indication_known(std::string_view indication);
bool asfa_procedure_known(std::string_view procedure);

}  // namespace lb::eligibility
