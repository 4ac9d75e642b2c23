// Names of the schedule and kinetics choices exactly as spelt in protocol YAML.
#include "protocol/course_settings.hpp"

#include "protocol/names.hpp"

namespace lb::protocol {

std::string_view to_string(SchedulePattern p) { return names::kSchedulePattern.name(p); }

const std::vector<std::pair<std::string, Solute>>& solute_words() {
  static const auto kWords = names::kSolute.options();
  return kWords;
}

std::string_view to_string(Solute s) { return names::kSolute.name(s); }

std::string_view solute_label(Solute s) {
  switch (s) {
    case Solute::bilirubin: return "Bilirubin";
    case Solute::ammonia: return "Ammonia";
    case Solute::inr: return "INR";
    case Solute::factor_v: return "Factor V";
    case Solute::pta: return "Prothrombin activity";
    case Solute::albumin: return "Albumin";
    case Solute::fibrinogen: return "Fibrinogen";
    case Solute::igg: return "IgG";
    default: break;  // not a solute the kinetics engine predicts
  }
  return "Bilirubin";
}

std::string_view to_string(KineticModel m) { return names::kKineticModel.name(m); }

std::string_view to_string(StopComparison c) { return names::kStopComparison.name(c); }

const std::vector<std::string>& stop_event_words() {
  static const std::vector<std::string> kWords = {"transplant", "recovery", "death"};
  return kWords;
}

std::vector<int> session_days(const ScheduleSettings& s) {
  std::vector<int> days;
  if (s.pattern == SchedulePattern::custom) return s.days;
  int day = 1;
  for (int i = 0; i < s.sessions; ++i) {
    days.push_back(day);
    const bool daily =
        s.pattern == SchedulePattern::daily ||
        (s.pattern == SchedulePattern::daily_then_alternate && i + 1 < s.daily_sessions);
    day += daily ? 1 : 2;
  }
  return days;
}

}  // namespace lb::protocol
