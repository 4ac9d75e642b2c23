#include "sim/alarms/alarm_board.hpp"

#include <stdexcept>

namespace lb::sim::alarms {

AlarmBoard::AlarmBoard(std::vector<AlarmSpec> specs)
    : specs_(std::move(specs)), entries_(specs_.size()) {}

std::size_t AlarmBoard::index(std::string_view id) const {
  for (std::size_t i = 0; i < specs_.size(); ++i) {
    if (specs_[i].id == id) return i;
  }
  throw std::out_of_range("no alarm '" + std::string(id) + "' in this scenario");
}

void AlarmBoard::move(std::int64_t t_s, std::size_t i, State to, Cause cause) {
  Entry& e = entries_[i];
  if (e.state == to) return;
  log_.push_back(Transition{t_s, specs_[i].id, e.state, to, cause});
  e.state = to;
}

void AlarmBoard::settle(std::int64_t t_s, std::size_t i, Cause on_cause, Cause off_cause) {
  Entry& e = entries_[i];
  const bool on = effective(e);
  if (e.suppressed) {
    move(t_s, i, State::inactive, Cause::suppressed);
    return;
  }
  switch (e.state) {
    case State::inactive:
      if (on) move(t_s, i, State::active, on_cause);
      break;
    case State::active:
      // A latching alarm keeps sounding until it is acknowledged.
      if (!on && !specs_[i].latching) move(t_s, i, State::inactive, off_cause);
      break;
    case State::acknowledged:
      if (!on) move(t_s, i, State::inactive, off_cause);
      break;
    case State::silenced:
      if (!on && !specs_[i].latching) move(t_s, i, State::inactive, off_cause);
      break;
  }
}

void AlarmBoard::set_condition(std::int64_t t_s, std::string_view id, bool condition) {
  const std::size_t i = index(id);
  entries_[i].condition = condition;
  settle(t_s, i, Cause::condition, Cause::cleared);
}

void AlarmBoard::tick(std::int64_t t_s) {
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    Entry& e = entries_[i];
    if (e.state != State::silenced || t_s < e.silence_until) continue;
    if (effective(e) || specs_[i].latching) {
      move(t_s, i, State::active, Cause::silence_ended);
    } else {
      move(t_s, i, State::inactive, Cause::cleared);
    }
  }
}

bool AlarmBoard::acknowledge(std::int64_t t_s, std::string_view id) {
  const std::size_t i = index(id);
  Entry& e = entries_[i];
  if (e.state != State::active && e.state != State::silenced) return false;
  // Acknowledging a latched alarm whose condition has gone ends it.
  move(t_s, i, effective(e) ? State::acknowledged : State::inactive, Cause::acknowledged);
  return true;
}

bool AlarmBoard::silence(std::int64_t t_s, std::string_view id) {
  const std::size_t i = index(id);
  Entry& e = entries_[i];
  if (e.state != State::active) return false;
  e.silence_until = t_s + specs_[i].silence_s;
  move(t_s, i, State::silenced, Cause::silenced);
  return true;
}

void AlarmBoard::inject(std::int64_t t_s, std::string_view id) {
  const std::size_t i = index(id);
  entries_[i].injected = true;
  entries_[i].suppressed = false;
  settle(t_s, i, Cause::injected, Cause::released);
}

void AlarmBoard::suppress(std::int64_t t_s, std::string_view id) {
  const std::size_t i = index(id);
  entries_[i].suppressed = true;
  entries_[i].injected = false;
  settle(t_s, i, Cause::condition, Cause::suppressed);
}

void AlarmBoard::release(std::int64_t t_s, std::string_view id) {
  const std::size_t i = index(id);
  entries_[i].injected = false;
  entries_[i].suppressed = false;
  settle(t_s, i, Cause::condition, Cause::released);
}

State AlarmBoard::state(std::string_view id) const { return entries_[index(id)].state; }

std::optional<Priority> AlarmBoard::highest_sounding() const {
  std::optional<Priority> best;
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    const State s = entries_[i].state;
    if (s != State::active && s != State::silenced) continue;
    if (!best || specs_[i].priority > *best) best = specs_[i].priority;
  }
  return best;
}

}  // namespace lb::sim::alarms
