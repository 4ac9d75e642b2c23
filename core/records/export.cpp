#include "records/export.hpp"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <sstream>

#include "records/analytes.hpp"
#include "records/stored_quantity.hpp"
#include "text/format.hpp"
#include "text/utf8.hpp"

namespace lb::records {

namespace {
using nlohmann::json;

json quantity_json(const std::optional<RecordedQuantity>& q) {
  if (!q) return nullptr;
  return {{"si", stored_si(*q)},
          {"dimension", std::string(dimension_key(q->dimension()))},
          {"entered", q->text}};
}

/// Shortest text that reads back as the same double (SI numbers can be tiny: 1.5e-06 m³/s).
std::string si_number(double v) { return json(v).dump(); }

std::string si_text(const std::optional<RecordedQuantity>& q) {
  return q ? si_number(stored_si(*q)) : "";
}

void require_patient(Store& store, const PatientId& patient) {
  if (!store.find_patient(patient)) throw InputError("unknown patient '" + patient.str() + "'");
}
}  // namespace

std::string csv_field(const std::string& value) {
  std::string v = value;
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@')) {
    // A negative number is data, not a formula.
    const bool number =
        v.size() > 1 && v[0] == '-' && std::isdigit(static_cast<unsigned char>(v[1]));
    if (!number) v = "'" + v;
  }
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (const char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string export_json(Store& store, const PatientId& patient) {
  require_patient(store, patient);
  json plans = json::array();
  for (const auto& p : store.plans_for(patient)) {
    plans.push_back(
        {{"id", p.id.raw()},
         {"approved_by", p.approved_by},
         {"approved_at", p.approved_at},
         {"protocol",
          {{"id", p.protocol_id},
           {"version", p.protocol_version},
           {"sha256", p.protocol_sha256},
           {"file", p.protocol_file},
           {"text", p.protocol_text}}},
         {"patient_input", {{"file", p.patient_file}, {"text", p.patient_text}}},
         {"overrides", json::parse(p.overrides_json, nullptr, false)},
         {"course_start", p.course_start.empty() ? json(nullptr) : json(p.course_start)},
         {"review_parameters", json::parse(p.review_json, nullptr, false)},
         {"software_version", p.software_version},
         {"plan", json::parse(p.plan_json, nullptr, false)}});
  }
  json sessions = json::array();
  for (const auto& r : store.sessions_for(patient)) {
    const auto& s = r.data;
    json fluids = json::object();
    for (const auto& [fluid, v] : s.replaced) fluids[fluid] = quantity_json(v);
    json labs = json::array();
    for (const auto& l : s.labs) {
      labs.push_back({{"timing", l.timing},
                      {"analyte", l.analyte},
                      {"drawn_at", l.drawn_at.utc},
                      {"value", quantity_json(l.value)}});
    }
    sessions.push_back({{"id", r.id.raw()},
                        {"plan", r.plan_id.raw()},
                        {"started_at", s.started.utc},
                        {"ended_at", s.ended.utc},
                        {"plasma_removed", quantity_json(s.plasma_removed)},
                        {"replaced", fluids},
                        {"blood_flow", quantity_json(s.blood_flow)},
                        {"ffp_units", s.ffp_units ? json(*s.ffp_units) : json(nullptr)},
                        {"albumin_used", quantity_json(s.albumin_used)},
                        {"anticoagulant", s.anticoagulant ? json(*s.anticoagulant) : json(nullptr)},
                        {"anticoagulant_volume", quantity_json(s.anticoagulant_volume)},
                        {"calcium_salt", s.calcium_salt ? json(*s.calcium_salt) : json(nullptr)},
                        {"calcium_given", quantity_json(s.calcium_given)},
                        {"adverse_events", s.adverse_events},
                        {"adverse_event_notes", s.adverse_event_notes},
                        {"labs", labs},
                        {"recorded_by", r.recorded_by},
                        {"recorded_at", r.recorded_at}});
  }
  json audit = json::array();
  const auto pid = store.find_patient(patient)->id;
  std::vector<std::int64_t> session_ids, plan_ids;
  for (const auto& s : sessions) session_ids.push_back(s["id"].get<std::int64_t>());
  for (const auto& p : plans) plan_ids.push_back(p["id"].get<std::int64_t>());
  for (const auto& e : store.audit()) {
    const auto in = [&](const std::vector<std::int64_t>& ids) {
      return std::find(ids.begin(), ids.end(), e.entity_id) != ids.end();
    };
    const bool mine = (e.entity == "patient" && e.entity_id == pid) ||
                      (e.entity == "plan" && in(plan_ids)) ||
                      (e.entity == "session" && in(session_ids));
    if (!mine) continue;
    audit.push_back({{"id", e.id},
                     {"at", e.at_utc},
                     {"by", e.actor},
                     {"entity", e.entity},
                     {"entity_id", e.entity_id},
                     {"action", e.action},
                     {"field", e.field},
                     {"previous", e.previous_value},
                     {"new", e.new_value},
                     {"reason", e.reason},
                     {"row_hash", e.row_hash}});
  }
  // Stored texts from before the loaders refused control characters stay printable.
  return text::printable_json(json{
             {"patient", patient.str()},
             {"plans", plans},
             {"sessions", sessions},
             {"audit", audit}}.dump(2)) +
         "\n";
}

std::string export_csv(Store& store, const PatientId& patient) {
  require_patient(store, patient);
  std::ostringstream o;
  std::vector<std::string> header = {"patient",
                                     "session_id",
                                     "plan_id",
                                     "started_at",
                                     "ended_at",
                                     "duration_min",
                                     "plasma_removed_m3",
                                     "plasma_removed_entered",
                                     "blood_flow_m3_per_s",
                                     "blood_flow_entered",
                                     "ffp_units",
                                     "albumin_used_kg",
                                     "albumin_used_entered",
                                     "anticoagulant",
                                     "anticoagulant_volume_m3",
                                     "anticoagulant_volume_entered",
                                     "calcium_salt",
                                     "calcium_given_kg",
                                     "calcium_given_entered",
                                     "replaced",
                                     "adverse_events",
                                     "adverse_event_notes",
                                     "labs"};
  for (std::size_t i = 0; i < header.size(); ++i) o << (i ? "," : "") << header[i];
  o << "\r\n";
  for (const auto& r : store.sessions_for(patient)) {
    const auto& s = r.data;
    std::string replaced, events, labs;
    for (const auto& [fluid, v] : s.replaced)
      replaced += (replaced.empty() ? "" : "; ") + fluid + " " + v.text;
    for (const auto& e : s.adverse_events) events += (events.empty() ? "" : "; ") + e;
    for (const auto& l : s.labs) {
      labs += (labs.empty() ? "" : "; ") + l.timing + " " + l.analyte + " " + l.value.text + " @ " +
              l.drawn_at.utc;
    }
    const std::vector<std::string> row = {
        patient.str(),
        r.id.str(),
        r.plan_id.str(),
        s.started.utc,
        s.ended.utc,
        text::fixed(static_cast<double>(s.ended.epoch_seconds - s.started.epoch_seconds) / 60.0, 0),
        si_number(stored_si(s.plasma_removed)),
        s.plasma_removed.text,
        si_text(s.blood_flow),
        s.blood_flow ? s.blood_flow->text : "",
        s.ffp_units ? std::to_string(*s.ffp_units) : "",
        si_text(s.albumin_used),
        s.albumin_used ? s.albumin_used->text : "",
        s.anticoagulant.value_or(""),
        si_text(s.anticoagulant_volume),
        s.anticoagulant_volume ? s.anticoagulant_volume->text : "",
        s.calcium_salt.value_or(""),
        si_text(s.calcium_given),
        s.calcium_given ? s.calcium_given->text : "",
        replaced,
        events,
        s.adverse_event_notes,
        labs};
    for (std::size_t i = 0; i < row.size(); ++i) o << (i ? "," : "") << csv_field(row[i]);
    o << "\r\n";
  }
  return o.str();
}

}  // namespace lb::records
