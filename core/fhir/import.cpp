#include "fhir/import.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>

#include "fhir/codes.hpp"
#include "patient/catalogue.hpp"
#include "patient/names.hpp"
#include "records/timestamp.hpp"
#include "text/format.hpp"
#include "text/utf8.hpp"
#include "units/parse.hpp"

namespace lb::fhir {

namespace {
using nlohmann::json;

/// The statuses whose value is a result (FHIR R4 observation-status).
bool usable_status(const std::string& s) {
  return s == "final" || s == "amended" || s == "corrected" || s == "preliminary";
}

/// One value read for a field.
struct Reading {
  std::string text;                ///< "4.2 mg/dL", "6.8"
  std::optional<std::int64_t> at;  ///< effective time, epoch seconds
  std::string pointer;
};

std::string number_text(double v) { return json(v).dump(); }

class Reader {
 public:
  explicit Reader(ImportResult& r) : out_(r) {}

  // Messages quote the Bundle's codes, units and statuses, which JSON escapes can fill with
  // control characters: escaped here, so no message can drive the terminal it is printed on.
  void error(const std::string& pointer, const std::string& message) {
    out_.problems.push_back({true, pointer, text::escaped(message)});
  }
  void note(const std::string& pointer, const std::string& message) {
    out_.problems.push_back({false, pointer, text::escaped(message)});
  }

  /// The string member `key` of `object`: "" when absent; another JSON type is an error at its
  /// pointer (nlohmann's value() would throw on it: a Bundle never ends the program).
  std::string text(const json& object, const char* key, const std::string& at) {
    if (!object.is_object() || !object.contains(key)) return "";
    const json& v = object[key];
    if (v.is_string()) return v.get<std::string>();
    error(at + "/" + key, std::string("expected a string, found ") + v.type_name());
    return "";
  }

  /// The reading of an Observation's valueQuantity for `field`, or nullopt (reported).
  std::optional<std::string> value_text(const patient::Field& field, const FieldCode& code,
                                        const json& q, const std::string& at) {
    if (!q.is_object() || !q.contains("value") || !q["value"].is_number()) {
      error(at, "no numeric valueQuantity.value");
      return std::nullopt;
    }
    const double v = q["value"].get<double>();
    if (q.contains("comparator")) {
      // "<10 µmol/L" is not 10: a censored result never becomes an exact number.
      error(at + "/comparator", "a censored value (" + text(q, "comparator", at) + " " +
                                    number_text(v) +
                                    "): LiverBridge takes measured values only; "
                                    "enter the value in the patient file if the team decides one");
      return std::nullopt;
    }
    const std::string system = text(q, "system", at);
    const std::string ucum =
        q.contains("code") && q["code"].is_string() ? q["code"].get<std::string>() : "";
    if (field.kind == patient::FieldKind::number) {
      // A plain number: its LOINC annotation ("{INR}", "[pH]"), UCUM "1" or no unit at all.
      if (!ucum.empty() && ucum != code.plain_unit && ucum != "1") {
        error(at + "/code", "unit '" + ucum + "' for " + std::string(field.label) + ": expected " +
                                std::string(code.plain_unit) + ", 1 or none (a plain number)");
        return std::nullopt;
      }
      return number_text(v);
    }
    if (ucum.empty()) {
      error(at, "no UCUM unit code for " + std::string(field.label) + " (expected " +
                    patient::units_hint(field) + " in UCUM)");
      return std::nullopt;
    }
    if (!system.empty() && system != kUcum) {
      error(at + "/system",
            "unit system '" + system + "' is not UCUM (" + std::string(kUcum) + ")");
      return std::nullopt;
    }
    const auto unit = liverbridge_unit_of(ucum);
    if (!unit) {
      error(at + "/code", "unknown UCUM unit '" + ucum + "' for " + std::string(field.label) +
                              " (the patient format takes " + patient::units_hint(field) + ")");
      return std::nullopt;
    }
    const std::string text = number_text(v) + " " + std::string(*unit);
    const auto parsed = units::parse_quantity(text, field.units.bare_fraction);
    const auto accepted = parsed ? patient::accept(field, *parsed.value) : patient::Accepted{};
    if (!parsed || !accepted.value) {
      error(at + "/code", "unit '" + ucum + "' is not accepted for " + std::string(field.label) +
                              " (the patient format takes " + patient::units_hint(field) + ")");
      return std::nullopt;
    }
    return text;
  }

