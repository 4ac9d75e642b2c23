#include <nlohmann/json.hpp>

#include "records/store.hpp"
#include "records/store_checks.hpp"
#include "version.hpp"

namespace lb::records {

using detail::check_actor;

PlanId Store::add_plan(const PlanInput& plan) {
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
                 plan.patient.str() + " " + json["protocol"].value("id", "") + " sha256:" + sha,
                 plan.overrides_json == "[]" ? "" : "overrides: " + plan.overrides_json);
  });
  return PlanId(id);
}

namespace {
constexpr const char* kPlanColumns =
    "SELECT p.id, pt.pseudonym, p.patient_file, p.patient_text, p.protocol_file, "
    "p.protocol_text, p.protocol_sha256, p.protocol_id, p.protocol_version, p.plan_json, "
    "p.overrides_json, p.review_json, p.software_version, p.approved_by, p.approved_at, "
    "p.course_start FROM plans p JOIN patients pt ON pt.id = p.patient_id ";

PlanRecord read_plan(const Statement& s) {
  return {PlanId(s.integer(0)),
          PatientId(s.text(1)),
          s.text(2),
          s.text(3),
          s.text(4),
          s.text(5),
          s.text(6),
          s.text(7),
          s.text(8),
          s.text(9),
          s.text(10),
          s.text(11),
          s.text(12),
          s.text(13),
          s.text(14),
          s.text(15)};
}
}  // namespace

std::optional<PlanRecord> Store::plan(PlanId id) {
  auto s = db_.prepare(std::string(kPlanColumns) + "WHERE p.id = ?");
  s.bind(1, id.raw());
  if (!s.step()) return std::nullopt;
  return read_plan(s);
}

std::vector<PlanRecord> Store::plans_for(const PatientId& patient) {
  std::vector<PlanRecord> out;
  auto s = db_.prepare(std::string(kPlanColumns) + "WHERE pt.pseudonym = ? ORDER BY p.id");
  s.bind(1, patient.str());
  while (s.step()) out.push_back(read_plan(s));
  return out;
}

}  // namespace lb::records
