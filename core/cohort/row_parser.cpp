#include "cohort/row_parser.hpp"

#include <charconv>
#include <cmath>

#include "text/did_you_mean.hpp"
#include "text/format.hpp"
#include "units/quantities.hpp"

namespace lb::cohort {

namespace {

using patient::Patient;

std::string where(const Column& c) { return "column '" + c.header + "': "; }

/// A finite decimal number, no locale, no thousands separators.
bool read_number(std::string_view s, double& out) {
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  if (s.empty()) return false;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && ptr == s.data() + s.size() && std::isfinite(out);
}

std::string not_a_number(const Column& c, std::string_view cell) {
  std::string msg = where(c) + "'" + std::string(cell) + "' is not a number";
  if (cell.find(',') != std::string_view::npos) {
    msg += "; write decimals with a point (e.g. 1.5) and no thousands separators";
  }
  return msg;
}

/// The hard plausibility check of the patient loader on the number as the cell has it, in
/// the header's unit; `si` is the value after the unit conversion. Returns "" or the
/// loader's wording of the error.
std::string implausible(const Column& c, double number, double si, std::string_view cell) {
  // A finite cell can overflow in the unit conversion; it is refused before the range,
  // with or without one.
  if (!std::isfinite(si)) {
    return where(c) + "'" + std::string(cell) + "' is out of range (too large in this unit)";
  }
  if (!c.range) return "";
  const std::string written = std::string(cell) + (c.unit.empty() ? "" : " " + c.unit);
  const auto finding = patient::assess(*c.range, number, written);
  if (!finding || finding->severity != diag::Severity::error) return "";
  return where(c) + finding->message;
}

bool read_word(const Column& c, std::string_view cell, std::size_t& index, std::string& error) {
  const auto& words = c.spec->words;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i] == cell) {
      index = i;
      return true;
    }
  }
  std::vector<std::string> choices(words.begin(), words.end());
  error = where(c) + "'" + std::string(cell) + "' is not one of " + text::join(choices) +
          text::did_you_mean_suffix(cell, choices);
  return false;
}

void reset(Patient& p) {
  p.id.clear();
  p.sex = model::Sex::male;
  p.age = units::Duration{};
  p.height = units::Length{};
  p.weight = units::Mass{};
  p.hematocrit = units::Fraction{};
  p.diagnosis = patient::Diagnosis::other;
  p.build.reset();
  p.etiology.reset();
  p.labs = patient::Labs{};
  p.clinical = patient::Clinical{};
}

/// Stores a value through the column's catalogue row.
void store(const Column& c, Patient& p, const patient::FieldValue& v) { c.spec->field->set(p, v); }

/// A quantity, lab, plain number or hematocrit (`si` already in SI, in the
/// header unit's dimension).
void store_measured(const Column& c, Patient& p, double si, units::Dimension d) {
  store(c, p, patient::measured_value(*c.spec->field, units::AnyQuantity::from_si(si, d)));
}

bool read_cell(const Column& c, std::string_view cell, Patient& p, std::string& error) {
  const ColumnSpec& s = *c.spec;
  switch (s.kind) {
    case ColumnKind::text: {
      for (const char ch : cell) {
        if (static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f) {
          error = where(c) + "contains a line break or control character; expected one line";
          return false;
        }
      }
      if (cell.size() > 64) {
        error = where(c) + "is " + std::to_string(cell.size()) +
                " characters long; expected at most 64 (a pseudonymous code, not a name)";
        return false;
      }
      p.id.assign(cell);
      return true;
    }
    case ColumnKind::quantity:
    case ColumnKind::number:
    case ColumnKind::hematocrit: {
      double v = 0.0;
      if (!read_number(cell, v)) {
        error = not_a_number(c, cell);
        return false;
      }
      if (s.kind == ColumnKind::hematocrit && c.si_per_unit == 1.0 && v > 1.0) {
        error = where(c) + "'" + std::string(cell) +
                "' is greater than 1, so it is not a fraction; name the column '" +
                std::string(s.name) + "[%]' for percentages (or give fractions from 0.10 to 0.70)";
        return false;
      }
      const double si = v * c.si_per_unit;
      const units::Dimension d =
          s.kind == ColumnKind::quantity ? s.dimension : units::Dimension::fraction;
      if (std::string e = implausible(c, v, si, cell); !e.empty()) {
        error = std::move(e);
        return false;
      }
      store_measured(c, p, si, d);
      return true;
    }
    case ColumnKind::lab: {
      double v = 0.0;
      if (!read_number(cell, v)) {
        error = not_a_number(c, cell);
        return false;
      }
      const units::Dimension written = c.lab_as_mass ? units::Dimension::mass_concentration
                                                     : units::Dimension::amount_concentration;
      const double si = v * c.si_per_unit;
      if (std::string e = implausible(c, v, si, cell); !e.empty()) {
        error = std::move(e);
        return false;
      }
      store(c, p, patient::measured_value(*s.field, units::AnyQuantity::from_si(si, written)));
      return true;
    }
    case ColumnKind::whole: {
      int v = 0;
      const auto [ptr, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), v);
      if (ec != std::errc() || ptr != cell.data() + cell.size() || v < s.min || v > s.max) {
        error = where(c) + "'" + std::string(cell) + "' is not a whole number from " +
                std::to_string(s.min) + " to " + std::to_string(s.max);
        return false;
      }
      patient::FieldValue value;
      value.whole = v;
      value.quantity = units::AnyQuantity::of(units::fraction(v));
      store(c, p, value);
      return true;
    }
    case ColumnKind::boolean: {
      if (cell != "true" && cell != "false") {
        error = where(c) + "'" + std::string(cell) + "' is not true or false";
        return false;
      }
      patient::FieldValue value;
      value.flag = cell == "true";
      store(c, p, value);
      return true;
    }
    case ColumnKind::word: {
      std::size_t i = 0;
      if (!read_word(c, cell, i, error)) return false;
      patient::FieldValue value;
      value.word = i;
      store(c, p, value);
      return true;
    }
  }
  return false;
}

}  // namespace

bool parse_row(const Header& header, std::span<const std::string_view> cells,
               patient::Patient& patient, std::string& error) {
  if (cells.size() != header.columns.size()) {
    error = "has " + std::to_string(cells.size()) + " field" + (cells.size() == 1 ? "" : "s") +
            ", the header has " + std::to_string(header.columns.size());
    return false;
  }
  reset(patient);
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const Column& c = header.columns[i];
    if (cells[i].empty()) {
      if (c.spec->required) {
        error = where(c) + "empty; a value is required";
        return false;
      }
      continue;  // missing, never "normal"
    }
    if (!read_cell(c, cells[i], patient, error)) return false;
  }
  // As the patient loader: a running infusion contradicts "no vasopressors";
  // which of the two is wrong cannot be guessed.
  const auto& k = patient.clinical;
  if (k.norepinephrine_dose && k.vasopressors.has_value() && !*k.vasopressors &&
      units::above(*k.norepinephrine_dose, units::ug_per_kg_per_min(0))) {
    error = "column 'norepinephrine_dose': a dose of " +
            patient::plain_number(units::in_ug_per_kg_per_min(*k.norepinephrine_dose)) +
            " \u00b5g/kg/min contradicts vasopressors = false; correct one of them";
    return false;
  }
  return true;
}

}  // namespace lb::cohort
