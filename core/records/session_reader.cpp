#include "records/session_reader.hpp"

#include <algorithm>

#include "io/atomic_write.hpp"
#include "records/analytes.hpp"
#include "text/did_you_mean.hpp"
#include "units/parse.hpp"
#include "yaml/guarded_load.hpp"
#include "yaml/map_reader.hpp"

namespace lb::records {

namespace {
using yaml::MapReader;
using yaml::Need;

std::optional<Timestamp> read_time(MapReader& r, const std::string& key, Need need) {
  const auto text = r.text(key, need);
  if (!text) return std::nullopt;
  auto t = parse_timestamp(*text);
  if (!t.value) r.error_at(key, t.error);
  return t.value;
}

/// A quantity of `dimension`, kept with the text as entered; refuses negatives
/// (and zero when `positive`).
std::optional<RecordedQuantity> read_quantity(MapReader& r, const std::string& key, Need need,
                                              units::Dimension dimension, bool positive = false) {
  const auto text = r.text(key, need);
  if (!text) return std::nullopt;
  const auto q = units::parse_quantity_of(*text, dimension);
  if (!q) {
    r.error_at(key, q.error);
    return std::nullopt;
  }
  const units::AnyQuantity value = q.value->quantity();
  const units::AnyQuantity zero = value.scaled(0.0);
  if (units::greater(zero, value) || (positive && !units::greater(value, zero))) {
    r.error_at(key, "'" + *text + "' must be " + (positive ? "more than zero" : "zero or more"));
    return std::nullopt;
  }
  return RecordedQuantity{value, *text};
}

void read_labs(MapReader& labs, const std::string& timing, SessionInput& out) {
  MapReader r = labs.child(timing, Need::optional);
  if (!r.valid()) return;
  const auto drawn = read_time(r, "drawn_at", Need::required);
  for (const auto& spec : analytes()) {
    const auto text = r.text(spec.name, Need::optional);
    if (!text) continue;
    std::string error;
    const auto value = parse_lab_value(spec, *text, error);
    if (!value) {
      r.error_at(spec.name, error);
    } else if (units::greater(value->quantity().scaled(0.0), value->quantity())) {
      r.error_at(spec.name, "'" + *text + "' must be zero or more");
    } else if (drawn) {
      out.labs.push_back({timing, spec.name, *value, *drawn});
    }
  }
  r.finish();
}
}  // namespace

const std::vector<std::string>& fluid_names() {
  static const std::vector<std::string> kFluids = {
      "ffp", "albumin_4", "albumin_5", "albumin_20", "albumin_25", "crystalloid", "other"};
  return kFluids;
}

SessionLoad parse_session(std::string_view text, const std::string& file) {
  SessionLoad load;
  auto& diags = load.diagnostics;
  const auto root = yaml::guarded_load(text, file, diags);
  if (!root) return load;
  MapReader r(*root, file, "", diags);
  if (!r.valid()) return load;

  SessionInput s;
  const auto patient = r.text("patient", Need::required);
  if (patient) s.patient = PatientId(*patient);
  if (const auto plan = r.integer("plan", Need::optional, 1, 1'000'000'000)) {
    s.plan = PlanId(*plan);
  }
  const auto started = read_time(r, "started_at", Need::required);
  const auto ended = read_time(r, "ended_at", Need::required);
  if (started && ended && ended->epoch_seconds <= started->epoch_seconds) {
    r.error_at("ended_at",
               "the session ends (" + ended->utc + ") before it starts (" + started->utc + ")");
  }
  const auto removed = read_quantity(r, "plasma_removed", Need::required, units::Dimension::volume);

  MapReader replaced = r.child("replaced", Need::optional);
  if (replaced.valid()) {
    for (const auto& fluid : fluid_names()) {
      if (auto v = read_quantity(replaced, fluid, Need::optional, units::Dimension::volume)) {
        s.replaced.emplace_back(fluid, *v);
      }
    }
    replaced.finish();
  }
  s.blood_flow = read_quantity(r, "blood_flow", Need::optional, units::Dimension::flow, true);
  if (const auto n = r.integer("ffp_units", Need::optional, 0, 1000)) s.ffp_units = *n;
  s.albumin_used = read_quantity(r, "albumin_used", Need::optional, units::Dimension::mass);
  s.anticoagulant = r.text("anticoagulant", Need::optional);
  s.anticoagulant_volume =
      read_quantity(r, "anticoagulant_volume", Need::optional, units::Dimension::volume);
  s.calcium_salt = r.text("calcium_salt", Need::optional);
  s.calcium_given = read_quantity(r, "calcium_given", Need::optional, units::Dimension::mass);
  if (s.calcium_given && !s.calcium_salt) {
    r.error_at("calcium_given",
               "name the salt in calcium_salt (gluconate and chloride differ "
               "about threefold in calcium per gram)");
  }
  if (const auto events = r.text_list("adverse_events", Need::optional)) {
    for (const auto& e : *events) {
      const auto& names = adverse_event_names();
      if (std::find(names.begin(), names.end(), e) == names.end()) {
        r.error_at("adverse_events", "unknown adverse event '" + e + "'" +
                                         text::did_you_mean_suffix(e, names) +
                                         " (the list is in docs/records.md; use 'other' and "
                                         "describe it in adverse_event_notes)");
      } else {
        s.adverse_events.push_back(e);
      }
    }
  }
  s.adverse_event_notes = r.text("adverse_event_notes", Need::optional).value_or("");
  if (std::find(s.adverse_events.begin(), s.adverse_events.end(), "other") !=
          s.adverse_events.end() &&
      s.adverse_event_notes.empty()) {
    r.error_at("adverse_events", "'other' needs a description in adverse_event_notes");
  }
  MapReader labs = r.child("labs", Need::optional);
  if (labs.valid()) {
    read_labs(labs, "pre", s);
    read_labs(labs, "post", s);
    labs.finish();
  }
  r.finish();

  if (diags.has_errors() || !started || !ended || !removed || !patient) return load;
  s.started = *started;
  s.ended = *ended;
  s.plasma_removed = *removed;
  load.session = std::move(s);
  return load;
}

SessionLoad load_session_file(const std::string& path) {
  SessionLoad load;
  diag::Diagnostics diags;
  const auto root = yaml::guarded_load_file(path, diags);
  if (!root) {
    load.diagnostics = std::move(diags);
    return load;
  }
  // guarded_load_file parsed it once to check it; read the text for the record reader.
  std::string text;
  try {
    text = io::read_file(path);
  } catch (const std::exception& e) {
    load.diagnostics.error({path, 0, 0}, "", e.what());
    return load;
  }
  return parse_session(text, path);
}

}  // namespace lb::records
