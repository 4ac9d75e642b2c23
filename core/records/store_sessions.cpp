#include "records/analytes.hpp"
#include "records/store.hpp"
#include "records/store_checks.hpp"
#include "records/stored_quantity.hpp"

namespace lb::records {

using detail::check_actor;

SessionId Store::add_session(const SessionInput& in, const std::string& actor) {
  check_actor(actor);
  if (in.ended.epoch_seconds <= in.started.epoch_seconds) {
    throw InputError("the session ends (" + in.ended.utc + ") before it starts (" + in.started.utc +
                     ")");
  }
  std::int64_t id = 0;
  db_.write_transaction([&] {
    const auto patient_id = patient_id_or_throw(in.patient);
    std::int64_t plan_id = 0;
    if (in.plan) {
      auto s = db_.prepare("SELECT patient_id FROM plans WHERE id = ?");
      s.bind(1, in.plan->raw());
      if (!s.step() || s.integer(0) != patient_id) {
        throw InputError("plan " + in.plan->str() + " is not a plan of patient '" +
                         in.patient.str() + "'");
      }
      plan_id = in.plan->raw();
    } else {
      auto s = db_.prepare("SELECT max(id) FROM plans WHERE patient_id = ?");
      s.bind(1, patient_id);
      if (!s.step() || s.is_null(0)) {
        throw InputError("patient '" + in.patient.str() +
                         "' has no approved plan: store one with 'liverbridge record plan'");
      }
      plan_id = s.integer(0);
    }
    const auto q = [](const std::optional<RecordedQuantity>& v) -> std::optional<double> {
      return v ? std::optional<double>(stored_si(*v)) : std::nullopt;
    };
    const auto t = [](const std::optional<RecordedQuantity>& v) -> std::optional<std::string> {
      return v ? std::optional<std::string>(v->text) : std::nullopt;
    };
    auto ins = db_.prepare(
        "INSERT INTO sessions(patient_id, plan_id, started_at, ended_at, plasma_removed_si, "
        "plasma_removed_text, blood_flow_si, blood_flow_text, ffp_units, albumin_used_si, "
        "albumin_used_text, anticoagulant, anticoagulant_volume_si, anticoagulant_volume_text, "
        "calcium_salt, calcium_given_si, calcium_given_text, adverse_event_notes, recorded_by, "
        "recorded_at) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    ins.bind(1, patient_id).bind(2, plan_id).bind(3, in.started.utc).bind(4, in.ended.utc);
    ins.bind(5, stored_si(in.plasma_removed)).bind(6, in.plasma_removed.text);
    ins.bind(7, q(in.blood_flow)).bind(8, t(in.blood_flow));
    if (in.ffp_units) {
      ins.bind(9, static_cast<std::int64_t>(*in.ffp_units));
    } else {
      ins.bind_null(9);
    }
    ins.bind(10, q(in.albumin_used)).bind(11, t(in.albumin_used));
    ins.bind(12, in.anticoagulant);
    ins.bind(13, q(in.anticoagulant_volume)).bind(14, t(in.anticoagulant_volume));
    ins.bind(15, in.calcium_salt);
    ins.bind(16, q(in.calcium_given)).bind(17, t(in.calcium_given));
    ins.bind(18, in.adverse_event_notes).bind(19, actor).bind(20, now_utc().utc);
    ins.run();
    id = db_.last_insert_id();
    for (const auto& [fluid, volume] : in.replaced) {
      db_.prepare("INSERT INTO session_fluids VALUES(?,?,?,?)")
          .bind(1, id)
          .bind(2, fluid)
          .bind(3, stored_si(volume))
          .bind(4, volume.text)
          .run();
    }
    for (const auto& event : in.adverse_events) {
      db_.prepare("INSERT INTO session_events VALUES(?,?)").bind(1, id).bind(2, event).run();
    }
    for (const auto& lab : in.labs) {
      db_.prepare("INSERT INTO session_labs VALUES(?,?,?,?,?,?,?)")
          .bind(1, id)
          .bind(2, lab.timing)
          .bind(3, lab.analyte)
          .bind(4, stored_si(lab.value))
          .bind(5, std::string(dimension_key(lab.value.dimension())))
          .bind(6, lab.value.text)
          .bind(7, lab.drawn_at.utc)
          .run();
    }
    append_audit(actor, "session", id, "create", "session", "",
                 in.patient.str() + " " + in.started.utc + " to " + in.ended.utc +
                     ", plasma removed " + in.plasma_removed.text,
                 "");
  });
  return SessionId(id);
}

SessionInput Store::load_session_details(SessionId session, SessionInput base) {
  const std::int64_t session_id = session.raw();
  auto fluids = db_.prepare(
      "SELECT fluid, volume_si, volume_text FROM session_fluids WHERE session_id = ? ORDER BY "
      "fluid");
  fluids.bind(1, session_id);
  while (fluids.step()) {
    base.replaced.emplace_back(
        fluids.text(0), from_stored(fluids.real(1), units::Dimension::volume, fluids.text(2)));
  }
  auto events = db_.prepare("SELECT event FROM session_events WHERE session_id = ? ORDER BY event");
  events.bind(1, session_id);
  while (events.step()) base.adverse_events.push_back(events.text(0));
  auto labs = db_.prepare(
      "SELECT timing, analyte, si_value, dimension, value_text, drawn_at FROM session_labs "
      "WHERE session_id = ? ORDER BY timing DESC, analyte");
  labs.bind(1, session_id);
  while (labs.step()) {
    LabValue v;
    v.timing = labs.text(0);
    v.analyte = labs.text(1);
    v.value = from_stored(labs.real(2),
                          dimension_from_key(labs.text(3)).value_or(units::Dimension::fraction),
                          labs.text(4));
    const auto when = parse_timestamp(labs.text(5));
    if (when.value) v.drawn_at = *when.value;
    base.labs.push_back(std::move(v));
  }
  return base;
}

std::vector<SessionRecord> Store::sessions_for(const PatientId& patient) {
  std::vector<SessionRecord> out;
  auto s = db_.prepare(
      "SELECT s.id, s.plan_id, s.started_at, s.ended_at, s.plasma_removed_si, "
      "s.plasma_removed_text, s.blood_flow_si, s.blood_flow_text, s.ffp_units, s.albumin_used_si, "
      "s.albumin_used_text, s.anticoagulant, s.anticoagulant_volume_si, "
      "s.anticoagulant_volume_text, s.calcium_salt, s.calcium_given_si, s.calcium_given_text, "
      "s.adverse_event_notes, s.recorded_by, s.recorded_at FROM sessions s "
      "JOIN patients p ON p.id = s.patient_id WHERE p.pseudonym = ? ORDER BY s.started_at, s.id");
  s.bind(1, patient.str());
  const auto quantity = [&](int si_col, units::Dimension d) -> std::optional<RecordedQuantity> {
    if (s.is_null(si_col)) return std::nullopt;
    return from_stored(s.real(si_col), d, s.text(si_col + 1));
  };
  while (s.step()) {
    SessionRecord r;
    r.id = SessionId(s.integer(0));
    r.plan_id = PlanId(s.integer(1));
    r.data.patient = patient;
    r.data.plan = r.plan_id;
    r.data.started = parse_timestamp(s.text(2)).value.value_or(Timestamp{});
    r.data.ended = parse_timestamp(s.text(3)).value.value_or(Timestamp{});
    r.data.plasma_removed = from_stored(s.real(4), units::Dimension::volume, s.text(5));
    r.data.blood_flow = quantity(6, units::Dimension::flow);
    if (!s.is_null(8)) r.data.ffp_units = static_cast<int>(s.integer(8));
    r.data.albumin_used = quantity(9, units::Dimension::mass);
    r.data.anticoagulant = s.optional_text(11);
    r.data.anticoagulant_volume = quantity(12, units::Dimension::volume);
    r.data.calcium_salt = s.optional_text(14);
    r.data.calcium_given = quantity(15, units::Dimension::mass);
    r.data.adverse_event_notes = s.text(17);
    r.recorded_by = s.text(18);
    r.recorded_at = s.text(19);
    out.push_back(std::move(r));
  }
  for (auto& r : out) r.data = load_session_details(r.id, std::move(r.data));
  return out;
}

}  // namespace lb::records
