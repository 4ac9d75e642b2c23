// The visitor helper for sim::Action: one lambda per alternative, std::visit(Overload{...}, a).
#pragma once

namespace lb::sim {

template <class... F>
struct Overload : F... {
  using F::operator()...;
};

}  // namespace lb::sim
