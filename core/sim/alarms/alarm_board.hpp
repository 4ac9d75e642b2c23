// The alarm state machine of a simulated run: device, monitor and lab alarms with the priority
// categories of IEC 60601-1-8 (low, medium, high), latching, acknowledge and silence, and the
// instructor's injections and suppressions. Every change of state is one Transition with the
// simulated time and its cause; the runner writes them to the timeline, so the debrief can
// count alarms and measure time to acknowledge.
//
//   inactive --condition--> active --acknowledge--> acknowledged --condition clears--> inactive
//                             |  \--silence--> silenced --silence ends, condition or latched-->
//                             active
//                             \--condition clears--> inactive (non-latching) / stays active
//                             (latching)
//
// A latching alarm keeps sounding after its condition has cleared until someone acknowledges
// it (IEC 60601-1-8 "latching alarm signal"); acknowledging an alarm whose condition has
// cleared ends it. Silence pauses the tone for the alarm's silence time; if the condition
// (or the latch) is still there when it ends, the alarm sounds again.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/enum_names.hpp"

namespace lb::sim::alarms {

enum class Priority { low, medium, high };
enum class Source { device, monitor, lab };
enum class State { inactive, active, acknowledged, silenced };
/// Why a transition happened.
enum class Cause {
  condition,      ///< the alarm condition became true
  cleared,        ///< the condition became false
  acknowledged,   ///< a trainee acknowledged the alarm
  silenced,       ///< a trainee silenced the tone
  silence_ended,  ///< the silence time ran out while the condition (or latch) remained
  injected,       ///< the instructor raised the alarm
  suppressed,     ///< the instructor suppressed the alarm
  released,       ///< the instructor ended an injection or a suppression
};

inline constexpr auto kPriorityNames = text::enum_names<Priority>(
    {{Priority::low, "low"}, {Priority::medium, "medium"}, {Priority::high, "high"}});
inline constexpr auto kSourceNames = text::enum_names<Source>(
    {{Source::device, "device"}, {Source::monitor, "monitor"}, {Source::lab, "lab"}});
inline constexpr auto kStateNames = text::enum_names<State>({{State::inactive, "inactive"},
                                                             {State::active, "active"},
                                                             {State::acknowledged, "acknowledged"},
                                                             {State::silenced, "silenced"}});
inline constexpr auto kCauseNames =
    text::enum_names<Cause>({{Cause::condition, "condition"},
                             {Cause::cleared, "cleared"},
                             {Cause::acknowledged, "acknowledged"},
                             {Cause::silenced, "silenced"},
                             {Cause::silence_ended, "silence_ended"},
                             {Cause::injected, "injected"},
                             {Cause::suppressed, "suppressed"},
                             {Cause::released, "released"}});
static_assert(kPriorityNames.unique() && kSourceNames.unique() && kStateNames.unique() &&
              kCauseNames.unique());

/// One alarm as the scenario defines it.
struct AlarmSpec {
  std::string id;
  Source source = Source::device;
  Priority priority = Priority::medium;
  bool latching = false;
  std::int64_t silence_s = 120;  ///< how long `silence` pauses the tone (scenario value)
};

struct Transition {
  std::int64_t t_s = 0;  ///< simulated seconds since the start of the run
  std::string alarm;
  State from = State::inactive;
  State to = State::inactive;
  Cause cause = Cause::condition;
};

class AlarmBoard {
 public:
  explicit AlarmBoard(std::vector<AlarmSpec> specs);

  /// Sets the alarm's condition as evaluated at `t_s` (state, event or lab rule). Unknown ids
  /// throw std::out_of_range: the scenario loader has checked every id.
  void set_condition(std::int64_t t_s, std::string_view id, bool condition);
  /// Ends silences whose time has run out; call once per step after the conditions.
  void tick(std::int64_t t_s);

  /// Trainee acts; false (and nothing logged) when the alarm is not in a state that allows it.
  bool acknowledge(std::int64_t t_s, std::string_view id);
  bool silence(std::int64_t t_s, std::string_view id);

  /// Instructor acts: inject raises the alarm whatever its condition until released;
  /// suppress holds it inactive whatever its condition until released.
  void inject(std::int64_t t_s, std::string_view id);
  void suppress(std::int64_t t_s, std::string_view id);
  void release(std::int64_t t_s, std::string_view id);

  [[nodiscard]] State state(std::string_view id) const;
  [[nodiscard]] const std::vector<AlarmSpec>& specs() const { return specs_; }
  [[nodiscard]] const std::vector<Transition>& transitions() const { return log_; }
  /// The active or silenced alarms of the highest priority present, or nullopt when quiet.
  [[nodiscard]] std::optional<Priority> highest_sounding() const;

 private:
  struct Entry {
    State state = State::inactive;
    bool condition = false;
    bool injected = false;
    bool suppressed = false;
    std::int64_t silence_until = 0;
  };
  std::size_t index(std::string_view id) const;
  [[nodiscard]] bool effective(const Entry& e) const {
    return (e.condition || e.injected) && !e.suppressed;
  }
  void move(std::int64_t t_s, std::size_t i, State to, Cause cause);
  /// Re-evaluates one alarm after its inputs changed.
  void settle(std::int64_t t_s, std::size_t i, Cause on_cause, Cause off_cause);

  std::vector<AlarmSpec> specs_;
  std::vector<Entry> entries_;
  std::vector<Transition> log_;
};

}  // namespace lb::sim::alarms
