// "Save attempt": the finished attempt of the current branch goes to the training store
// (core/training: its own tables in the records database file named as the command line's
// --db, never among real patients), with the trainee labels typed here, who saves it, the
// self-rating, the trace and, when it was made for this branch, the debrief JSON. A retry
// whose parent attempt was saved from this window is stored as a branch of it. Failures say
// why in the window (the store's diagnostics); nothing is written then.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <exception>
#include <string>
#include <vector>

#include "gui/gui_common.hpp"
#include "io/sha256.hpp"
#include "sim/debrief/debrief_json.hpp"
#include "sim/sim_panels.hpp"
#include "sim/sim_state.hpp"
#include "training/attempt_check.hpp"
#include "training/attempt_store.hpp"

namespace lb::simui {

namespace {

std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

/// "trainee A, TR-07" -> {"trainee A", "TR-07"}; empty pieces are dropped.
std::vector<std::string> labels(const std::string& typed) {
  std::vector<std::string> out;
  std::size_t from = 0;
  while (from <= typed.size()) {
    const auto comma = typed.find(',', from);
    const std::string piece =
        trimmed(typed.substr(from, comma == std::string::npos ? std::string::npos : comma - from));
    if (!piece.empty()) out.push_back(piece);
    if (comma == std::string::npos) break;
    from = comma + 1;
  }
  return out;
}

void fail(SimState& s, std::string why) {
  s.save_failed = true;
  s.save_message = "Not saved: " + std::move(why);
}

}  // namespace

bool save_attempt(SimState& s) {
  Branch* b = current_branch(s);
  if (b == nullptr) {
    fail(s, "no attempt is running.");
    return false;
  }
  if (!b->runner.finished()) {
    fail(s, "the attempt has not ended; run it to the end or end the scenario first.");
    return false;
  }
  if (b->saved_id) {
    fail(s, "attempt " + std::to_string(b->number) + " is already stored as attempt " +
                std::to_string(*b->saved_id) + ".");
    return false;
  }
  if (s.attempts_db.empty()) {
    fail(s, "no records database file is set (--db).");
    return false;
  }
  training::AttemptInput in;
  const std::string id = b->runner.scenario().id;
  in.timeline = {"attempt " + std::to_string(b->number) + " of " + id + " (timeline)",
                 b->runner.timeline()};
  in.timeline_sha256 = io::sha256_hex(in.timeline.text);
  in.scenario_sha256 = s.scenario_sha256;
  in.trace = training::NamedText{"attempt " + std::to_string(b->number) + " of " + id + " (trace)",
                                 b->runner.trace()};
  // The debrief goes with the attempt when it was made from exactly this timeline.
  if (s.debrief && s.debrief_branch == s.current &&
      s.debrief->stage.timeline_sha256 == in.timeline_sha256) {
    in.debrief = training::NamedText{"debrief", sim::debrief::debrief_json(*s.debrief)};
  }
  in.trainees = labels(s.save_trainees);
  in.instructor = trimmed(s.save_instructor);
  in.saved_by = trimmed(s.save_by);
  in.self_rating = b->self_rating;
  if (b->parent >= 0) {
    const Branch& parent = s.branches[static_cast<std::size_t>(b->parent)];
    if (parent.saved_id) {
      in.parent = training::AttemptId(*parent.saved_id);
      in.branch_at_s = b->branched_at;
    }
  }
  try {
    training::SqliteAttemptStore store(s.attempts_db);
    const auto saved = store.save(in);
    b->saved_id = saved.raw();
    s.save_failed = false;
    s.save_message = "Attempt " + std::to_string(b->number) + " saved as training attempt " +
                     saved.str() + " in " + s.attempts_db +
                     " (training tables, apart from the patients' records).";
    if (b->parent >= 0 && !in.parent) {
      s.save_message += " Its parent attempt was not saved, so it is stored without the link.";
    }
    return true;
  } catch (const training::AttemptRefused& e) {
    fail(s, e.what());
  } catch (const std::exception& e) {
    fail(s, std::string("the training store at ") + s.attempts_db +
                " could not be written: " + e.what());
  }
  return false;
}

void draw_save_attempt(gui::AppState& s) {
  SimState& sim = s.sim;
  const Branch* b = current_branch(sim);
  if (b == nullptr || !b->runner.finished()) return;
  gui::heading("Save this attempt (training records)");
  if (b->saved_id) {
    ImGui::TextColored(gui::kColourOk, "Stored as training attempt %lld.",
                       static_cast<long long>(*b->saved_id));
    gui::record_rect(s, "sim.save.done");
  } else {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Trainees");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(gui::em(14.0f));
    ImGui::InputTextWithHint("##trainees", "pseudonyms, comma-separated", &sim.save_trainees);
    gui::record_rect(s, "sim.save.trainees");
    ImGui::SameLine();
    ImGui::TextUnformatted("Instructor");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(gui::em(9.0f));
    ImGui::InputText("##instructor", &sim.save_instructor);
    gui::record_rect(s, "sim.save.instructor");
    ImGui::SameLine();
    ImGui::TextUnformatted("Saved by");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(gui::em(9.0f));
    ImGui::InputText("##by", &sim.save_by);
    gui::record_rect(s, "sim.save.by");
    ImGui::SameLine();
    if (ImGui::Button("Save attempt")) save_attempt(sim);
    gui::record_rect(s, "sim.save.button");
  }
  if (!sim.save_message.empty()) {
    if (sim.save_failed) {
      ImGui::PushStyleColor(ImGuiCol_Text, gui::kColourError);
      ImGui::TextWrapped("%s", sim.save_message.c_str());
      ImGui::PopStyleColor();
    } else {
      ImGui::PushStyleColor(ImGuiCol_Text, gui::kColourMuted);
      ImGui::TextWrapped("%s", sim.save_message.c_str());
      ImGui::PopStyleColor();
    }
    gui::record_rect(s, "sim.save.message");
  }
  ImGui::Separator();
}

}  // namespace lb::simui
