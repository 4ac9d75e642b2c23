#include "io/sha256.hpp"
#include "records/store.hpp"

// The append-only audit log: each entry carries the hash of the one before it.
namespace lb::records {

namespace {
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
}  // namespace

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
