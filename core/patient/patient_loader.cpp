#include "patient/patient_loader.hpp"

#include <exception>

#include "model/names.hpp"
#include "patient/clinical_reader.hpp"
#include "patient/field_reader.hpp"
#include "yaml/guarded_load.hpp"
#include "yaml/map_reader.hpp"

namespace lb::patient {

namespace {

using yaml::Need;

constexpr std::size_t kMaxIdLength = 64;

/// The pseudonymous id: one line of printable text, short enough for a report header.
std::optional<std::string> read_id(yaml::MapReader& r) {
  auto id = r.text("id", Need::required);
  if (!id) return std::nullopt;
  for (const char c : *id) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      r.error_at("id", "contains a line break or control character; expected one line of text");
      return std::nullopt;
    }
  }
  if (id->size() > kMaxIdLength) {
    r.error_at("id", "is " + std::to_string(id->size()) + " characters long; expected at most " +
                         std::to_string(kMaxIdLength) + " (a pseudonymous code, not a name)");
    return std::nullopt;
  }
  return id;
}

std::optional<Patient> read_patient(const YAML::Node& root, const std::string& file,
                                    diag::Diagnostics& diags) {
  yaml::MapReader r(root, file, "", diags);
  Patient p;

  const auto id = read_id(r);
  const bool complete = read_section(r, Section::patient, p) && id.has_value();
  yaml::MapReader labs = r.child("labs", Need::optional);
  read_section(labs, Section::labs, p);
  if (labs.valid()) labs.finish();
  yaml::MapReader clinical = r.child("clinical", Need::optional);
  read_clinical(clinical, p);
  // The bridge view's draw times and anchors (core/bridge/context.hpp reads them: it needs the
  // records' time parser, a tier above this one); the plan does not use them.
  r.node("bridge", Need::optional);

  r.finish();

  // Every reader reports why it has no value; this only guards against a
  // required value going missing silently.
  if (!complete || diags.has_errors()) {
    if (!diags.has_errors()) {
      diags.error({file, 0, 0}, "", "internal error: a required value was not read");
    }
    return std::nullopt;
  }
  p.id = *id;
  return p;
}

/// Runs `load_root` (the guarded YAML load) and reads the patient from its
/// result; any exception becomes an error diagnostic.
template <class LoadRoot>
PatientLoad load_with(const std::string& file, LoadRoot load_root) {
  PatientLoad out;
  try {
    const std::optional<YAML::Node> root = load_root(out.diagnostics);
    if (!root) return out;
    auto patient = read_patient(*root, file, out.diagnostics);
    if (patient && !out.diagnostics.has_errors()) out.patient = std::move(patient);
  } catch (const YAML::Exception& e) {
    out.patient.reset();
    out.diagnostics.error(yaml::location_of(e.mark, file), "", "malformed YAML: " + e.msg);
  } catch (const std::exception& e) {
    out.patient.reset();
    out.diagnostics.error(
        {file, 0, 0}, "",
        std::string("internal error while reading the patient file: ") + e.what());
  }
  return out;
}

}  // namespace

PatientLoad parse_patient(std::string_view text, const std::string& file) {
  return load_with(file, [&](diag::Diagnostics& d) { return yaml::guarded_load(text, file, d); });
}

PatientLoad load_patient_file(const std::string& path) {
  return load_with(path, [&](diag::Diagnostics& d) { return yaml::guarded_load_file(path, d); });
}

}  // namespace lb::patient