  void observation(const json& o, const std::string& at) {
    const std::string status = text(o, "status", at);
    const FieldCode* code = nullptr;
    std::string codes;
    if (o.contains("code") && o["code"].contains("coding") && o["code"]["coding"].is_array()) {
      const auto& coding = o["code"]["coding"];
      for (std::size_t i = 0; i < coding.size(); ++i) {
        const auto& c = coding[i];
        if (!c.is_object()) continue;
        const std::string c_at = at + "/code/coding/" + std::to_string(i);
        const std::string system = text(c, "system", c_at);
        const std::string value = text(c, "code", c_at);
        codes += (codes.empty() ? "" : ", ") + system + "|" + value;
        if (system != kLoinc) continue;
        if (const FieldCode* row = code_of_loinc(value)) code = row;
      }
    }
    if (!code) {
      note(at + "/code",
           "no LOINC code LiverBridge reads (" + (codes.empty() ? "none" : codes) + "): left out");
      return;
    }
    if (!usable_status(status)) {
      note(at + "/status", "status '" + status + "' is not a result: left out");
      return;
    }
    const patient::Field* field = patient::find_field(code->field);
    if (!field) return;  // codes.hpp names catalogue keys (tests/unit/fhir checks)
    if (!o.contains("valueQuantity")) {
      error(at, std::string(field->label) + " (LOINC " + std::string(code->loinc) +
                    ") has no valueQuantity");
      return;
    }
    auto text = value_text(*field, *code, o["valueQuantity"], at + "/valueQuantity");
    if (!text) return;
    Reading r{*text, std::nullopt, at};
    if (o.contains("effectiveDateTime") && o["effectiveDateTime"].is_string()) {
      const auto t = records::parse_timestamp(o["effectiveDateTime"].get<std::string>());
      if (!t.value) {
        error(at + "/effectiveDateTime", "cannot read the time: " + t.error);
        return;
      }
      r.at = t.value->epoch_seconds;
    }
    readings_[std::string(field->key)].push_back(r);
  }

  /// The value of each field: the one reading, else the latest dated one; two undated
  /// readings (or two at the same latest time) with different values are an error.
  std::map<std::string, std::string> chosen() {
    std::map<std::string, std::string> out;
    for (const auto& [key, list] : readings_) {
      const Reading* best = &list.front();
      bool tie = false;
      for (const auto& r : list) {
        if (&r == best) continue;
        if (r.at && (!best->at || *r.at > *best->at)) {
          best = &r;
          tie = false;
        } else if (r.at == best->at && r.text != best->text) {
          tie = true;
        }
      }
      if (tie) {
        error(best->pointer,
              "several values for " + key + " without a later draw time to choose between them");
        continue;
      }
      out[key] = best->text;
      const patient::Field* field = patient::find_field(key);
      if (field != nullptr && field->section() == patient::Section::labs) {
        lab_times_.push_back(best->at);
      }
    }
    return out;
  }

  /// When every chosen lab carries one and the same draw time: that time (the patient file's
  /// bridge.labs_drawn_at). Labs drawn at different times are noted: the file holds the
  /// latest of each, and no single draw time can be stated for them.
  std::optional<std::int64_t> common_lab_time() {
    if (lab_times_.empty() || !lab_times_.front()) return std::nullopt;
    const auto [lo, hi] = std::minmax_element(lab_times_.begin(), lab_times_.end());
    if (*lo == *hi) return *lab_times_.front();
    if (*lo) {
      note("/entry", "the labs were drawn at different times (" +
                         records::timestamp_from_epoch(**lo).utc + " to " +
                         records::timestamp_from_epoch(**hi).utc +
                         "): the file holds the latest value of each and states no draw time");
    }
    return std::nullopt;
  }

