// The patient field catalogue against every projection of it: the patient
// file, the eligibility registry, the cohort CSV columns, the session-record
// analytes, the plausibility table and the window's form. Each projection
// must have exactly the catalogue's fields, and every unit the parser knows
// must be accepted or refused alike by each reader, with the same SI value.
// (In the gui area because only its executable links both core and the form.)
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>

#include "cohort/columns.hpp"
#include "cohort/csv.hpp"
#include "gui/patient_form.hpp"
#include "patient/catalogue.hpp"
#include "patient/eligibility_fields.hpp"
#include "patient/patient_loader.hpp"
#include "protocol/protocol_loader.hpp"
#include "records/analytes.hpp"
#include "units/parse.hpp"

namespace lb {
namespace {

using patient::Field;
using patient::FieldKind;

const std::string kTop =
    "id: T-1\nsex: male\nage: 50 years\nheight: 175 cm\nweight: 70 kg\nhematocrit: 30 %\n"
    "diagnosis: aclf\n";

/// A patient file with `key: value` in its section (replacing a top-level key).
std::string patient_text(const Field& f, const std::string& value) {
  const std::string leaf(f.leaf());
  switch (f.section()) {
    case patient::Section::patient: {
      std::string out;
      std::string rest = kTop;
      bool replaced = false;
      for (std::size_t at = 0; at < rest.size();) {
        const auto end = rest.find('\n', at);
        const std::string line = rest.substr(at, end - at);
        if (line.rfind(leaf + ":", 0) == 0) {
          out += leaf + ": " + value + "\n";
          replaced = true;
        } else {
          out += line + "\n";
        }
        at = end + 1;
      }
      if (!replaced) out += leaf + ": " + value + "\n";
      return out;
    }
    case patient::Section::labs: return kTop + "labs:\n  " + leaf + ": " + value + "\n";
    case patient::Section::clinical: return kTop + "clinical:\n  " + leaf + ": " + value + "\n";
  }
  return kTop;
}

/// A value each kind reads, for the "every reader has every field" check.
std::string sample(const Field& f) {
  switch (f.kind) {
    case FieldKind::text: return "P-7";
    case FieldKind::number:
      return patient::plain_number((f.range->hard_min + f.range->hard_max) / 2);
    case FieldKind::whole: return std::to_string(f.max);
    case FieldKind::boolean: return "true";
    case FieldKind::word: return std::string(f.words.back());
    case FieldKind::list: return "[latex]";
    case FieldKind::quantity:
    case FieldKind::lab: {
      const auto& r = *f.range;
      const double mid = r.soft_min && r.soft_max ? (*r.soft_min + *r.soft_max) / 2
                         : r.soft_max             ? *r.soft_max / 2
                                                  : (r.hard_min + r.hard_max) / 2;
      return patient::plain_number(mid) + (r.unit.empty() ? "" : " " + std::string(r.unit));
    }
  }
  return "";
}

/// The patient-file verdict on `text` for the field: the value read, or nullopt
/// when a diagnostic at the key refuses its unit (a plausibility finding is not
/// a refusal of the unit).
struct FileVerdict {
  bool unit_accepted = false;
  std::optional<patient::FieldValue> value;
};
FileVerdict read_in_file(const Field& f, const std::string& text) {
  const auto load = patient::parse_patient(patient_text(f, text), "t.yaml");
  FileVerdict v{true, {}};
  for (const auto& d : load.diagnostics.items()) {
    if (d.severity != diag::Severity::error) continue;
    const bool range = d.message.find("implausible") != std::string::npos ||
                       d.message.find("negative") != std::string::npos;
    if (d.key == f.key && !range) v.unit_accepted = false;
  }
  if (load.patient) v.value = f.get(*load.patient);
  return v;
}

std::optional<double> si_of(const patient::FieldValue& v, units::Dimension entered) {
  if (v.quantity) return v.quantity->si();
  if (!v.lab) return std::nullopt;
  return entered == units::Dimension::mass_concentration
             ? units::AnyQuantity::of(v.lab->mass()).si()
             : units::AnyQuantity::of(v.lab->amount()).si();
}

/// The cohort header's verdict on `unit` for the field's column: SI per unit.
std::optional<double> cohort_si_per_unit(const Field& f, std::string_view unit) {
  const std::string line = "sex,age[years],height[cm],weight[kg],hematocrit[%],diagnosis," +
                           std::string(f.leaf()) + "[" + std::string(unit) + "]";
  std::vector<std::string_view> cells;
  std::string scratch, error;
  REQUIRE(cohort::csv::split(line, cells, scratch, error));
  std::vector<std::string> errors;
  // Required columns appear twice when the field is one of them; skip those.
  const auto header = cohort::parse_header(cells, errors);
  if (!header) return std::nullopt;
  return header->columns.back().si_per_unit;
}

/// The eligibility loader's verdict on a bound "1 <unit>": the bound in SI.
std::optional<double> eligibility_bound(const Field& f, std::string_view unit) {
  const std::string text =
      "schema_version: 1\nid: t\nversion: \"1\"\ntitle: T\nsources:\n  - id: s\n"
      "    citation: \"S.\"\nindications: [aclf]\nexchange:\n  rule: plasma_volumes\n"
      "  amount: 1\n  source: s\neligibility:\n  rules:\n    - id: r\n"
      "      kind: contraindication\n      severity: absolute\n      when: {field: " +
      std::string(f.key) + ", at_least: \"1 " + std::string(unit) +
      "\"}\n      message: m\n      source: s\n";
  const auto load = protocol::parse_protocol(text, "t.yaml");
  for (const auto& d : load.diagnostics.items()) {
    if (d.message.find("impossible bound") != std::string::npos) return -1.0;  // unit taken
  }
  if (!load.protocol || load.protocol->eligibility.rules.empty()) return std::nullopt;
  return load.protocol->eligibility.rules.front().when.lo.si();
}

bool required_column(const Field& f) { return f.required && f.kind != FieldKind::text; }

TEST_SUITE("gui") {
  TEST_CASE("every projection has exactly the catalogue's fields") {
    std::set<std::string_view> keys;
    for (const Field& f : patient::field_catalogue()) {
      INFO(f.key);
      CHECK(keys.insert(f.key).second);  // one row per key
      // The window's form: same label, meaning and units (the default first).
      const gui::FieldSpec* form = gui::find_field(f.key);
      REQUIRE(form != nullptr);
      CHECK(form->label == f.label);
      CHECK(form->meaning == f.meaning);
      for (const auto u : f.units.usual) {
        CHECK(std::find(form->units.begin(), form->units.end(), u) != form->units.end());
      }
      // Eligibility: every field with a comparable value.
      const bool rule_field = f.kind != FieldKind::text && f.kind != FieldKind::list;
      CHECK((eligibility::find_field(f.key) == &f) == rule_field);
      // Cohort: every field but the list.
      const auto cols = cohort::column_specs();
      const auto col = std::find_if(cols.begin(), cols.end(),
                                    [&](const cohort::ColumnSpec& c) { return c.field == &f; });
      CHECK((col != cols.end()) == (f.kind != FieldKind::list));
      if (col != cols.end()) CHECK(col->name == f.leaf());
      // Session records: every lab, under the analyte's one name.
      const auto* analyte = records::find_analyte(f.leaf());
      CHECK((analyte != nullptr && analyte->field == &f) ==
            (f.section() == patient::Section::labs));
      if (f.section() == patient::Section::labs) {
        REQUIRE(f.analyte.has_value());
        CHECK(units::analyte_name(*f.analyte) == f.leaf());
        CHECK(patient::field_of(*f.analyte) == &f);
      }
      // Plausibility: the range is the row's.
      const auto* range = patient::find_range(f.key);
      CHECK((range != nullptr) == f.range.has_value());
      if (range != nullptr) {
        CHECK(range->unit == f.range->unit);
        CHECK(range->hard_min == f.range->hard_min);
        CHECK(range->hard_max == f.range->hard_max);
      }
      // Labels for printed pages.
      CHECK(patient::field_label(f.key) == f.label);
      // The patient file reads it, and the accessor returns what was read.
      const auto read = read_in_file(f, sample(f));
      CHECK(read.unit_accepted);
      CHECK(read.value.has_value());
    }
    CHECK(gui::patient_fields().size() == patient::field_catalogue().size());
    CHECK(cohort::column_specs().size() + 1 == patient::field_catalogue().size());
    CHECK(eligibility::field_registry().size() + 2 == patient::field_catalogue().size());
    for (const auto& a : records::analytes()) CHECK(a.field->section() == patient::Section::labs);
  }

  TEST_CASE("every reader accepts the same units for a field and reads the same SI value") {
    const auto spellings = units::unit_spellings();
    for (const Field& f : patient::field_catalogue()) {
      if (f.kind != FieldKind::quantity && f.kind != FieldKind::lab) continue;
      for (const auto unit : spellings) {
        const std::string one = "1 " + std::string(unit);
        INFO(f.key << " in " << unit);
        const auto parsed = units::parse_quantity(one);
        REQUIRE(parsed);
        const patient::Accepted decision = patient::accept(f, *parsed.value);
        const bool accepted = decision.value.has_value();
        // The patient file.
        const auto file = read_in_file(f, one);
        CHECK(file.unit_accepted == accepted);
        if (accepted && file.value) {
          const auto si = si_of(*file.value, decision.value->dimension());
          REQUIRE(si);
          CHECK(*si == doctest::Approx(decision.value->si()));
        }
        // The cohort CSV header (a required column cannot be given twice).
        if (!required_column(f)) {
          const auto per_unit = cohort_si_per_unit(f, unit);
          CHECK(per_unit.has_value() == accepted);
          if (per_unit && accepted) CHECK(*per_unit == doctest::Approx(decision.value->si()));
        }
        // A session record.
        if (const auto* a = records::find_analyte(f.leaf())) {
          std::string error;
          const auto q = records::parse_lab_value(*a, one, error);
          CHECK(q.has_value() == accepted);
          if (q && accepted) CHECK(q->quantity().si() == doctest::Approx(decision.value->si()));
        }
        // An eligibility bound.
        const auto bound = eligibility_bound(f, unit);
        CHECK(bound.has_value() == accepted);
        if (bound && *bound >= 0 && accepted) {
          CHECK(*bound == doctest::Approx(decision.value->si()));
        }
      }
      // The form offers only units the field accepts.
      for (const auto unit : gui::find_field(f.key)->units) {
        if (unit == gui::kBareFraction) {
          CHECK(f.units.bare_fraction);
          continue;
        }
        const auto parsed = units::parse_quantity("1 " + std::string(unit));
        REQUIRE(parsed);
        CHECK(patient::accept(f, *parsed.value).value.has_value());
      }
    }
  }

  TEST_CASE("ionised calcium in mEq/L is half a mmol/L in every reader") {
    const Field& f = *patient::find_field("labs.ionized_calcium");
    const auto* a = records::find_analyte("ionized_calcium");
    REQUIRE(a != nullptr);
    std::string error;
    const auto q = records::parse_lab_value(*a, "2.4 mEq/L", error);
    REQUIRE(q.has_value());
    CHECK(units::in_mmol_per_l(q->quantity().get<units::AmountConcentration>()) ==
          doctest::Approx(1.2));
    CHECK(cohort_si_per_unit(f, "mEq/L") == doctest::Approx(0.5));
    const auto file = read_in_file(f, "2.4 mEq/L");
    REQUIRE(file.value);
    CHECK(units::in_mmol_per_l(file.value->lab->amount()) == doctest::Approx(1.2));
    // ... and refused for an analyte that is not an ion.
    CHECK_FALSE(records::parse_lab_value(*records::find_analyte("bilirubin"), "2 mEq/L", error));
    CHECK(error.find("not a unit for bilirubin") != std::string::npos);
  }

  TEST_CASE("each accessor stores and returns the value of its own field") {
    for (const Field& f : patient::field_catalogue()) {
      INFO(f.key);
      const auto read = read_in_file(f, sample(f));
      REQUIRE(read.value);
      patient::Patient blank;
      f.set(blank, *read.value);
      const auto back = f.get(blank);
      REQUIRE(back.has_value());
      CHECK(back->word == read.value->word);
      CHECK(back->flag == read.value->flag);
      CHECK(back->whole == read.value->whole);
      CHECK(back->text == read.value->text);
      CHECK(back->list == read.value->list);
      CHECK(back->quantity.has_value() == read.value->quantity.has_value());
      if (back->quantity) CHECK(back->quantity->si() == read.value->quantity->si());
      if (f.kind == FieldKind::word) {
        // The word index is the enum's value: the last word round-trips as itself.
        CHECK(f.words[back->word] == sample(f));
      }
    }
  }
}

}  // namespace
}  // namespace lb
