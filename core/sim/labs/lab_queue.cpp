#include "sim/labs/lab_queue.hpp"

#include <algorithm>
#include <stdexcept>

#include "sim/random/distributions.hpp"

namespace lb::sim::labs {

LabQueue::LabQueue(std::vector<scenario::LabPanel> panels, std::uint64_t seed)
    : panels_(std::move(panels)), seed_(seed) {}

bool LabQueue::offers(const std::string& panel) const {
  return std::any_of(panels_.begin(), panels_.end(),
                     [&](const scenario::LabPanel& p) { return p.panel == panel; });
}

LabResult LabQueue::order(SimTime t, const std::string& panel, const events::Lookup& values) {
  const auto it = std::find_if(panels_.begin(), panels_.end(),
                               [&](const scenario::LabPanel& p) { return p.panel == panel; });
  if (it == panels_.end()) {
    throw std::out_of_range("the scenario offers no '" + panel + "' lab panel");
  }
  int n = 1;
  auto count =
      std::find_if(counts_.begin(), counts_.end(), [&](const auto& c) { return c.first == panel; });
  if (count == counts_.end()) {
    counts_.emplace_back(panel, 1);
  } else {
    n = ++count->second;
  }
  random::Stream stream(seed_, "lab/" + panel + "/" + std::to_string(n));
  LabResult r{panel, n, t, t + it->latency_s, {}};
  for (const auto& noise : it->noise_sd) {
    const auto v = values(noise.variable);
    if (!v) continue;  // not modelled in this run: not reported
    // Noise is drawn for every reported value in panel order, so a value's noise does not
    // depend on whether another value of the panel is modelled.
    const double measured = stream.normal(*v, noise.value);
    r.values.push_back(Reported{noise.variable, measured, noise.unit});
  }
  pending_.push_back(r);
  return r;
}

std::vector<LabResult> LabQueue::due(SimTime t) {
  std::vector<LabResult> out, waiting;
  for (auto& r : pending_) (r.due <= t ? out : waiting).push_back(std::move(r));
  pending_ = std::move(waiting);
  std::stable_sort(out.begin(), out.end(),
                   [](const LabResult& a, const LabResult& b) { return a.due < b.due; });
  for (const auto& r : out) {
    for (const auto& v : r.values) {
      auto it = std::find_if(latest_.begin(), latest_.end(),
                             [&](const Reported& x) { return x.variable == v.variable; });
      if (it == latest_.end()) {
        latest_.push_back(v);
      } else {
        *it = v;
      }
    }
  }
  return out;
}

std::optional<double> LabQueue::latest(std::string_view variable) const {
  for (const auto& v : latest_) {
    if (v.variable == variable) return v.value;
  }
  return std::nullopt;
}

}  // namespace lb::sim::labs
