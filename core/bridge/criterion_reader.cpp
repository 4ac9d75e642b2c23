#include "bridge/criterion_reader.hpp"

#include "bridge/inputs.hpp"
#include "bridge/names.hpp"
#include "text/did_you_mean.hpp"
#include "text/format.hpp"
#include "units/compare.hpp"
#include "units/parse.hpp"
#include "yaml/guarded_load.hpp"

namespace lb::bridge::detail {

using yaml::MapReader;
using yaml::Need;

namespace {

// Deeper nesting than KCC's "any of (pH, all of (INR, creatinine, HE))" is a mistake, and
// the evaluator recurses: a hostile file must not exhaust the stack.
constexpr int kMaxDepth = 6;

/// The threshold as a quantity of the input's dimension (labs with an analyte: either unit
/// system; flags: true/false as 1/0).
std::optional<Comparison> read_comparison(MapReader& r, const InputSpec& spec,
                                          const std::string& comparator_key,
                                          const std::string& threshold_key) {
  auto comparator = r.choice(comparator_key, Need::required, kComparatorNames.options());
  auto text = r.text(threshold_key, Need::required);
  if (!comparator || !text) return std::nullopt;
  Comparison c{*comparator, units::AnyQuantity(), *text};
  if (spec.flag) {
    if (*text != "true" && *text != "false") {
      r.error_at(threshold_key, "'" + std::string(spec.key) + "' is yes/no: write true or false");
      return std::nullopt;
    }
    // yes/no as 1/0: "is yes" is ">= 1", "is no" is "<= 0"; other pairings read ambiguously.
    const bool yes = *text == "true";
    if (*comparator != (yes ? Comparator::at_least : Comparator::at_most)) {
      r.error_at(comparator_key, std::string("for a yes/no input write ") +
                                     (yes ? "'>=' with true" : "'<=' with false"));
      return std::nullopt;
    }
    c.threshold = units::AnyQuantity::of(units::Fraction::from_value(yes ? 1.0 : 0.0));
    return c;
  }
  const bool bare = spec.dimension == units::Dimension::fraction;
  auto parsed = units::parse_quantity(*text, bare);
  if (!parsed.value) {
    r.error_at(threshold_key, parsed.error);
    return std::nullopt;
  }
  const auto d = parsed.value->dimension;
  const bool lab_other_system = spec.analyte && (d == units::Dimension::mass_concentration ||
                                                 d == units::Dimension::amount_concentration);
  if (d != spec.dimension && !lab_other_system) {
    r.error_at(threshold_key, "'" + *text + "' is a " + std::string(units::dimension_name(d)) +
                                  "; '" + std::string(spec.key) + "' is a " +
                                  std::string(units::dimension_name(spec.dimension)));
    return std::nullopt;
  }
  c.threshold = parsed.value->quantity();
  return c;
}

std::optional<Criterion> read_leaf(MapReader& r, Criterion c) {
  auto input = r.text("input", Need::required);
  if (!input) return std::nullopt;
  const InputSpec* spec = find_input(*input);
  if (spec == nullptr) {
    r.error_at("input", "'" + *input + "' is not an input the bridge view gathers" +
                            text::did_you_mean_suffix(*input, input_keys()));
    return std::nullopt;
  }
  c.input = *input;
  auto comparison = read_comparison(r, *spec, "comparator", "threshold");
  if (auto alt = r.child("alternative", Need::optional); alt.valid()) {
    c.alternative = read_comparison(alt, *spec, "comparator", "threshold");
    alt.finish();
  }
  if (auto words = r.text_list("requires", Need::optional)) {
    for (const auto& w : *words) {
      if (auto q = kRequirementNames.parse(w)) {
        c.requires_.push_back(*q);
      } else {
        r.error_at("requires", "'" + w + "' is not a requirement; one of: " +
                                   text::join(kRequirementNames.names()) +
                                   text::did_you_mean_suffix(w, kRequirementNames.names()));
      }
    }
  }
  c.resuscitation = read_window(r, "after_resuscitation");
  r.finish();
  if (!comparison) return std::nullopt;
  c.comparison = *comparison;
  return c;
}

}  // namespace

Window read_window(MapReader& parent, const std::string& key) {
  Window w;
  auto m = parent.child(key, Need::optional);
  if (!m.valid()) return w;
  if (auto q = m.typed<units::Duration>("from", Need::optional)) w.from = *q;
  if (auto q = m.typed<units::Duration>("to", Need::optional)) w.to = *q;
  m.finish();
  if (w.from && w.to && units::below(*w.to, *w.from)) {
    parent.error_at(key, "'to' is before 'from'");
  }
  return w;
}

std::optional<Criterion> read_criterion(const YAML::Node& node, const std::string& file,
                                        const std::string& path, diag::Diagnostics& diags,
                                        int depth) {
  MapReader r(node, file, path, diags);
  if (!r.valid()) {
    diags.error(yaml::location_of(node.Mark(), file), path,
                "expected a comparison (input, comparator, threshold) or a group (all, any, "
                "at_least with of)");
    return std::nullopt;
  }
  if (depth > kMaxDepth) {
    diags.error(r.location(), path, "criteria nested deeper than " + std::to_string(kMaxDepth));
    return std::nullopt;
  }
  Criterion c;
  c.where = r.location();
  std::string list_key;
  if (r.has("all")) {
    c.kind = Criterion::Kind::all;
    list_key = "all";
  } else if (r.has("any")) {
    c.kind = Criterion::Kind::any;
    list_key = "any";
  } else if (r.has("at_least")) {
    c.kind = Criterion::Kind::at_least;
    list_key = "of";
    auto n = r.integer("at_least", Need::required, 1, 20);
    if (!n) return std::nullopt;
    c.count = *n;
  } else {
    return read_leaf(r, c);
  }
  if (auto reading = r.text("also_read_as", Need::optional)) {
    if (*reading == "all") {
      c.also_read_as = Criterion::Kind::all;
    } else if (*reading == "any") {
      c.also_read_as = Criterion::Kind::any;
    } else {
      r.error_at("also_read_as", "expected all or any");
    }
  }
  auto list = r.node(list_key, Need::required);
  r.finish();
  if (!list) return std::nullopt;
  if (!list->IsSequence() || list->size() == 0) {
    r.error_at(list_key, "expected a list of criteria");
    return std::nullopt;
  }
  bool ok = true;
  std::size_t i = 0;
  for (const auto& item : *list) {
    auto child = read_criterion(item, file, path + "." + list_key + "[" + std::to_string(i++) + "]",
                                diags, depth + 1);
    if (child) {
      c.children.push_back(std::move(*child));
    } else {
      ok = false;
    }
  }
  if (c.kind == Criterion::Kind::at_least && c.count > static_cast<int>(c.children.size())) {
    r.error_at("at_least", "asks for more criteria than the list holds");
    ok = false;
  }
  if (!ok) return std::nullopt;
  return c;
}

std::optional<Band> read_band(MapReader& r) {
  Band b;
  auto solute = r.text("solute", Need::required);
  b.after_end = read_window(r, "after_end");
  auto mean = r.typed<units::Fraction>("mean_fall", Need::required);
  auto sd = r.typed<units::Fraction>("sd", Need::optional);
  auto n = r.integer("n", Need::required, 1, 1000000);
  auto modality = r.text("modality", Need::required);
  r.finish();
  if (!solute || !mean || !n || !modality) return std::nullopt;
  if (!b.after_end.to) {
    r.error_at("after_end", "state 'to': the latest draw time the band describes");
    return std::nullopt;
  }
  b.solute = *solute;
  b.mean_fall = *mean;
  b.sd = sd;
  b.n = *n;
  b.modality = *modality;
  return b;
}

}  // namespace lb::bridge::detail
