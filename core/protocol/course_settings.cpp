// Names of the schedule and kinetics choices exactly as spelt in protocol YAML.
#include "protocol/course_settings.hpp"

namespace lb::protocol {

std::string_view to_string(SchedulePattern p) {
  switch (p) {
    case SchedulePattern::daily: return "daily";
    case SchedulePattern::alternate_days: return "alternate_days";
    case SchedulePattern::custom: return "custom";
    case SchedulePattern::daily_then_alternate: return "daily_then_alternate";
  }
  return "daily";
}

const std::vector<std::pair<std::string, Solute>>& solute_words() {
  static const std::vector<std::pair<std::string, Solute>> kWords = {
      {"bilirubin", Solute::bilirubin},
      {"ammonia", Solute::ammonia},
      {"inr", Solute::inr},
      {"factor_v", Solute::factor_v},
      {"pta", Solute::pta},
      {"albumin", Solute::albumin},
      {"fibrinogen", Solute::fibrinogen},
      {"igg", Solute::igg}};
  return kWords;
}

std::string_view to_string(Solute s) {
  for (const auto& [word, value] : solute_words()) {
    if (value == s) return word;
  }
  return "bilirubin";
}

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

std::string_view to_string(KineticModel m) {
  switch (m) {
    case KineticModel::one_compartment: return "one_compartment";
    case KineticModel::replacement_aware: return "replacement_aware";
    case KineticModel::two_compartment: return "two_compartment";
  }
  return "one_compartment";
}

std::string_view to_string(StopComparison c) {
  return c == StopComparison::below ? "below" : "above";
}

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
