#include "gui/patient_form.hpp"

#include <algorithm>
#include <deque>
#include <sstream>

#include "patient/catalogue.hpp"
#include "text/format.hpp"
#include "yaml/guarded_load.hpp"

namespace lb::gui {

namespace {

using K = FieldKind;
using PK = patient::FieldKind;
using V = std::vector<std::string_view>;

const V kBool = {"true", "false"};

/// "0", "1", ... "n" for a whole-number field (kept for the program's lifetime).
V whole_choices(int min, int max) {
  static std::deque<std::string> storage;
  V out;
  for (int i = min; i <= max; ++i) out.emplace_back(storage.emplace_back(std::to_string(i)));
  return out;
}

/// The form's row for a catalogue field: the catalogue's label, meaning, kind,
/// units (the default first) and words.
FieldSpec form_field(const patient::Field& f) {
  FieldSpec out{f.key, f.label, f.meaning, K::text, f.required, {}, {}};
  switch (f.kind) {
    case PK::text: out.kind = K::text; break;
    case PK::quantity:
    case PK::lab:
      out.kind = K::quantity;
      out.units.assign(f.units.usual.begin(), f.units.usual.end());
      if (f.units.bare_fraction) out.units.push_back(kBareFraction);
      break;
    case PK::number: out.kind = K::number; break;
    case PK::whole:
      out.kind = K::choice;
      out.choices = whole_choices(f.min, f.max);
      break;
    case PK::boolean:
      out.kind = K::boolean;
      out.choices = kBool;
      break;
    case PK::word:
      out.kind = K::choice;
      out.choices.assign(f.words.begin(), f.words.end());
      break;
    case PK::list:
      out.kind = K::list;
      out.units = {kAllergiesUnknown, kAllergiesNone, kAllergiesListed};
      break;
  }
  return out;
}

// Every field of the patient catalogue, in file order.
const std::vector<FieldSpec>& field_table() {
  static const std::vector<FieldSpec> table = [] {
    std::vector<FieldSpec> out;
    for (const auto& f : patient::field_catalogue()) out.push_back(form_field(f));
    return out;
  }();
  return table;
}

/// "u" and Greek mu (U+03BC) -> micro sign (U+00B5), as the parser reads them.
std::string normalise_micro(std::string unit) {
  if (!unit.empty() && unit[0] == 'u') unit = "\u00b5" + unit.substr(1);
  for (std::size_t p = unit.find("/u"); p != std::string::npos; p = unit.find("/u", p + 1)) {
    unit.replace(p + 1, 1, "\u00b5");
  }
  for (std::size_t p = unit.find("\u03bc"); p != std::string::npos; p = unit.find("\u03bc")) {
    unit.replace(p, 2, "\u00b5");
  }
  return unit;
}

/// A YAML double-quoted scalar: never read as anything but text.
std::string quoted(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> out;
  std::string item;
  std::stringstream in{std::string(text)};
  while (std::getline(in, item, ',')) out.push_back(text::trimmed(item));
  return out;
}

std::string_view section_of(std::string_view key) {
  const auto dot = key.find('.');
  return dot == std::string_view::npos ? std::string_view() : key.substr(0, dot);
}

std::string_view leaf_of(std::string_view key) {
  const auto dot = key.find('.');
  return dot == std::string_view::npos ? key : key.substr(dot + 1);
}

}  // namespace

std::span<const FieldSpec> patient_fields() { return field_table(); }

const FieldSpec* find_field(std::string_view key) {
  for (const auto& f : field_table()) {
    if (f.key == key) return &f;
  }
  return nullptr;
}

PatientForm empty_form() {
  PatientForm form;
  for (const auto& f : field_table()) {
    form.fields[std::string(f.key)] =
        FieldInput{"", f.units.empty() ? std::string() : std::string(f.units.front())};
  }
  return form;
}

FieldInput split_quantity(std::string_view text) {
  const std::string t = text::trimmed(text);
  std::size_t end = 0;
  while (end < t.size() && (std::isdigit(static_cast<unsigned char>(t[end])) != 0 ||
                            t[end] == '.' || t[end] == '-' || t[end] == '+' || t[end] == ',')) {
    ++end;
  }
  if (end == 0) return {t, ""};
  return {t.substr(0, end), normalise_micro(text::trimmed(std::string_view(t).substr(end)))};
}

std::string form_to_yaml(const PatientForm& form) {
  std::string top, labs, clinical;
  for (const auto& f : field_table()) {
    const auto it = form.fields.find(f.key);
    if (it == form.fields.end()) continue;
    const FieldInput& in = it->second;
    const std::string value = text::trimmed(in.value);
    std::string scalar;
    switch (f.kind) {
      case K::text:
        if (!value.empty()) scalar = quoted(value);
        break;
      case K::quantity:
        if (value.empty()) break;
        scalar =
            quoted(in.unit == kBareFraction || in.unit.empty() ? value : value + " " + in.unit);
        break;
      case K::number:
        if (!value.empty()) scalar = quoted(value);
        break;
      case K::choice:
      case K::boolean:
        if (!value.empty()) scalar = value;  // from a fixed list: plain words
        break;
      case K::list:
        if (in.unit == kAllergiesNone) {
          scalar = "[]";
        } else if (in.unit == kAllergiesListed) {
          scalar = "[";
          const auto items = split_list(value);
          for (std::size_t i = 0; i < items.size(); ++i) {
            scalar += (i ? ", " : "") + quoted(items[i]);
          }
          scalar += "]";
        }
        break;
    }
    if (scalar.empty()) continue;
    const std::string line = std::string(leaf_of(f.key)) + ": " + scalar + "\n";
    const auto section = section_of(f.key);
    if (section == "labs") {
      labs += "  " + line;
    } else if (section == "clinical") {
      clinical += "  " + line;
    } else {
      top += line;
    }
  }
  std::string out = "# LiverBridge patient file (format: examples/README.md).\n" + top;
  if (!labs.empty()) out += "\nlabs:\n" + labs;
  if (!clinical.empty()) out += "\nclinical:\n" + clinical;
  return out;
}

PatientForm form_from_yaml(std::string_view text, const std::string& file,
                           diag::Diagnostics& problems) {
  PatientForm form = empty_form();
  const auto root = yaml::guarded_load(text, file, problems);
  if (!root || !root->IsMap()) return form;
  const auto note = [&](const YAML::Node& n, const std::string& key, const std::string& what) {
    problems.add({diag::Severity::error, yaml::location_of(n.Mark(), file), key, what});
  };
  try {
    for (const auto& entry : *root) {
      const std::string top = entry.first.Scalar();
      if (top == "labs" || top == "clinical") {
        if (!entry.second.IsMap()) continue;
        for (const auto& sub : entry.second) {
          const std::string key = top + "." + sub.first.Scalar();
          if (find_field(key) == nullptr) note(sub.first, key, "is not a field of the form");
        }
      } else if (find_field(top) == nullptr) {
        note(entry.first, top, "is not a field of the form");
      }
    }
    for (const auto& f : field_table()) {
      const std::string section(section_of(f.key));
      const std::string leaf(leaf_of(f.key));
      const YAML::Node parent = section.empty() ? *root : (*root)[section];
      if (!parent || !parent.IsMap()) continue;
      const YAML::Node node = parent[leaf];
      if (!node) continue;
      FieldInput& in = form.fields[std::string(f.key)];
      if (f.kind == K::list) {
        if (node.IsSequence()) {
          std::string joined;
          for (const auto& item : node) {
            if (item.IsScalar()) joined += (joined.empty() ? "" : ", ") + item.Scalar();
          }
          in.unit = std::string(node.size() == 0 ? kAllergiesNone : kAllergiesListed);
          in.value = joined;
        } else if (node.IsScalar()) {
          in.unit = std::string(kAllergiesListed);
          in.value = node.Scalar();
        }
        continue;
      }
      if (!node.IsScalar()) {
        note(node, std::string(f.key), "is not a single value");
        continue;
      }
      const std::string scalar = node.Scalar();
      if (f.kind == K::quantity) {
        FieldInput split = split_quantity(scalar);
        if (split.unit.empty() && f.key == "hematocrit") split.unit = std::string(kBareFraction);
        in = split;
      } else {
        in.value = text::trimmed(scalar);
      }
    }
  } catch (const YAML::Exception& e) {
    problems.error(yaml::location_of(e.mark, file), "", "malformed YAML: " + e.msg);
  }
  return form;
}

}  // namespace lb::gui
