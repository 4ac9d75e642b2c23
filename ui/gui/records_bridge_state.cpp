// The bridge view's actions for the records screens: compute the selected patient's view
// with the same core calls as `liverbridge bridge` (bundled rule file, records, build_view),
// and write the clinician's "seen" to the audit trail. Nothing else is written: the view
// decides nothing and never touches a plan.
#include <exception>

#include "bridge/gather.hpp"
#include "bridge/rule_loader.hpp"
#include "gui/app_state.hpp"
#include "gui/data_dirs.hpp"
#include "records/store.hpp"
#include "records/timestamp.hpp"
#include "text/format.hpp"

namespace lb::gui {

namespace {

std::string rule_file() { return bridge::bundled_rule_file(program_data_dirs().rules); }

/// The typed re-assessment time, or now when none is typed; empty with `error` set when bad.
std::optional<records::Timestamp> view_time(const BridgeViewState& b, std::string& error) {
  const std::string typed = text::trimmed(b.at_input);
  if (typed.empty()) return records::now_utc();
  const auto parsed = records::parse_timestamp(typed);
  if (!parsed.value) error = "Re-assessment time: " + parsed.error;
  return parsed.value;
}

}  // namespace

void ensure_bridge_view(AppState& s) {
  auto& r = s.records;
  auto& b = r.bridge;
  if (r.selected.empty()) return;
  const std::string key = r.db_path + "|" + r.selected.str() + "|" + text::trimmed(b.at_input);
  if (b.computed_for == key) return;
  b.computed_for = key;
  b.view.reset();
  b.error.clear();
  b.problems.clear();
  if (!b.rules) {
    auto load = bridge::load_rule_set(rule_file());
    for (const auto& d : load.diagnostics.sorted()) b.problems.push_back(diag::format(d));
    if (!load.rules) {
      b.error = "The bridge rule file could not be read (below).";
      return;
    }
    b.rules = std::make_shared<const bridge::RuleSet>(std::move(*load.rules));
  }
  const auto at = view_time(b, b.error);
  if (!at) return;
  try {
    records::Store store(r.db_path);
    const auto gathered = bridge::gather_inputs(store, r.selected.str(), at->epoch_seconds);
    for (const auto& d : gathered.diagnostics.sorted()) b.problems.push_back(diag::format(d));
    b.view = bridge::build_view(*b.rules, gathered.inputs);
  } catch (const std::exception& e) {
    b.error = e.what();
  }
}

bool acknowledge_bridge_view(AppState& s) {
  auto& r = s.records;
  auto& b = r.bridge;
  b.seen_result.clear();
  b.seen_error.clear();
  if (!b.view) {
    b.seen_error = "Nothing written: there is no view to acknowledge";
    return false;
  }
  if (text::trimmed(b.seen_by).empty()) {
    b.seen_error = "Nothing written: say who has seen the view (for the audit trail)";
    return false;
  }
  try {
    // The rule set the view was evaluated with (its rows point into it), by the text parsed.
    records::Store store(r.db_path);
    store.acknowledge(r.selected,
                      "bridge view at " + records::timestamp_from_epoch(b.view->at).utc +
                          ", rules sha256 " + b.rules->sha256,
                      text::trimmed(b.seen_by));
  } catch (const std::exception& e) {
    b.seen_error = std::string("Nothing written: ") + e.what();
    return false;
  }
  b.seen_result = "Seen by " + text::trimmed(b.seen_by) + " (in the audit trail)";
  const std::string keep = b.computed_for;
  refresh_records(s);  // the audit tab shows the entry
  b.computed_for = keep;
  return true;
}

}  // namespace lb::gui
