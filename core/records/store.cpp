#include "records/store.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <system_error>

#include "io/atomic_write.hpp"
#include "io/sha256.hpp"
#include "records/analytes.hpp"
#include "records/schema.hpp"
#include "text/utf8.hpp"
#include "units/parse.hpp"
#include "version.hpp"

namespace lb::records {

namespace {
namespace fs = std::filesystem;

/// Creates the file with mode 0600 before SQLite opens it: clinical records
/// are readable by their owner only (SQLite gives -wal/-shm the same mode).
Database open_private(const std::string& path) {
  const fs::path p(path);
  if (p.has_parent_path()) {
    // New data directories are private too (0700).
    try {
      io::create_private_directories(p.parent_path().string());
    } catch (const std::system_error& e) {
      throw InputError(std::string(e.what()));
    }
  }
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) throw InputError("cannot open " + path + ": " + std::strerror(errno));
  ::close(fd);
  return Database(path, false);
}

std::string hash_row(const AuditEntry& e) {
  const char sep = '\x1f';
  std::string canonical = e.prev_hash;
  for (const std::string* part : {&e.at_utc, &e.actor, &e.entity, &e.action, &e.field,
                                  &e.previous_value, &e.new_value, &e.reason}) {
    canonical += sep;
    canonical += *part;
  }
  canonical += sep;
  canonical += std::to_string(e.entity_id);
  return io::sha256_hex(canonical);
}

/// Text that is stored and later printed (ids, names, reasons, values): valid UTF-8 on one
/// line without control characters, so that no record can forge an audit line or act on
/// the terminal of whoever lists it.
void check_one_line(const std::string& what, const std::string& value) {
  if (const std::string problem = text::one_line_problem(value); !problem.empty()) {
    throw InputError(what + " " + problem);
  }
}

void check_actor(const std::string& actor) {
  if (actor.empty()) throw InputError("who is recording? (--by NAME is required)");
  check_one_line("the name of who is recording", actor);
}

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
  if (q.value->si_value < 0 || (!f.may_be_zero && q.value->si_value == 0)) {
    throw InputError(std::string(f.name) + ": '" + value + "' must be " +
                     (f.may_be_zero ? "zero or more" : "more than zero"));
  }
  return {q.value->si_value, f.dimension, value};
}
}  // namespace

std::string default_database_path(const char* xdg_data_home, const char* home) {
  // XDG Base Directory spec: a relative $XDG_DATA_HOME is invalid and ignored.
  if (xdg_data_home != nullptr && xdg_data_home[0] == '/') {
    return std::string(xdg_data_home) + "/liverbridge/records.db";
  }
  if (home != nullptr && home[0] != '\0') {
    return std::string(home) + "/.local/share/liverbridge/records.db";
  }
  throw InputError("neither XDG_DATA_HOME nor HOME is set: choose the database with --db FILE");
}

Store::Store(const std::string& path) : db_(open_private(path)) {
  db_.exec("PRAGMA foreign_keys = ON");
  // WAL: readers never block the writer; FULL: a committed record survives power loss.
  {  // finalised before migrate(): an open statement would block its COMMIT
    auto mode = db_.prepare("PRAGMA journal_mode = WAL");
    if (!mode.step() || mode.text(0) != "wal") {
      throw DbError(SQLITE_ERROR, path + ": cannot switch to WAL mode");
    }
  }
  db_.exec("PRAGMA synchronous = FULL");
  migrate(db_);
}

