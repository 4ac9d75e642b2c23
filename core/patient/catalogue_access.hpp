// Typed accessors for catalogue rows (catalogue.cpp only): one template per
// place a field lives (the patient itself, its labs, its clinical state), so
// a row names its member once and gets a matching getter and setter.
#pragma once

#include <concepts>
#include <type_traits>

#include "patient/catalogue.hpp"

namespace lb::patient::access {

template <class Q>
concept Quantity = requires {
  typename Q::unit_type;
};

// ---- member -> FieldValue -------------------------------------------------------------
template <Quantity Q>
std::optional<FieldValue> to_value(const Q& q) {
  FieldValue v;
  v.quantity = units::AnyQuantity::of(q);
  return v;
}
template <Quantity Q>
std::optional<FieldValue> to_value(const std::optional<Q>& q) {
  if (!q) return std::nullopt;
  return to_value(*q);
}
inline std::optional<FieldValue> to_value(const std::optional<units::LabConcentration>& l) {
  if (!l) return std::nullopt;
  FieldValue v;
  v.lab = *l;
  return v;
}
inline std::optional<FieldValue> to_value(const std::optional<bool>& b) {
  if (!b) return std::nullopt;
  FieldValue v;
  v.flag = *b;
  return v;
}
inline std::optional<FieldValue> to_value(const std::optional<int>& i) {
  if (!i) return std::nullopt;
  FieldValue v;
  v.whole = *i;
  v.quantity = units::AnyQuantity::of(units::fraction(*i));
  return v;
}
template <class E>
requires std::is_enum_v<E> std::optional<FieldValue> to_value(const E& e) {
  FieldValue v;
  v.word = static_cast<std::size_t>(e);
  return v;
}
template <class E>
requires std::is_enum_v<E> std::optional<FieldValue> to_value(const std::optional<E>& e) {
  if (!e) return std::nullopt;
  return to_value(*e);
}
inline std::optional<FieldValue> to_value(const std::string& s) {
  FieldValue v;
  v.text = s;
  return v;
}
inline std::optional<FieldValue> to_value(const std::vector<std::string>& list) {
  FieldValue v;
  v.list = list;
  return v;
}

// ---- FieldValue -> member -------------------------------------------------------------
template <Quantity Q>
void assign(Q& slot, const FieldValue& v) {
  slot = v.quantity->get<Q>();
}
template <Quantity Q>
void assign(std::optional<Q>& slot, const FieldValue& v) {
  slot = v.quantity->get<Q>();
}
inline void assign(std::optional<units::LabConcentration>& slot, const FieldValue& v) {
  slot = v.lab;
}
inline void assign(std::optional<bool>& slot, const FieldValue& v) { slot = v.flag; }
inline void assign(std::optional<int>& slot, const FieldValue& v) { slot = v.whole; }
template <class E>
requires std::is_enum_v<E>
void assign(E& slot, const FieldValue& v) { slot = static_cast<E>(v.word); }
template <class E>
requires std::is_enum_v<E>
void assign(std::optional<E>& slot, const FieldValue& v) { slot = static_cast<E>(v.word); }
inline void assign(std::string& slot, const FieldValue& v) { slot = v.text; }
inline void assign(std::vector<std::string>& slot, const FieldValue& v) { slot = v.list; }

struct Access {
  std::optional<FieldValue> (*get)(const Patient&);
  void (*set)(Patient&, const FieldValue&);
};

/// A member of Patient (`&Patient::weight`).
template <auto M>
constexpr Access top() {
  return {[](const Patient& p) { return to_value(p.*M); },
          [](Patient& p, const FieldValue& v) { assign(p.*M, v); }};
}
/// A member of Labs (`&Labs::bilirubin`).
template <auto M>
constexpr Access labs() {
  return {[](const Patient& p) { return to_value(p.labs.*M); },
          [](Patient& p, const FieldValue& v) { assign(p.labs.*M, v); }};
}
/// A member of Clinical (`&Clinical::dic`).
template <auto M>
constexpr Access clinical() {
  return {[](const Patient& p) { return to_value(p.clinical.*M); },
          [](Patient& p, const FieldValue& v) { assign(p.clinical.*M, v); }};
}

}  // namespace lb::patient::access
