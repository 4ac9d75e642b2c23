// The column table and the header reader.
#include "cohort/columns.hpp"

#include <algorithm>
#include <array>

#include "text/did_you_mean.hpp"
#include "units/parse.hpp"

namespace lb::cohort {

namespace {

using units::Dimension;
using K = ColumnKind;
using FK = patient::FieldKind;

ColumnSpec column_of(const patient::Field& f) {
  ColumnSpec c;
  c.name = f.leaf();
  c.field = &f;
  // The id is optional in a cohort (rows are numbered); every other required field is required.
  c.required = f.required && f.kind != FK::text;
  c.key = f.key;
  c.dimension = f.dimension;
  c.units_hint = patient::units_hint(f);
  switch (f.kind) {
    case FK::text: c.kind = K::text; break;
    case FK::quantity: c.kind = f.units.bare_fraction ? K::hematocrit : K::quantity; break;
    case FK::lab: c.kind = K::lab; break;
    case FK::number: c.kind = K::number; break;
    case FK::whole:
      c.kind = K::whole;
      c.min = f.min;
      c.max = f.max;
      break;
    case FK::boolean: c.kind = K::boolean; break;
    case FK::word:
      c.kind = K::word;
      c.words = f.words;
      break;
    case FK::list: break;  // not a column
  }
  if (c.kind == K::hematocrit) c.units_hint += ", or no unit for a fraction";
  return c;
}

const std::vector<ColumnSpec>& columns() {
  static const std::vector<ColumnSpec> kColumns = [] {
    std::vector<ColumnSpec> out;
    for (const auto& f : patient::field_catalogue()) {
      if (f.kind != FK::list) out.push_back(column_of(f));
    }
    return out;
  }();
  return kColumns;
}

std::vector<std::string> column_names() {
  std::vector<std::string> out;
  for (const auto& c : columns()) out.emplace_back(c.name);
  return out;
}

/// "a mass", "an amount concentration".
std::string with_article(std::string_view noun) {
  const bool vowel =
      !noun.empty() && std::string_view("aeiou").find(noun.front()) != std::string_view::npos;
  return (vowel ? "an " : "a ") + std::string(noun);
}

struct UnitRead {
  std::optional<units::ParsedQuantity> unit;
  std::string error;
};

/// The unit in brackets as the quantity parser reads it ("1 <unit>").
UnitRead read_unit(std::string_view unit) {
  auto parsed = units::parse_quantity("1 " + std::string(unit));
  if (!parsed) return {std::nullopt, parsed.error};
  return {*parsed.value, {}};
}

/// Fills the unit of a resolved column; returns "" or what was wrong.
std::string resolve_unit(Column& c, const std::optional<std::string_view>& unit) {
  const ColumnSpec& s = *c.spec;
  const std::string expected_units =
      s.units_hint.empty() ? std::string() : " (" + std::string(s.units_hint) + ")";
  switch (s.kind) {
    case K::text:
    case K::number:
    case K::whole:
    case K::boolean:
    case K::word:
      if (unit) {
        return "'" + std::string(s.name) + "' takes no unit; write the header as '" +
               std::string(s.name) + "'";
      }
      return "";
    case K::hematocrit:
      if (!unit) return "";  // a fraction (0.30)
      if (*unit != "%") {
        return "unit '" + std::string(*unit) + "': expected '" + std::string(s.name) +
               "[%]', or '" + std::string(s.name) + "' for a fraction such as 0.30";
      }
      c.si_per_unit = 0.01;
      c.unit = "%";
      return "";
    case K::quantity:
    case K::lab: break;
  }
  const std::string expected =
      s.kind == K::lab ? "expected a concentration" + expected_units
                       : "expected " + with_article(units::dimension_name(s.dimension)) + " in " +
                             std::string(units::dimension_examples(s.dimension));
  if (!unit || unit->empty()) {
    return "the header has no unit; write it as '" + std::string(s.name) + "[unit]', " + expected;
  }
  const UnitRead read = read_unit(*unit);
  if (!read.unit) {
    std::string why = read.error;
    if (const auto at = why.find("unknown unit"); at != std::string::npos) why = why.substr(at);
    return why + "; " + expected;
  }
  const units::ParsedQuantity& u = *read.unit;
  // The catalogue decides, as for the patient file: calcium in mEq/L is half a
  // mmol/L, mEq/L is refused for what is not an ion, age is in years or days.
  const patient::Accepted accepted = patient::accept(*s.field, u);
  switch (accepted.refusal) {
    case patient::Refusal::none: break;
    case patient::Refusal::meq_not_ion:
      return "mEq/L is not a unit for " + std::string(s.name) + " (it is not a simple ion); " +
             expected;
    case patient::Refusal::not_usual:
      return "'" + std::string(*unit) + "' is not a unit for " + std::string(s.name) +
             "; expected " + s.units_hint;
    case patient::Refusal::wrong_dimension:
    case patient::Refusal::no_unit:
      return "'" + std::string(*unit) + "' is " + with_article(units::dimension_name(u.dimension)) +
             (s.kind == K::lab ? " unit, not a concentration; " : " unit; ") + expected;
  }
  c.si_per_unit = accepted.value->si();
  c.unit = u.unit;
  c.lab_as_mass = s.kind == K::lab && u.dimension == Dimension::mass_concentration;
  return "";
}

/// The range in the header's unit, computed once, not per row.
void resolve_range(Column& c) { c.range = patient::range_in_unit(*c.spec->field, c.unit); }

}  // namespace

std::span<const ColumnSpec> column_specs() { return columns(); }

std::optional<Header> parse_header(std::span<const std::string_view> cells,
                                   std::vector<std::string>& errors) {
  const std::size_t errors_before = errors.size();
  Header header;
  std::vector<const ColumnSpec*> seen;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    std::string_view cell = cells[i];
    if (i == 0 && cell.substr(0, 3) == "\xEF\xBB\xBF") cell.remove_prefix(3);  // UTF-8 BOM
    const std::string where = "column " + std::to_string(i + 1) + " '" + std::string(cell) + "': ";
    std::string_view name = cell;
    std::optional<std::string_view> unit;
    if (const auto open = cell.find('['); open != std::string_view::npos) {
      if (cell.back() != ']') {
        errors.push_back(where + "expected 'name[unit]', e.g. 'bilirubin[mg/dL]'");
        continue;
      }
      name = cell.substr(0, open);
      unit = cell.substr(open + 1, cell.size() - open - 2);
      while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    }
    if (name.empty()) {
      errors.push_back(where + "the header cell has no column name");
      continue;
    }
    const auto& all = columns();
    const auto* spec = std::find_if(all.data(), all.data() + all.size(),
                                    [&](const ColumnSpec& s) { return s.name == name; });
    if (spec == all.data() + all.size()) {
      errors.push_back(where + "unknown column '" + std::string(name) + "'" +
                       text::did_you_mean_suffix(name, column_names()) +
                       "; the columns are listed in docs/cohort.md");
      continue;
    }
    if (std::find(seen.begin(), seen.end(), &*spec) != seen.end()) {
      errors.push_back(where + "'" + std::string(name) + "' appears twice");
      continue;
    }
    seen.push_back(&*spec);
    Column c;
    c.spec = &*spec;
    c.header = std::string(cell);
    if (const std::string problem = resolve_unit(c, unit); !problem.empty()) {
      errors.push_back(where + problem);
      continue;
    }
    resolve_range(c);
    header.columns.push_back(std::move(c));
  }
  for (const auto& spec : columns()) {
    if (spec.required && std::find(seen.begin(), seen.end(), &spec) == seen.end()) {
      errors.push_back("missing required column '" + std::string(spec.name) + "'" +
                       (spec.units_hint.empty()
                            ? std::string()
                            : " (with its unit: " + std::string(spec.units_hint) + ")"));
    }
  }
  if (errors.size() != errors_before) return std::nullopt;
  return header;
}

std::vector<std::string> documented_columns() {
  std::vector<std::string> out;
  for (const auto& c : columns()) {
    std::string line(c.name);
    if (!c.units_hint.empty()) line += "[" + std::string(c.units_hint) + "]";
    if (c.required) line += " (required)";
    out.push_back(std::move(line));
  }
  return out;
}

}  // namespace lb::cohort