void Store::append_audit(const std::string& actor, const std::string& entity,
                         std::int64_t entity_id, const std::string& action,
                         const std::string& field, const std::string& previous_value,
                         const std::string& new_value, const std::string& reason) {
  AuditEntry e;
  auto last = db_.prepare("SELECT row_hash FROM audit ORDER BY id DESC LIMIT 1");
  e.prev_hash = last.step() ? last.text(0) : std::string(64, '0');
  e.at_utc = now_utc().utc;
  e.actor = actor;
  e.entity = entity;
  e.entity_id = entity_id;
  e.action = action;
  e.field = field;
  e.previous_value = previous_value;
  e.new_value = new_value;
  e.reason = reason;
  e.row_hash = hash_row(e);
  db_.prepare(
         "INSERT INTO audit(at_utc, actor, entity, entity_id, action, field, previous_value, "
         "new_value, reason, prev_hash, row_hash) VALUES(?,?,?,?,?,?,?,?,?,?,?)")
      .bind(1, e.at_utc)
      .bind(2, e.actor)
      .bind(3, e.entity)
      .bind(4, e.entity_id)
      .bind(5, e.action)
      .bind(6, e.field)
      .bind(7, e.previous_value)
      .bind(8, e.new_value)
      .bind(9, e.reason)
      .bind(10, e.prev_hash)
      .bind(11, e.row_hash)
      .run();
}

std::int64_t Store::patient_id_or_throw(const std::string& pseudonym) {
  auto s = db_.prepare("SELECT id FROM patients WHERE pseudonym = ?");
  s.bind(1, pseudonym);
  if (!s.step()) {
    throw InputError("unknown patient '" + pseudonym +
                     "' (add it with 'liverbridge record patient')");
  }
  return s.integer(0);
}

std::int64_t Store::add_patient(const std::string& pseudonym, const std::string& actor) {
  check_actor(actor);
  if (pseudonym.empty() || pseudonym.size() > 64) {
    throw InputError("patient id must be 1 to 64 characters");
  }
  check_one_line("the patient id", pseudonym);
  std::int64_t id = 0;
  db_.write_transaction([&] {
    auto exists = db_.prepare("SELECT 1 FROM patients WHERE pseudonym = ?");
    exists.bind(1, pseudonym);
    if (exists.step()) throw InputError("patient '" + pseudonym + "' already exists");
    db_.prepare("INSERT INTO patients(pseudonym, created_at, created_by) VALUES(?,?,?)")
        .bind(1, pseudonym)
        .bind(2, now_utc().utc)
        .bind(3, actor)
        .run();
    id = db_.last_insert_id();
    append_audit(actor, "patient", id, "create", "pseudonym", "", pseudonym, "");
  });
  return id;
}

std::optional<PatientRecord> Store::find_patient(const std::string& pseudonym) {
  auto s =
      db_.prepare("SELECT id, pseudonym, created_at, created_by FROM patients WHERE pseudonym = ?");
  s.bind(1, pseudonym);
  if (!s.step()) return std::nullopt;
  return PatientRecord{s.integer(0), s.text(1), s.text(2), s.text(3)};
}

std::vector<PatientRecord> Store::patients() {
  std::vector<PatientRecord> out;
  auto s =
      db_.prepare("SELECT id, pseudonym, created_at, created_by FROM patients ORDER BY pseudonym");
  while (s.step()) out.push_back({s.integer(0), s.text(1), s.text(2), s.text(3)});
  return out;
}

