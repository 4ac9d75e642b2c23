// Helpers shared by the simulation panels: alarm colours always paired with words, values
// with units, titled panels in font units.
#include <cstdio>

#include "gui/gui_common.hpp"
#include "sim/sim_panels.hpp"
#include "sim/sim_state.hpp"

namespace lb::simui {

using sim::alarms::Priority;
using sim::alarms::State;

ImVec4 priority_colour(Priority p) {
  switch (p) {
    case Priority::high: return gui::kColourError;
    case Priority::medium: return gui::kColourWarning;
    case Priority::low: return gui::kColourAccent;
  }
  return gui::kColourMuted;
}

const char* priority_word(Priority p) {
  switch (p) {
    case Priority::high: return "HIGH";
    case Priority::medium: return "MEDIUM";
    case Priority::low: return "LOW";
  }
  return "";
}

const char* alarm_state_word(State st) {
  switch (st) {
    case State::active: return "ACTIVE";
    case State::acknowledged: return "ACKNOWLEDGED";
    case State::silenced: return "SILENCED";
    case State::inactive: return "inactive";
  }
  return "";
}

std::string words(std::string_view id) {
  std::string out(id);
  for (char& c : out) {
    if (c == '_') c = ' ';
  }
  return out;
}

std::optional<Priority> variable_alarm(const gui::AppState& s, std::string_view variable) {
  const auto* r = runner(s.sim);
  if (r == nullptr) return std::nullopt;
  std::optional<Priority> out;
  for (const auto& rule : r->scenario().alarms) {
    if (!rule.when || rule.when->kind != sim::scenario::Condition::Kind::compare) continue;
    if (rule.when->compare.threshold.variable != variable) continue;
    if (rule.spec.source == sim::alarms::Source::lab) continue;  // a lab alarm reads results
    const State st = r->alarm_board().state(rule.spec.id);
    if (st != State::active && st != State::silenced) continue;
    if (!out || rule.spec.priority > *out) out = rule.spec.priority;
  }
  return out;
}

std::string value_text(std::optional<double> v, int decimals, std::string_view unit) {
  if (!v) return "\u2014";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, *v);
  std::string out = buf;
  if (!unit.empty()) {
    if (unit != "%") out += ' ';
    out += unit;
  }
  return out;
}

bool begin_panel(const char* id, const char* title, ImVec2 size) {
  const bool open = ImGui::BeginChild(id, size, true);
  ImGui::PushFont(gui::bold_font());
  ImGui::TextColored(kSimFrame, "%s", title);
  ImGui::PopFont();
  ImGui::Separator();
  return open;
}

void end_panel() { ImGui::EndChild(); }

}  // namespace lb::simui
