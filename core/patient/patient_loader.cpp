#include "patient/patient_loader.hpp"

#include <exception>

#include "model/names.hpp"
#include "patient/clinical_reader.hpp"
#include "patient/field_reader.hpp"
#include "patient/labs_reader.hpp"
#include "patient/names.hpp"
#include "yaml/guarded_load.hpp"
#include "yaml/map_reader.hpp"

namespace lb::patient {

namespace {

using units::Dimension;
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

/// "30 %" or a bare fraction "0.30". A bare number above 1 is a percentage
/// written without its sign; reading it either way would be a guess.
std::optional<units::Fraction> read_hematocrit(yaml::MapReader& r) {
  const auto entered = read_quantity(r, "hematocrit", Need::required, Dimension::fraction, true);
  if (!entered) return std::nullopt;
  if (entered->parsed.unit.empty() && entered->parsed.si_value > 1.0) {
    r.error_at("hematocrit", "'" + entered->text +
                                 "' is a bare number greater than 1, so it is not a fraction; "
                                 "write '" +
                                 entered->text + " %' for a percentage (or " +
                                 "a fraction from 0.10 to 0.70)");
    return std::nullopt;
  }
  const auto value = units::Fraction::from_value(entered->parsed.si_value);
  if (!check_plausible(r, "hematocrit", value, entered->text, written_scale(entered->parsed))) {
    return std::nullopt;
  }
  return value;
}

/// Age in years or days: "32 h" or "32 min" is a typo for an adult's age, not an age.
std::optional<units::Duration> read_age(yaml::MapReader& r) {
  const auto entered = read_quantity(r, "age", Need::required, Dimension::time);
  if (!entered) return std::nullopt;
  const std::string& unit = entered->parsed.unit;
  if (unit != "years" && unit != "y" && unit != "days" && unit != "d") {
    r.error_at("age", "'" + entered->text + "' is not an age; write it in years, e.g. '" +
                          "32 years' (or in days: 'days')");
    return std::nullopt;
  }
  const auto value = units::Duration::from_value(entered->parsed.si_value);
  if (!check_plausible(r, "age", value, entered->text, written_scale(entered->parsed))) {
    return std::nullopt;
  }
  return value;
}

std::optional<Patient> read_patient(const YAML::Node& root, const std::string& file,
                                    diag::Diagnostics& diags) {
  yaml::MapReader r(root, file, "", diags);
  Patient p;

  const auto id = read_id(r);
  const auto sex = r.choice("sex", Need::required, model::names::kSex.options());
  const auto age = read_age(r);
  const auto height = read_checked<units::Length>(r, "height", Need::required, Dimension::length);
  const auto weight = read_checked<units::Mass>(r, "weight", Need::required, Dimension::mass);
  const auto hematocrit = read_hematocrit(r);
  const auto diagnosis = r.choice("diagnosis", Need::required, names::kDiagnosis.options());
  p.build = r.choice("build", Need::optional, model::names::kBuild.options());
  p.etiology = r.choice<Etiology>("etiology", Need::optional, etiology_words());

  yaml::MapReader labs = r.child("labs", Need::optional);
  p.labs = read_labs(labs);
  yaml::MapReader clinical = r.child("clinical", Need::optional);
  p.clinical = read_clinical(clinical);

  r.finish();

  if (!id || !sex || !age || !height || !weight || !hematocrit || !diagnosis) {
    // Every reader reports why it has no value; this only guards against a
    // required value going missing silently.
    if (!diags.has_errors()) {
      diags.error({file, 0, 0}, "", "internal error: a required value was not read");
    }
    return std::nullopt;
  }
  p.id = *id;
  p.sex = *sex;
  p.age = *age;
  p.height = *height;
  p.weight = *weight;
  p.hematocrit = *hematocrit;
  p.diagnosis = *diagnosis;
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
