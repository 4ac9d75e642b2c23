#include "records/reproduce.hpp"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "eligibility/eligibility.hpp"
#include "io/sha256.hpp"
#include "patient/patient_loader.hpp"
#include "plan/build_plan.hpp"
#include "protocol/protocol_loader.hpp"
#include "report/plan_json.hpp"
#include "schedule/calendar.hpp"
#include "version.hpp"

namespace lb::records {

namespace {
using nlohmann::json;

// The program version is context, not a result: comparing it would make every
// plan "different" after any update, hiding the differences that matter.
constexpr const char* kVersionKey = "liverbridge_version";

void diff(const json& a, const json& b, const std::string& path, std::vector<JsonDifference>& out) {
  if (a.is_object() && b.is_object()) {
    for (const auto& [key, value] : a.items()) {
      if (path.empty() && key == kVersionKey) continue;
      const std::string child = path + "/" + key;
      if (b.contains(key)) {
        diff(value, b[key], child, out);
      } else {
        out.push_back({child, value.dump(), "(absent)"});
      }
    }
    for (const auto& [key, value] : b.items()) {
      if (path.empty() && key == kVersionKey) continue;
      if (!a.contains(key)) out.push_back({path + "/" + key, "(absent)", value.dump()});
    }
    return;
  }
  if (a.is_array() && b.is_array()) {
    const std::size_t n = std::max(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i) {
      const std::string child = path + "/" + std::to_string(i);
      if (i >= a.size()) {
        out.push_back({child, "(absent)", b[i].dump()});
      } else if (i >= b.size()) {
        out.push_back({child, a[i].dump(), "(absent)"});
      } else {
        diff(a[i], b[i], child, out);
      }
    }
    return;
  }
  if (a != b) out.push_back({path.empty() ? "/" : path, a.dump(), b.dump()});
}
}  // namespace

std::vector<JsonDifference> json_differences(const std::string& stored, const std::string& rerun) {
  std::vector<JsonDifference> out;
  const auto a = json::parse(stored, nullptr, false);
  const auto b = json::parse(rerun, nullptr, false);
  if (a.is_discarded() || b.is_discarded()) {
    out.push_back({"/", a.is_discarded() ? "(not JSON)" : "(JSON)",
                   b.is_discarded() ? "(not JSON)" : "(JSON)"});
    return out;
  }
  diff(a, b, "", out);
  return out;
}

Reproduction reproduce_plan(const PlanRecord& plan) {
  Reproduction r;
  r.current_version = kVersion;
  const auto stored = json::parse(plan.plan_json, nullptr, false);
  if (!stored.is_discarded()) r.stored_version = stored.value(kVersionKey, "");

  const auto patient = patient::parse_patient(plan.patient_text, plan.patient_file);
  const auto protocol = protocol::parse_protocol(plan.protocol_text, plan.protocol_file);
  if (!patient.patient || !protocol.protocol) {
    r.failure = std::string("the stored ") + (!patient.patient ? "patient" : "protocol") +
                " text no longer loads (" +
                std::to_string((!patient.patient ? patient.diagnostics : protocol.diagnostics)
                                   .count(diag::Severity::error)) +
                " errors)";
    return r;
  }
  eligibility::Overrides overrides;
  const auto o = json::parse(plan.overrides_json, nullptr, false);
  if (o.is_array()) {
    for (const auto& pair : o) {
      if (pair.is_array() && pair.size() == 2 && pair[0].is_string() && pair[1].is_string()) {
        overrides.emplace_back(pair[0].get<std::string>(), pair[1].get<std::string>());
      }
    }
  }
  plan::PlanRequest request{*patient.patient,
                            plan.patient_file,
                            *protocol.protocol,
                            plan.protocol_file,
                            io::sha256_hex(plan.protocol_text),
                            overrides};
  if (!plan.course_start.empty()) {
    const auto start = schedule::parse_local_time(plan.course_start);
    if (!start.value) {
      r.failure =
          "the stored course start '" + plan.course_start + "' no longer reads: " + start.error;
      return r;
    }
    request.start = start.value;
  }
  std::string rerun;
  try {
    rerun = report::render_json(plan::build_plan(request));
  } catch (const std::exception& e) {
    r.failure = std::string("the plan can no longer be computed: ") + e.what();
    return r;
  }
  r.differences = json_differences(plan.plan_json, rerun);
  r.reproduced = r.differences.empty();
  return r;
}

}  // namespace lb::records
