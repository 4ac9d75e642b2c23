// The visitor helper for sim::Action: one lambda per alternative, std::visit(Overload{...}, a).
#pragma once

namespace lb::sim {

template <class... F>
struct Overload : F... {
  using F::operator()...;
};
// Clang before 17 deduces no aggregate template arguments (P1816): the guide says it.
template <class... F>
Overload(F...) -> Overload<F...>;

}  // namespace lb::sim
