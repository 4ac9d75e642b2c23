#include "validate/validate_file.hpp"

#include "patient/patient_loader.hpp"
#include "protocol/protocol_loader.hpp"
#include "yaml/guarded_load.hpp"

namespace lb::validate {

std::string_view to_string(FileKind k) { return kFileKindNames.name(k); }

std::optional<FileKind> parse_file_kind(std::string_view word) {
  if (word == "auto") return FileKind::unknown;
  return kFileKindNames.parse(word);
}

namespace {

/// Protocols have schema_version/exchange/sources; patients have sex/hematocrit.
FileKind sniff(const YAML::Node& root) {
  for (const char* key : {"schema_version", "exchange", "sources", "indications"}) {
    if (root[key]) return FileKind::protocol;
  }
  for (const char* key : {"sex", "hematocrit", "weight", "labs", "diagnosis"}) {
    if (root[key]) return FileKind::patient;
  }
  return FileKind::unknown;
}

}  // namespace

Validation validate_file(const std::string& path, FileKind forced) {
  Validation v;
  v.kind = forced;
  if (v.kind == FileKind::unknown) {
    diag::Diagnostics pre;
    const auto root = yaml::guarded_load_file(path, pre);
    if (!root) {
      v.diagnostics = pre;
      return v;
    }
    v.kind = sniff(*root);
    if (v.kind == FileKind::unknown) {
      v.diagnostics.error({path, 1, 1}, "",
                          "cannot tell whether this is a patient or a protocol file (a patient "
                          "file has 'sex', 'weight', 'hematocrit'; a protocol has "
                          "'schema_version', 'exchange'); use --kind");
      return v;
    }
  }
  if (v.kind == FileKind::patient) {
    v.diagnostics = patient::load_patient_file(path).diagnostics;
  } else {
    v.diagnostics = protocol::load_protocol_file(path).diagnostics;
  }
  return v;
}

}  // namespace lb::validate