 private:
  ImportResult& out_;
  std::map<std::string, std::vector<Reading>> readings_;
  std::vector<std::optional<std::int64_t>> lab_times_;  ///< of the chosen lab readings
};

/// A Condition coded in LiverBridge's diagnosis system (its own export) gives the patient
/// file's diagnosis; any other Condition is left out with a note (a hospital's codes are not
/// mapped onto the diagnosis groups: nothing is guessed).
void read_diagnosis(Reader& reader, const json& condition, const std::string& at,
                    std::string& diagnosis) {
  const json* coding = nullptr;
  if (condition.contains("code") && condition["code"].is_object() &&
      condition["code"].contains("coding") && condition["code"]["coding"].is_array()) {
    const auto& codings = condition["code"]["coding"];
    for (std::size_t i = 0; i < codings.size(); ++i) {
      const std::string c_at = at + "/code/coding/" + std::to_string(i);
      if (reader.text(codings[i], "system", c_at) == kDiagnosisSystem) coding = &codings[i];
    }
  }
  if (coding == nullptr) {
    reader.note(at + "/code", "a Condition not coded in " + std::string(kDiagnosisSystem) +
                                  ": left out (write diagnosis: in the patient file)");
    return;
  }
  const std::string code = reader.text(*coding, "code", at + "/code");
  if (!patient::names::kDiagnosis.parse(code)) {
    reader.error(at + "/code", "diagnosis code '" + code + "': expected one of " +
                                   text::join(patient::names::kDiagnosis.names()));
    return;
  }
  if (!diagnosis.empty() && diagnosis != code) {
    reader.error(at + "/code", "a second diagnosis '" + code + "' after '" + diagnosis +
                                   "': the patient file has one");
    return;
  }
  diagnosis = code;
}

std::string yaml_file(const std::map<std::string, std::string>& values, const std::string& id,
                      const std::string& sex, std::optional<std::int64_t> labs_drawn_at) {
  std::string top, labs, clinical;
  if (!id.empty()) top += "id: " + json(id).dump() + "\n";  // a JSON string is a YAML scalar
  if (!sex.empty()) top += "sex: " + sex + "\n";
  for (const auto& f : patient::field_catalogue()) {
    const auto it = values.find(std::string(f.key));
    if (it == values.end()) continue;
    const std::string line = std::string(f.leaf()) + ": " + it->second + "\n";
    switch (f.section()) {
      case patient::Section::labs: labs += "  " + line; break;
      case patient::Section::clinical: clinical += "  " + line; break;
      case patient::Section::patient: top += line; break;
    }
  }
  std::string out =
      "# LiverBridge patient file (format: examples/README.md), imported from a FHIR R4 "
      "Bundle.\n" +
      top;
  if (!labs.empty()) out += "\nlabs:\n" + labs;
  if (!clinical.empty()) out += "\nclinical:\n" + clinical;
  if (labs_drawn_at) {
    // The bridge view places these values in time (docs/bridge-rules.md).
    out +=
        "\nbridge:\n  labs_drawn_at: " + records::timestamp_from_epoch(*labs_drawn_at).utc + "\n";
  }
  return out;
}

}  // namespace

bool ImportResult::has_errors() const {
  for (const auto& p : problems) {
    if (p.error) return true;
  }
  return false;
}

std::string format_problem(const std::string& file, const ImportProblem& p) {
  return file + ": " + (p.pointer.empty() ? "/" : p.pointer) + ": " +
         (p.error ? "error: " : "note: ") + p.message;
}

namespace {

ImportResult read_bundle(std::string_view json_text, std::string_view patient_id) {
  ImportResult result;
  Reader reader(result);
  const json bundle = json::parse(json_text, nullptr, false);
  if (bundle.is_discarded() || !bundle.is_object()) {
    reader.error("", "not JSON (a FHIR R4 Bundle in JSON is expected)");
    return result;
  }
  if (reader.text(bundle, "resourceType", "") != "Bundle") {
    reader.error("/resourceType", "expected \"Bundle\"");
    return result;
  }
  if (!bundle.contains("entry") || !bundle["entry"].is_array()) {
    reader.error("/entry", "the Bundle has no entries");
    return result;
  }
  std::string id(patient_id), sex, diagnosis;
  const auto& entries = bundle["entry"];
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const std::string at = "/entry/" + std::to_string(i) + "/resource";
    const auto& e = entries[i];
    if (!e.is_object() || !e.contains("resource") || !e["resource"].is_object()) continue;
    const json& r = e["resource"];
    const std::string type = reader.text(r, "resourceType", at);
    if (type == "Observation") {
      reader.observation(r, at);
    } else if (type == "Condition") {
      read_diagnosis(reader, r, at, diagnosis);
    } else if (type == "Patient") {
      if (r.contains("identifier") && r["identifier"].is_array() && patient_id.empty()) {
        for (const auto& ident : r["identifier"]) {
          if (reader.text(ident, "system", at + "/identifier") == kPatientIdSystem) {
            id = reader.text(ident, "value", at + "/identifier");
          }
        }
      }
      const std::string gender = reader.text(r, "gender", at);
      if (gender == "male" || gender == "female") {
        sex = gender;
      } else if (!gender.empty()) {
        reader.error(at + "/gender", "gender '" + gender +
                                         "': LiverBridge's formulas need male or female; "
                                         "write sex: in the patient file");
      }
    }
  }
  if (const auto problem = text::one_line_problem(id); !problem.empty()) {
    reader.error("/entry", "the patient id " + problem + ": give another with --id");
  }
  auto values = reader.chosen();
  if (!diagnosis.empty()) values["diagnosis"] = diagnosis;
  if (result.has_errors()) return result;
  result.yaml = yaml_file(values, id, sex, reader.common_lab_time());
  for (const auto& f : patient::field_catalogue()) {
    if (!f.required) continue;
    const bool given = (f.key == "id" && !id.empty()) || (f.key == "sex" && !sex.empty()) ||
                       values.count(std::string(f.key)) > 0;
    if (!given) result.missing.emplace_back(f.key);
  }
  return result;
}

}  // namespace

ImportResult import_bundle(std::string_view json_text, std::string_view patient_id) {
  // Every member is type-checked where it is read; this only keeps a case nobody thought of
  // from ending the program.
  try {
    return read_bundle(json_text, patient_id);
  } catch (const nlohmann::json::exception& e) {
    ImportResult r;
    r.problems.push_back(
        {true, "", text::escaped(std::string("cannot read the Bundle: ") + e.what())});
    return r;
  }
}

}  // namespace lb::fhir
