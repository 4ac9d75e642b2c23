// One name table per enum, serving both directions: `name` for to_string
// (JSON, reports, the GUI) and `parse`/`options` for readers (protocol and
// patient YAML, stored records). Before this, each enum had a to_string switch
// and a separate parse table that could disagree.
//
//   inline constexpr auto kRuleNames = text::enum_names<Rule>({
//       {Rule::plasma_volumes, "plasma_volumes"}, {Rule::fixed, "fixed"}});
//   std::string_view to_string(Rule r) { return kRuleNames.name(r); }
//   r.choice("rule", Need::required, kRuleNames.options());
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lb::text {

template <class E>
struct EnumName {
  E value;
  std::string_view name;
};

template <class E, std::size_t N>
class EnumNames {
 public:
  constexpr explicit EnumNames(const std::array<EnumName<E>, N>& entries) : entries_(entries) {}

  /// The name of `value`; "unknown" for a value outside the table (a bug, never a real name).
  [[nodiscard]] constexpr std::string_view name(E value) const {
    for (const auto& e : entries_) {
      if (e.value == value) return e.name;
    }
    return "unknown";
  }
  /// The value named exactly `name`, or nullopt.
  [[nodiscard]] constexpr std::optional<E> parse(std::string_view name) const {
    for (const auto& e : entries_) {
      if (e.name == name) return e.value;
    }
    return std::nullopt;
  }
  /// (name, value) pairs in table order, as yaml::MapReader::choice takes them.
  [[nodiscard]] std::vector<std::pair<std::string, E>> options() const {
    std::vector<std::pair<std::string, E>> out;
    out.reserve(N);
    for (const auto& e : entries_) out.emplace_back(std::string(e.name), e.value);
    return out;
  }
  /// The names in table order ("one of: ...").
  [[nodiscard]] std::vector<std::string> names() const {
    std::vector<std::string> out;
    out.reserve(N);
    for (const auto& e : entries_) out.emplace_back(e.name);
    return out;
  }
  /// The names in table order as a constant array (word lists built at compile time).
  [[nodiscard]] constexpr std::array<std::string_view, N> name_array() const {
    std::array<std::string_view, N> out{};
    for (std::size_t i = 0; i < N; ++i) out[i] = entries_[i].name;
    return out;
  }
  [[nodiscard]] constexpr const std::array<EnumName<E>, N>& entries() const { return entries_; }
  [[nodiscard]] static constexpr std::size_t size() { return N; }

  /// Entry i names the enum value i (lists indexed by the enum's value rely on it).
  [[nodiscard]] constexpr bool in_enum_order() const {
    for (std::size_t i = 0; i < N; ++i) {
      if (entries_[i].value != static_cast<E>(i)) return false;
    }
    return true;
  }
  /// No name and no value twice (checked with static_assert next to each table).
  [[nodiscard]] constexpr bool unique() const {
    for (std::size_t i = 0; i < N; ++i) {
      for (std::size_t j = i + 1; j < N; ++j) {
        if (entries_[i].name == entries_[j].name || entries_[i].value == entries_[j].value) {
          return false;
        }
      }
    }
    return true;
  }

 private:
  std::array<EnumName<E>, N> entries_;
};

/// Builds a table from a braced list: enum_names<E>({{E::a, "a"}, {E::b, "b"}}).
template <class E, std::size_t N>
constexpr EnumNames<E, N> enum_names(const EnumName<E> (&entries)[N]) {
  std::array<EnumName<E>, N> a{};
  for (std::size_t i = 0; i < N; ++i) a[i] = entries[i];
  return EnumNames<E, N>(a);
}

}  // namespace lb::text