std::int64_t Store::add_plan(const PlanInput& plan) {
  check_actor(plan.approved_by);
  const auto json = nlohmann::json::parse(plan.plan_json, nullptr, false);
  if (json.is_discarded() || !json.contains("protocol")) {
    throw InputError("the plan JSON has no protocol section");
  }
  const std::string& sha = plan.protocol_sha256;
  if (sha.empty() || json["protocol"].value("sha256", "") != sha) {
    throw InputError("the plan JSON names another protocol than the plan (SHA-256 differs)");
  }
  std::int64_t id = 0;
  db_.write_transaction([&] {
    const auto patient_id = patient_id_or_throw(plan.patient);
    db_.prepare(
           "INSERT INTO plans(patient_id, patient_file, patient_text, protocol_file, "
           "protocol_text, "
           "protocol_sha256, protocol_id, protocol_version, plan_json, overrides_json, "
           "review_json, "
           "software_version, approved_by, approved_at, course_start) "
           "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
        .bind(1, patient_id)
        .bind(2, plan.patient_file)
        .bind(3, plan.patient_text)
        .bind(4, plan.protocol_file)
        .bind(5, plan.protocol_text)
        .bind(6, sha)
        .bind(7, json["protocol"].value("id", ""))
        .bind(8, json["protocol"].value("version", ""))
        .bind(9, plan.plan_json)
        .bind(10, plan.overrides_json)
        .bind(11, plan.review_json)
        .bind(12, std::string(kVersion))
        .bind(13, plan.approved_by)
        .bind(14, now_utc().utc)
        .bind(15, plan.course_start.empty() ? std::optional<std::string>()
                                            : std::optional<std::string>(plan.course_start))
        .run();
    id = db_.last_insert_id();
    append_audit(plan.approved_by, "plan", id, "create", "approved", "",
                 plan.patient + " " + json["protocol"].value("id", "") + " sha256:" + sha,
                 plan.overrides_json == "[]" ? "" : "overrides: " + plan.overrides_json);
  });
  return id;
}

namespace {
constexpr const char* kPlanColumns =
    "SELECT p.id, pt.pseudonym, p.patient_file, p.patient_text, p.protocol_file, "
    "p.protocol_text, p.protocol_sha256, p.protocol_id, p.protocol_version, p.plan_json, "
    "p.overrides_json, p.review_json, p.software_version, p.approved_by, p.approved_at, "
    "p.course_start FROM plans p JOIN patients pt ON pt.id = p.patient_id ";

PlanRecord read_plan(const Statement& s) {
  return {s.integer(0), s.text(1),  s.text(2),  s.text(3), s.text(4),  s.text(5),
          s.text(6),    s.text(7),  s.text(8),  s.text(9), s.text(10), s.text(11),
          s.text(12),   s.text(13), s.text(14), s.text(15)};
}
}  // namespace

std::optional<PlanRecord> Store::plan(std::int64_t id) {
  auto s = db_.prepare(std::string(kPlanColumns) + "WHERE p.id = ?");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return read_plan(s);
}

std::vector<PlanRecord> Store::plans_for(const std::string& pseudonym) {
  std::vector<PlanRecord> out;
  auto s = db_.prepare(std::string(kPlanColumns) + "WHERE pt.pseudonym = ? ORDER BY p.id");
  s.bind(1, pseudonym);
  while (s.step()) out.push_back(read_plan(s));
  return out;
}

std::int64_t Store::add_session(const SessionInput& in, const std::string& actor) {
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
      s.bind(1, *in.plan);
      if (!s.step() || s.integer(0) != patient_id) {
        throw InputError("plan " + std::to_string(*in.plan) + " is not a plan of patient '" +
                         in.patient + "'");
      }
      plan_id = *in.plan;
    } else {
      auto s = db_.prepare("SELECT max(id) FROM plans WHERE patient_id = ?");
      s.bind(1, patient_id);
      if (!s.step() || s.is_null(0)) {
        throw InputError("patient '" + in.patient +
                         "' has no approved plan: store one with 'liverbridge record plan'");
      }
      plan_id = s.integer(0);
    }
    const auto q = [](const std::optional<RecordedQuantity>& v) -> std::optional<double> {
      return v ? std::optional<double>(v->si) : std::nullopt;
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
    ins.bind(5, in.plasma_removed.si).bind(6, in.plasma_removed.text);
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
          .bind(3, volume.si)
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
          .bind(4, lab.value.si)
          .bind(5, std::string(dimension_key(lab.value.dimension)))
          .bind(6, lab.value.text)
          .bind(7, lab.drawn_at.utc)
          .run();
    }
    append_audit(actor, "session", id, "create", "session", "",
                 in.patient + " " + in.started.utc + " to " + in.ended.utc + ", plasma removed " +
                     in.plasma_removed.text,
                 "");
  });
  return id;
}

