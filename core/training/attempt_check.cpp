#include "training/attempt_check.hpp"

#include <algorithm>

#include "io/sha256.hpp"
#include "text/utf8.hpp"
#include "training/debrief_facts.hpp"
#include "training/file_text.hpp"
#include "training/trace_check.hpp"
#include "version.hpp"

namespace lb::training {

namespace {

// Problems of the input that is not a file are reported under this name.
const diag::Location kInput{"attempt", 0, 0};

void check_one_line(const char* key, const std::string& value, diag::Diagnostics& d) {
  if (const std::string problem = text::one_line_problem(value); !problem.empty()) {
    d.error(kInput, key, problem);
  }
}

void check_people(const AttemptInput& in, diag::Diagnostics& d) {
  if (in.saved_by.empty()) d.error(kInput, "saved_by", "who is saving the attempt? (required)");
  check_one_line("saved_by", in.saved_by, d);
  check_one_line("instructor", in.instructor, d);
  for (std::size_t i = 0; i < in.trainees.size(); ++i) {
    const std::string& label = in.trainees[i];
    if (label.empty() || label.size() > 64) {
      d.error(kInput, "trainee", "a trainee label has 1 to 64 characters");
    }
    check_one_line("trainee", label, d);
    if (std::find(in.trainees.begin(), in.trainees.begin() + static_cast<std::ptrdiff_t>(i),
                  label) != in.trainees.begin() + static_cast<std::ptrdiff_t>(i)) {
      d.error(kInput, "trainee", "'" + text::escaped(label) + "' is named twice");
    }
  }
}

void check_branch_and_times(const AttemptInput& in, diag::Diagnostics& d) {
  if (in.parent.has_value() != in.branch_at_s.has_value()) {
    d.error(kInput, "parent",
            "a retry names both the attempt it branched from and the second it restarted at");
  }
  if (in.branch_at_s && *in.branch_at_s < 0) {
    d.error(kInput, "branch_at_s", "the restart second is 0 or more");
  }
  if (in.started && in.ended && in.ended->epoch_seconds < in.started->epoch_seconds) {
    d.error(kInput, "ended",
            "the attempt ends (" + in.ended->utc + ") before it starts (" + in.started->utc + ")");
  }
  if (in.self_rating && (*in.self_rating < 1 || *in.self_rating > 5)) {
    d.error(kInput, "self_rating", "a whole number from 1 (went badly) to 5 (went well)");
  }
}

}  // namespace

AttemptRefused::AttemptRefused(diag::Diagnostics d)
    : records::InputError([&] {
        std::string message;
        for (const auto& item : d.sorted()) {
          if (!message.empty()) message += '\n';
          message += diag::format(item);
        }
        return message;
      }()),
      diagnostics_(std::move(d)) {}

AttemptCheck check_attempt(const AttemptInput& in) {
  AttemptCheck out;
  auto& d = out.diagnostics;
  check_people(in, d);
  check_branch_and_times(in, d);
  const auto scenario_hash_required = [&] {
    d.error(kInput, "scenario_sha256",
            "the SHA-256 of the scenario file is required (64 lower-case hex digits)");
  };
  if (!in.scenario_sha256.empty() && !is_sha256_hex(in.scenario_sha256)) scenario_hash_required();
  const std::string computed = io::sha256_hex(in.timeline.text);
  if (!in.timeline_sha256.empty() && in.timeline_sha256 != computed) {
    d.error(at(in.timeline, 0), "timeline_sha256",
            "the timeline's SHA-256 is " + computed + ", not the " +
                text::escaped(in.timeline_sha256) +
                " given: the file is not the one that was hashed");
  }
  auto facts = read_timeline_facts(in.timeline, d);
  if (!facts) {
    if (in.scenario_sha256.empty()) scenario_hash_required();
    return out;
  }
  // The start line names the scenario text that was run; a hash given besides must agree.
  std::string scenario_sha256 = in.scenario_sha256;
  if (scenario_sha256.empty()) scenario_sha256 = facts->scenario_sha256;
  if (scenario_sha256.empty()) scenario_hash_required();
  if (!facts->scenario_sha256.empty() && !in.scenario_sha256.empty() &&
      facts->scenario_sha256 != in.scenario_sha256) {
    d.error(at(in.timeline, 1), "scenario_sha256",
            "the run was made from scenario text with SHA-256 " + facts->scenario_sha256 +
                ", not the " + text::escaped(in.scenario_sha256) +
                " given: the scenario file changed since the run");
  }
  if (in.trace) check_trace(*in.trace, facts->figures.duration_s, d);
  CheckedAttempt checked{*facts, computed, scenario_sha256, in.program_version, in.self_rating};
  if (in.debrief) {
    const RunIdentity run{facts->scenario_id, facts->scenario_version, facts->seed, scenario_sha256,
                          computed};
    if (const auto debrief = read_debrief_facts(*in.debrief, run, d)) {
      if (in.self_rating && debrief->self_rating && *in.self_rating != *debrief->self_rating) {
        d.error(kInput, "self_rating",
                std::to_string(*in.self_rating) + ", but the debrief records " +
                    std::to_string(*debrief->self_rating));
      }
      if (!checked.self_rating) checked.self_rating = debrief->self_rating;
      if (checked.program_version.empty()) checked.program_version = debrief->program_version;
      auto& f = checked.timeline.figures;
      f.composite_score = debrief->composite_score;
      f.objectives_met = debrief->objectives_met;
      f.objectives_total = debrief->objectives_total;
    }
  }
  if (checked.program_version.empty()) checked.program_version = kVersion;
  check_one_line("program_version", checked.program_version, d);
  if (!d.has_errors()) out.attempt = std::move(checked);
  return out;
}

}  // namespace lb::training
