#include "patient/field_reader.hpp"

#include <cctype>

#include "text/format.hpp"

namespace lb::patient {

namespace {

using yaml::Need;

bool mentions_unit_problem(const std::string& error) {
  return error.find("has no unit") != std::string::npos ||
         error.find("unknown unit") != std::string::npos;
}

std::string lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

/// "an age", "a weight".
std::string with_article(std::string_view noun) {
  const bool vowel =
      !noun.empty() && std::string_view("aeiou").find(noun.front()) != std::string_view::npos;
  return (vowel ? "an " : "a ") + std::string(noun);
}

/// Reports the finding for `number`, written in `unit` ("" for a bare number), against the
/// field's range expressed in that unit (if any). Returns false when the value is an error.
bool check_plausible(yaml::MapReader& r, const Field& f, double number, std::string_view unit,
                     std::string_view written) {
  const auto range = range_in_unit(f, unit);
  if (!range) return true;
  const auto finding = assess(*range, number, written);
  if (!finding) return true;
  const std::string key(f.leaf());
  if (finding->severity == diag::Severity::error) {
    r.error_at(key, finding->message);
    return false;
  }
  r.warning_at(key, finding->message);
  return true;
}

/// Wording of a refused unit, as the patient file's messages have it.
std::string refusal_text(const Field& f, Refusal why, const units::ParsedQuantity& q,
                         const std::string& written) {
  const std::string key(f.leaf());
  const std::string expected = "expected " + key + " in " + units_hint(f);
  switch (why) {
    case Refusal::meq_not_ion:
      return "mEq/L is not a unit for " + key + " (it is not a simple ion); " + expected;
    case Refusal::not_usual:
      return "'" + written + "' is not " + with_article(lowered(f.label)) + "; write it in " +
             units_hint(f);
    case Refusal::wrong_dimension:
      return "'" + written + "' is a " + std::string(units::dimension_name(q.dimension)) +
             ", not a concentration; " + expected;
    case Refusal::no_unit:
    case Refusal::none: break;
  }
  return "'" + written + "' has no unit; " + expected;
}

/// A quantity or lab: "<number> <unit>" in one of the field's units.
std::optional<FieldValue> read_measured(yaml::MapReader& r, const Field& f, Need need) {
  const std::string key(f.leaf());
  const auto text = r.text(key, need);
  if (!text) return std::nullopt;
  const std::string written = text::trimmed(*text);
  // Quantities keep the parser's wording ("expected a mass in kg, g, lb"); labs
  // take either unit system, so they name their usual units.
  auto parsed = f.kind == FieldKind::lab
                    ? units::parse_quantity(*text)
                    : units::parse_quantity_of(*text, f.dimension, f.units.bare_fraction);
  if (!parsed) {
    const bool hint = f.kind == FieldKind::lab && mentions_unit_problem(parsed.error);
    r.error_at(key, parsed.error + (hint ? "; expected " + key + " in " + units_hint(f) : ""));
    return std::nullopt;
  }
  const units::ParsedQuantity& q = *parsed.value;
  const Accepted accepted = accept(f, q);
  if (!accepted.value) {
    r.error_at(key, refusal_text(f, accepted.refusal, q, written));
    return std::nullopt;
  }
  if (f.units.bare_fraction && q.unit.empty() && q.si_value > 1.0) {
    // A bare number above 1 is a percentage written without its sign; reading
    // it either way would be a guess.
    r.error_at(key, "'" + written +
                        "' is a bare number greater than 1, so it is not a fraction; write '" +
                        written + " %' for a percentage (or a fraction from 0.10 to 0.70)");
    return std::nullopt;
  }
  // The number as written: the parser's SI value over one of its unit (mEq/L reads as
  // mmol/L there, for calcium too, so the written number comes back either way).
  const double number = q.si_value / written_scale(q).si_per_unit;
  if (!check_plausible(r, f, number, q.unit, written)) return std::nullopt;
  return measured_value(f, *accepted.value);
}

std::optional<FieldValue> read_number(yaml::MapReader& r, const Field& f, Need need) {
  const auto n = r.number(std::string(f.leaf()), need);
  if (!n) return std::nullopt;
  FieldValue value;
  value.quantity = units::AnyQuantity::of(units::fraction(*n));
  if (!check_plausible(r, f, *n, "", plain_number(*n))) return std::nullopt;
  return value;
}

std::optional<FieldValue> read_word(yaml::MapReader& r, const Field& f, Need need) {
  std::vector<std::pair<std::string, std::size_t>> options;
  for (std::size_t i = 0; i < f.words.size(); ++i) options.emplace_back(f.words[i], i);
  const auto index = r.choice<std::size_t>(std::string(f.leaf()), need, options);
  if (!index) return std::nullopt;
  FieldValue value;
  value.word = *index;
  return value;
}

}  // namespace

UnitScale written_scale(const units::ParsedQuantity& q) {
  if (q.unit.empty()) return {};
  return unit_scale(q.unit);
}

std::optional<FieldValue> read_field(yaml::MapReader& r, const Field& f) {
  const std::string key(f.leaf());
  const Need need = f.required ? Need::required : Need::optional;
  FieldValue value;
  switch (f.kind) {
    case FieldKind::quantity:
    case FieldKind::lab: return read_measured(r, f, need);
    case FieldKind::number: return read_number(r, f, need);
    case FieldKind::word: return read_word(r, f, need);
    case FieldKind::text: {
      auto t = r.text(key, need);
      if (!t) return std::nullopt;
      value.text = *t;
      return value;
    }
    case FieldKind::whole: {
      const auto i = r.integer(key, need, f.min, f.max);
      if (!i) return std::nullopt;
      value.whole = *i;
      value.quantity = units::AnyQuantity::of(units::fraction(*i));
      return value;
    }
    case FieldKind::boolean: {
      const auto b = r.boolean(key, need);
      if (!b) return std::nullopt;
      value.flag = *b;
      return value;
    }
    case FieldKind::list: {
      auto words = r.text_list(key, need);
      if (!words) return std::nullopt;
      value.list = std::move(*words);
      return value;
    }
  }
  return std::nullopt;
}

bool read_section(yaml::MapReader& r, Section section, Patient& p) {
  if (!r.valid()) return false;
  bool complete = true;
  for (const Field& f : field_catalogue()) {
    // The id and the allergies have their own readers (patient_loader.cpp,
    // clinical_reader.cpp), which check more than the kind can say.
    if (f.section() != section || f.kind == FieldKind::text || f.kind == FieldKind::list) continue;
    if (const auto v = read_field(r, f)) {
      f.set(p, *v);
    } else if (f.required) {
      complete = false;
    }
  }
  return complete;
}

}  // namespace lb::patient