SessionInput Store::load_session_details(std::int64_t session_id, SessionInput base) {
  auto fluids = db_.prepare(
      "SELECT fluid, volume_si, volume_text FROM session_fluids WHERE session_id = ? ORDER BY "
      "fluid");
  fluids.bind(1, session_id);
  while (fluids.step()) {
    base.replaced.emplace_back(
        fluids.text(0), RecordedQuantity{fluids.real(1), units::Dimension::volume, fluids.text(2)});
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
    v.value = {labs.real(2), dimension_from_key(labs.text(3)).value_or(units::Dimension::fraction),
               labs.text(4)};
    const auto when = parse_timestamp(labs.text(5));
    if (when.value) v.drawn_at = *when.value;
    base.labs.push_back(std::move(v));
  }
  return base;
}

std::vector<SessionRecord> Store::sessions_for(const std::string& pseudonym) {
  std::vector<SessionRecord> out;
  auto s = db_.prepare(
      "SELECT s.id, s.plan_id, s.started_at, s.ended_at, s.plasma_removed_si, "
      "s.plasma_removed_text, s.blood_flow_si, s.blood_flow_text, s.ffp_units, s.albumin_used_si, "
      "s.albumin_used_text, s.anticoagulant, s.anticoagulant_volume_si, "
      "s.anticoagulant_volume_text, s.calcium_salt, s.calcium_given_si, s.calcium_given_text, "
      "s.adverse_event_notes, s.recorded_by, s.recorded_at FROM sessions s "
      "JOIN patients p ON p.id = s.patient_id WHERE p.pseudonym = ? ORDER BY s.started_at, s.id");
  s.bind(1, pseudonym);
  const auto quantity = [&](int si_col, units::Dimension d) -> std::optional<RecordedQuantity> {
    if (s.is_null(si_col)) return std::nullopt;
    return RecordedQuantity{s.real(si_col), d, s.text(si_col + 1)};
  };
  while (s.step()) {
    SessionRecord r;
    r.id = s.integer(0);
    r.plan_id = s.integer(1);
    r.data.patient = pseudonym;
    r.data.plan = r.plan_id;
    r.data.started = parse_timestamp(s.text(2)).value.value_or(Timestamp{});
    r.data.ended = parse_timestamp(s.text(3)).value.value_or(Timestamp{});
    r.data.plasma_removed = {s.real(4), units::Dimension::volume, s.text(5)};
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

void Store::correct_session(std::int64_t session_id, const std::string& field,
                            const std::string& value, const std::string& reason,
                            const std::string& actor) {
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
          .bind(3, q.si)
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
          .bind(1, q->si)
          .bind(2, std::string(dimension_key(q->dimension)))
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
            .bind(1, q.si)
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

std::vector<AuditEntry> Store::audit(const std::string& entity, std::int64_t entity_id) {
  std::vector<AuditEntry> out;
  auto s = db_.prepare(
      "SELECT id, at_utc, actor, entity, entity_id, action, field, previous_value, new_value, "
      "reason, prev_hash, row_hash FROM audit WHERE (?1 = '' OR (entity = ?1 AND entity_id = ?2)) "
      "ORDER BY id");
  s.bind(1, entity).bind(2, entity_id);
  while (s.step()) {
    out.push_back({s.integer(0), s.text(1), s.text(2), s.text(3), s.integer(4), s.text(5),
                   s.text(6), s.text(7), s.text(8), s.text(9), s.text(10), s.text(11)});
  }
  return out;
}

std::string Store::verify_audit_chain() {
  std::string prev(64, '0');
  for (const auto& e : audit()) {
    if (e.prev_hash != prev) return "audit entry " + std::to_string(e.id) + ": chain broken";
    if (hash_row(e) != e.row_hash) {
      return "audit entry " + std::to_string(e.id) + ": content does not match its hash";
    }
    prev = e.row_hash;
  }
  return {};
}

}  // namespace lb::records
