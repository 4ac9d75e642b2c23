// `liverbridge record ...`: add a patient, store an approved plan, add a
// performed session, correct a session field, list patients, show the audit
// trail. Bad input is refused with a clear message and nothing is written.
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <memory>
#include <ostream>
#include <string_view>

#include "bridge/context.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/print_diagnostics.hpp"
#include "io/atomic_write.hpp"
#include "patient/patient_loader.hpp"
#include "plan/plan.hpp"
#include "plan/plan_sources.hpp"
#include "protocol/protocol_loader.hpp"
#include "records/plan_capture.hpp"
#include "records/review.hpp"
#include "records/session_reader.hpp"
#include "records/store.hpp"
#include "text/utf8.hpp"

namespace lb::cli {

namespace {
struct RecordOptions {
  std::string db;
  // record patient
  std::string id;
  // record plan
  std::string patient_file, protocol, protocols_dir;
  std::vector<std::string> overrides, tolerances;
  std::string equilibration;
  std::string start;  ///< course start, local wall time ("" = day numbers)
  // record session
  std::string session_file;
  // record correct
  std::int64_t session_id = 0;
  std::string field, value, reason;
  // every write
  std::string by;
};

int add_patient(const RecordOptions& o, std::ostream& out) {
  records::Store store(records_database(o.db));
  const auto id = store.add_patient(records::PatientId(o.id), o.by);
  out << "patient " << text::escaped(o.id) << " recorded (record " << id << ")\n";
  return kExitOk;
}

int add_plan(const RecordOptions& o, std::ostream& out, std::ostream& err) {
  const std::string review_json = records::make_review_json(o.tolerances, o.equilibration);
  eligibility::Overrides overrides;
  for (const auto& text : o.overrides) {
    auto parsed = plan::parse_override_argument(text);
    if (!parsed) {
      err << "liverbridge: record plan: --override " << text << ": expected RULE_ID=\"reason\"\n";
      return kExitBadInput;
    }
    if (const std::string problem = text::one_line_problem(text); !problem.empty()) {
      err << "liverbridge: record plan: --override " << text::escaped(text) << ": " << problem
          << "\n";
      return kExitBadInput;
    }
    overrides.push_back(std::move(*parsed));
  }
  const auto protocol =
      protocol::resolve_protocol(o.protocol, protocols_directory(o.protocols_dir));
  if (!protocol.protocol) {
    print_diagnostics(protocol.diagnostics, err);
    err << "liverbridge: record plan: nothing stored: fix the protocol\n";
    return kExitBadInput;
  }
  std::string patient_text;
  try {
    patient_text = io::read_file(o.patient_file);
  } catch (const std::exception& e) {
    err << "liverbridge: record plan: " << e.what() << "\n";
    return kExitBadInput;
  }
  // A stored file is never changed: its bridge: section (read by the bridge view, not the patient
  // loader) must read now, or the bridge view could never place its values.
  const auto context = bridge::read_patient_context(patient_text, o.patient_file);
  if (context.diagnostics.has_errors()) {
    print_diagnostics(context.diagnostics, err);
    err << "liverbridge: record plan: nothing stored: fix the bridge: section\n";
    return kExitBadInput;
  }
  // The patient id is the one in the patient file: the record cannot name someone else.
  const auto patient = patient::parse_patient(patient_text, o.patient_file);
  const records::PatientId patient_id(patient.patient ? patient.patient->id : "");
  const auto capture = records::capture_plan({.patient = patient_id,
                                              .patient_text = patient_text,
                                              .patient_file = o.patient_file,
                                              .protocol_text = protocol.text,
                                              .protocol_file = protocol.file,
                                              .overrides = overrides,
                                              .review_json = review_json,
                                              .approved_by = o.by,
                                              .course_start = o.start});
  print_diagnostics(capture.diagnostics, err);
  if (!capture.input) {
    err << "liverbridge: record plan: nothing stored: " << capture.error << "\n";
    return kExitBadInput;
  }
  records::Store store(records_database(o.db));
  const auto id = store.add_plan(*capture.input);
  out << "plan " << id.str() << " stored for patient " << patient_id.str() << " (protocol "
      << capture.plan->protocol.id << " " << capture.plan->protocol.version << ", status "
      << plan::to_string(capture.plan->status()) << "), approved by " << o.by << "\n";
  return kExitOk;
}

int add_session(const RecordOptions& o, std::ostream& out, std::ostream& err) {
  const auto load = records::load_session_file(o.session_file);
  print_diagnostics(load.diagnostics, err);
  if (!load.session) {
    err << "liverbridge: record session: nothing stored: fix the errors above\n";
    return kExitBadInput;
  }
  records::Store store(records_database(o.db));
  const auto id = store.add_session(*load.session, o.by);
  out << "session " << id.str() << " recorded for patient " << load.session->patient.str() << "\n";
  return kExitOk;
}

int correct(const RecordOptions& o, std::ostream& out) {
  records::Store store(records_database(o.db));
  store.correct_session(records::SessionId(o.session_id), o.field, o.value, o.reason, o.by);
  out << "session " << o.session_id << ": " << o.field << " corrected to " << o.value
      << " (previous value kept in the audit trail)\n";
  return kExitOk;
}

int list_patients(const RecordOptions& o, std::ostream& out) {
  records::Store store(records_database(o.db));
  // Escaped: a database written by an older version, or edited by hand, may hold control
  // characters that would act on the terminal (ESC[2J) or forge lines.
  for (const auto& p : store.patients()) {
    out << text::escaped(p.pseudonym.str()) << "  (added " << text::escaped(p.created_at) << " by "
        << text::escaped(p.created_by) << ", " << store.plans_for(p.pseudonym).size() << " plans, "
        << store.sessions_for(p.pseudonym).size() << " sessions)\n";
  }
  return kExitOk;
}

int show_audit(const RecordOptions& o, std::ostream& out) {
  records::Store store(records_database(o.db));
  using text::escaped;
  for (const auto& e : store.audit()) {
    out << e.id << "  " << escaped(e.at_utc) << "  " << escaped(e.actor) << "  "
        << escaped(e.action) << " " << escaped(e.entity) << " " << e.entity_id << " "
        << escaped(e.field);
    if (e.action == "correct")
      out << ": " << escaped(e.previous_value) << " -> " << escaped(e.new_value);
    else
      out << ": " << escaped(e.new_value);
    if (!e.reason.empty()) out << "  (" << escaped(e.reason) << ")";
    out << "\n";
  }
  const auto problem = store.verify_audit_chain();
  out << (problem.empty() ? "hash chain verified\n" : "HASH CHAIN BROKEN: " + problem + "\n");
  return problem.empty() ? kExitOk : kExitBadInput;
}
}  // namespace

std::string records_database(const std::string& option) {
  if (!option.empty()) return option;
  return records::default_database_path(std::getenv("XDG_DATA_HOME"), std::getenv("HOME"));
}

int guarded_records_run(const char* command, std::ostream& err, const std::function<int()>& body) {
  try {
    return body();
  } catch (const records::InputError& e) {
    const bool writes = std::string_view(command) == "record";
    err << "liverbridge: " << command << ": " << (writes ? "nothing written: " : "") << e.what()
        << "\n";
    return kExitBadInput;
  } catch (const records::DbError& e) {
    // --db naming a file that is not a LiverBridge records database (a text file, another
    // program's SQLite file, a damaged or unreadable file) is the user's mistake, not a bug.
    switch (e.code() & 0xFF) {
      case SQLITE_NOTADB:
      case SQLITE_MISMATCH:
      case SQLITE_CORRUPT:
      case SQLITE_CANTOPEN:
      case SQLITE_PERM:
      case SQLITE_READONLY:
      case SQLITE_AUTH:
        err << "liverbridge: " << command << ": " << e.what()
            << " (choose a LiverBridge records database with --db FILE)\n";
        return kExitBadInput;
      default: break;
    }
    err << "liverbridge: " << command << ": database error: " << e.what() << "\n";
    return kExitInternal;
  }
}

RegisteredCommand add_record_command(CLI::App& app) {
  auto o = std::make_shared<RecordOptions>();
  auto* cmd = app.add_subcommand("record",
                                 "Session records: patients, approved plans, "
                                 "performed sessions, corrections (docs/records.md)");
  cmd->require_subcommand(1);
  const auto common = [&](CLI::App* sub, bool writes) {
    sub->add_option("--db", o->db,
                    "Records database (default: $XDG_DATA_HOME/liverbridge/records.db)");
    if (writes) sub->add_option("--by", o->by, "Who is recording (name or staff id)")->required();
  };
  auto* patient = cmd->add_subcommand("patient", "Add a patient by pseudonymous id");
  patient->add_option("--id", o->id, "Pseudonymous patient id (as in the patient file)")
      ->required();
  common(patient, true);

  auto* plan = cmd->add_subcommand("plan", "Compute and store an approved plan");
  plan->add_option("--patient", o->patient_file, "Patient YAML file")->required();
  plan->add_option("--protocol", o->protocol, "Protocol YAML file or bundled protocol id")
      ->required();
  plan->add_option("--protocols-dir", o->protocols_dir, "Directory searched for protocol ids");
  plan->add_option("--override", o->overrides, "RULE_ID=\"reason\" (repeatable)");
  plan->add_option(
      "--tolerance", o->tolerances,
      "ITEM=PERCENT allowed deviation for the review, e.g. plasma_removed=10% (repeatable)");
  plan->add_option(
      "--equilibration", o->equilibration,
      "Post labs this long after the end count as re-equilibrated (default 12 h, ASFA 2023)");
  plan->add_option("--start", o->start,
                   "Course start, local wall time (e.g. 2026-12-05T08:00); stored with the plan");
  plan->add_option("--approved-by", o->by, "Who approved the plan")->required();
  plan->add_option("--db", o->db,
                   "Records database (default: $XDG_DATA_HOME/liverbridge/records.db)");

  auto* session = cmd->add_subcommand("session", "Add a performed session from a YAML file");
  session->add_option("--file", o->session_file, "Session YAML file (format: docs/records.md)")
      ->required();
  common(session, true);

  auto* fix = cmd->add_subcommand("correct", "Correct one field of a session, with a reason");
  fix->add_option("--session", o->session_id, "Session record id")->required();
  fix->add_option("--field", o->field, "Field, e.g. plasma_removed, ended_at, post.bilirubin")
      ->required();
  fix->add_option("--value", o->value, "New value with its unit, e.g. \"9.5 L\"")->required();
  fix->add_option("--reason", o->reason, "Why the record is corrected")->required();
  common(fix, true);

  auto* list = cmd->add_subcommand("patients", "List patients");
  common(list, false);
  auto* audit = cmd->add_subcommand("audit", "Show the audit trail and verify its hash chain");
  common(audit, false);

  return {cmd, [o, patient, plan, session, fix, list, audit](std::ostream& out, std::ostream& err) {
            return guarded_records_run("record", err, [&]() -> int {
              if (*patient) return add_patient(*o, out);
              if (*plan) return add_plan(*o, out, err);
              if (*session) return add_session(*o, out, err);
              if (*fix) return correct(*o, out);
              if (*list) return list_patients(*o, out);
              if (*audit) return show_audit(*o, out);
              return kExitBadInput;
            });
          }};
}

}  // namespace lb::cli
