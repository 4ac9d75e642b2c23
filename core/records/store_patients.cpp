#include "records/store.hpp"
#include "records/store_checks.hpp"

namespace lb::records {

using detail::check_actor;
using detail::check_one_line;

std::int64_t Store::patient_id_or_throw(const PatientId& patient) {
  auto s = db_.prepare("SELECT id FROM patients WHERE pseudonym = ?");
  s.bind(1, patient.str());
  if (!s.step()) {
    throw InputError("unknown patient '" + patient.str() +
                     "' (add it with 'liverbridge record patient')");
  }
  return s.integer(0);
}

std::int64_t Store::add_patient(const PatientId& patient, const std::string& actor) {
  check_actor(actor);
  const std::string& pseudonym = patient.str();
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

void Store::acknowledge(const PatientId& patient, const std::string& what,
                        const std::string& actor) {
  check_actor(actor);
  check_one_line("the acknowledgement", what);
  db_.write_transaction([&] {
    append_audit(actor, "patient", patient_id_or_throw(patient), "create", "seen", "", what, "");
  });
}

std::optional<PatientRecord> Store::find_patient(const PatientId& patient) {
  auto s =
      db_.prepare("SELECT id, pseudonym, created_at, created_by FROM patients WHERE pseudonym = ?");
  s.bind(1, patient.str());
  if (!s.step()) return std::nullopt;
  return PatientRecord{s.integer(0), PatientId(s.text(1)), s.text(2), s.text(3)};
}

std::vector<PatientRecord> Store::patients() {
  std::vector<PatientRecord> out;
  auto s =
      db_.prepare("SELECT id, pseudonym, created_at, created_by FROM patients ORDER BY pseudonym");
  while (s.step()) out.push_back({s.integer(0), PatientId(s.text(1)), s.text(2), s.text(3)});
  return out;
}

}  // namespace lb::records
