#include "records/analytes.hpp"
#include "records/store.hpp"
#include "records/store_checks.hpp"
#include "records/stored_quantity.hpp"
#include "units/parse.hpp"

// Corrections of a recorded session, one field at a time; the previous value goes to the audit.
namespace lb::records {

namespace {
using detail::check_actor;
using detail::check_one_line;

// Columns of `sessions` that hold a quantity: <column>_si and <column>_text.
struct QuantityField {
  const char* name;
  units::Dimension dimension;
  bool may_be_zero;
};
constexpr QuantityField kQuantityFields[] = {
    {"plasma_removed", units::Dimension::volume, true},
    {"blood_flow", units::Dimension::flow, false},
    {"albumin_used", units::Dimension::mass, true},
    {"anticoagulant_volume", units::Dimension::volume, true},
    {"calcium_given", units::Dimension::mass, true},
};
constexpr const char* kTextFields[] = {"anticoagulant", "calcium_salt", "adverse_event_notes"};

RecordedQuantity parse_field_quantity(const QuantityField& f, const std::string& value) {
  const auto q = units::parse_quantity_of(value, f.dimension);
  if (!q) throw InputError(std::string(f.name) + ": " + q.error);
  const units::AnyQuantity parsed = q.value->quantity();
  const units::AnyQuantity zero = parsed.scaled(0.0);
  if (units::greater(zero, parsed) || (!f.may_be_zero && !units::greater(parsed, zero))) {
    throw InputError(std::string(f.name) + ": '" + value + "' must be " +
                     (f.may_be_zero ? "zero or more" : "more than zero"));
  }
  return {parsed, value};
}
}  // namespace

void Store::correct_session(SessionId session, const std::string& field, const std::string& value,
                            const std::string& reason, const std::string& actor) {
  const std::int64_t session_id = session.raw();
  check_actor(actor);
  if (reason.empty()) throw InputError("a correction needs a reason (--reason TEXT)");
  check_one_line("the reason", reason);
  check_one_line("the value", value);
  check_one_line("the field", field);
  const std::string sid = std::to_string(session_id);
  db_.write_transaction([&] {
    auto exists = db_.prepare("SELECT started_at, ended_at FROM sessions WHERE id = ?");
    exists.bind(1, session_id);
    if (!exists.step()) throw InputError("unknown session " + sid);
    const std::string started = exists.text(0), ended = exists.text(1);
    std::string previous;

    const auto select_text = [&](const std::string& sql, auto&&... binds) {
      auto s = db_.prepare(sql);
      int i = 1;
      (s.bind(i++, binds), ...);
      return s.step() ? s.text(0) : std::string();
    };

    if (field == "started_at" || field == "ended_at") {
      const auto t = parse_timestamp(value);
      if (!t.value) throw InputError(field + ": " + t.error);
      const std::string& other = field == "started_at" ? ended : started;
      const auto other_t = parse_timestamp(other);
      const bool ordered = field == "started_at"
                               ? t.value->epoch_seconds < other_t.value->epoch_seconds
                               : t.value->epoch_seconds > other_t.value->epoch_seconds;
      if (!ordered) throw InputError("the session would end before it starts");
      previous = field == "started_at" ? started : ended;
      db_.prepare("UPDATE sessions SET " + field + " = ? WHERE id = ?")
          .bind(1, t.value->utc)
          .bind(2, session_id)
          .run();
    } else if (field == "ffp_units") {
      const auto n = units::parse_plain_number(value);
      if (!n || *n.value < 0 || *n.value != static_cast<double>(static_cast<int>(*n.value))) {
        throw InputError("ffp_units: expected a whole number of units, 0 or more");
      }
      previous =
          select_text("SELECT coalesce(ffp_units, '') FROM sessions WHERE id = ?", session_id);
      db_.prepare("UPDATE sessions SET ffp_units = ? WHERE id = ?")
          .bind(1, static_cast<std::int64_t>(*n.value))
          .bind(2, session_id)
          .run();
    } else if (field.rfind("replaced.", 0) == 0) {
      const std::string fluid = field.substr(9);
      const auto q =
          parse_field_quantity({"replaced volume", units::Dimension::volume, true}, value);
      previous =
          select_text("SELECT volume_text FROM session_fluids WHERE session_id = ? AND fluid = ?",
                      session_id, fluid);
      db_.prepare(
             "INSERT INTO session_fluids VALUES(?,?,?,?) ON CONFLICT(session_id, fluid) "
             "DO UPDATE SET volume_si = excluded.volume_si, volume_text = excluded.volume_text")
          .bind(1, session_id)
          .bind(2, fluid)
          .bind(3, stored_si(q))
          .bind(4, q.text)
          .run();
    } else if (field.rfind("pre.", 0) == 0 || field.rfind("post.", 0) == 0) {
      const auto dot = field.find('.');
      const std::string timing = field.substr(0, dot), analyte = field.substr(dot + 1);
      const auto* spec = find_analyte(analyte);
      if (spec == nullptr) throw InputError(field + ": unknown analyte '" + analyte + "'");
      std::string error;
      const auto q = parse_lab_value(*spec, value, error);
      if (!q) throw InputError(field + ": " + error);
      previous = select_text(
          "SELECT value_text FROM session_labs WHERE session_id = ? AND timing = ? AND analyte = ?",
          session_id, timing, analyte);
      if (previous.empty()) {
        throw InputError(field + ": session " + sid +
                         " has no such lab value to correct (a new lab needs its draw time)");
      }
      db_.prepare(
             "UPDATE session_labs SET si_value = ?, dimension = ?, value_text = ? "
             "WHERE session_id = ? AND timing = ? AND analyte = ?")
          .bind(1, stored_si(*q))
          .bind(2, std::string(dimension_key(q->dimension())))
          .bind(3, q->text)
          .bind(4, session_id)
          .bind(5, timing)
          .bind(6, analyte)
          .run();
    } else {
      bool done = false;
      for (const auto& f : kQuantityFields) {
        if (field != f.name) continue;
        const auto q = parse_field_quantity(f, value);
        previous = select_text("SELECT coalesce(" + field + "_text, '') FROM sessions WHERE id = ?",
                               session_id);
        db_.prepare("UPDATE sessions SET " + field + "_si = ?, " + field + "_text = ? WHERE id = ?")
            .bind(1, stored_si(q))
            .bind(2, q.text)
            .bind(3, session_id)
            .run();
        done = true;
      }
      for (const char* name : kTextFields) {
        if (field != name) continue;
        previous = select_text("SELECT coalesce(" + field + ", '') FROM sessions WHERE id = ?",
                               session_id);
        db_.prepare("UPDATE sessions SET " + field + " = ? WHERE id = ?")
            .bind(1, value)
            .bind(2, session_id)
            .run();
        done = true;
      }
      if (!done) {
        throw InputError("cannot correct '" + field +
                         "': correctable fields are started_at, ended_at, plasma_removed, "
                         "blood_flow, ffp_units, albumin_used, anticoagulant, "
                         "anticoagulant_volume, calcium_salt, calcium_given, "
                         "adverse_event_notes, replaced.<fluid>, pre.<analyte>, post.<analyte>");
      }
    }
    append_audit(actor, "session", session_id, "correct", field, previous, value, reason);
  });
}

}  // namespace lb::records
