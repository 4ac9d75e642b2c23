// A quantity whose dimension is known only at run time: what a parser finds in
// "72 kg" before anyone has asked for a mass, what a store keeps in one SI
// column beside a dimension key, what an eligibility rule holds when its field
// may be any of several dimensions. The only way back to a typed quantity is
// `as<Q>()`, which checks the dimension, so a mass can never be read as a
// length; `visit` runs code on the typed quantity, whatever its dimension.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>

#include "units/dimension.hpp"
#include "units/quantities.hpp"

namespace lb::units {

/// The runtime dimension of each typed quantity (one specialisation each).
template <class Q>
struct DimensionOf;
template <>
struct DimensionOf<Length> {
  static constexpr Dimension value = Dimension::length;
};
template <>
struct DimensionOf<Mass> {
  static constexpr Dimension value = Dimension::mass;
};
template <>
struct DimensionOf<Volume> {
  static constexpr Dimension value = Dimension::volume;
};
template <>
struct DimensionOf<Duration> {
  static constexpr Dimension value = Dimension::time;
};
template <>
struct DimensionOf<Flow> {
  static constexpr Dimension value = Dimension::flow;
};
template <>
struct DimensionOf<MassConcentration> {
  static constexpr Dimension value = Dimension::mass_concentration;
};
template <>
struct DimensionOf<AmountConcentration> {
  static constexpr Dimension value = Dimension::amount_concentration;
};
template <>
struct DimensionOf<CellConcentration> {
  static constexpr Dimension value = Dimension::cell_concentration;
};
template <>
struct DimensionOf<VolumePerMass> {
  static constexpr Dimension value = Dimension::volume_per_mass;
};
template <>
struct DimensionOf<Pressure> {
  static constexpr Dimension value = Dimension::pressure;
};
template <>
struct DimensionOf<DoseRate> {
  static constexpr Dimension value = Dimension::dose_rate;
};
template <>
struct DimensionOf<BodyMassIndex> {
  static constexpr Dimension value = Dimension::body_mass_index;
};
template <>
struct DimensionOf<Fraction> {
  static constexpr Dimension value = Dimension::fraction;
};

template <class Q>
inline constexpr Dimension dimension_of = DimensionOf<Q>::value;

class AnyQuantity {
 public:
  AnyQuantity() = default;
  /// From a typed quantity: the dimension is the type's.
  template <class Q>
  static AnyQuantity of(Q q) {
    return AnyQuantity(q.value(), dimension_of<Q>);
  }
  /// From an SI number and its dimension, at a boundary that has only these
  /// (the unit parser, a stored SI column with its dimension key).
  static AnyQuantity from_si(double si, Dimension d) { return AnyQuantity(si, d); }

  [[nodiscard]] Dimension dimension() const { return dimension_; }
  template <class Q>
  [[nodiscard]] bool is() const {
    return dimension_ == dimension_of<Q>;
  }
  /// The typed quantity, or nullopt when the dimension is not Q's.
  template <class Q>
  [[nodiscard]] std::optional<Q> as() const {
    if (!is<Q>()) return std::nullopt;
    return Q::from_value(si_);
  }
  /// The typed quantity; a dimension mismatch is a programming error (throws).
  template <class Q>
  [[nodiscard]] Q get() const {
    if (!is<Q>()) {
      throw std::logic_error("a " + std::string(dimension_name(dimension_)) + " read as a " +
                             std::string(dimension_name(dimension_of<Q>)));
    }
    return Q::from_value(si_);
  }
  /// Calls f with the typed quantity and returns its result.
  template <class F>
  decltype(auto) visit(F&& f) const;
  /// The SI number, for storage and serialisation only (never for arithmetic).
  [[nodiscard]] double si() const { return si_; }
  /// The same dimension and SI value times `k` (a unit's size, a count).
  [[nodiscard]] AnyQuantity scaled(double k) const { return AnyQuantity(si_ * k, dimension_); }

 private:
  AnyQuantity(double si, Dimension d) : si_(si), dimension_(d) {}
  double si_ = 0.0;
  Dimension dimension_ = Dimension::fraction;
};

template <class F>
decltype(auto) AnyQuantity::visit(F&& f) const {
  switch (dimension_) {
    case Dimension::length: return f(Length::from_value(si_));
    case Dimension::mass: return f(Mass::from_value(si_));
    case Dimension::volume: return f(Volume::from_value(si_));
    case Dimension::time: return f(Duration::from_value(si_));
    case Dimension::flow: return f(Flow::from_value(si_));
    case Dimension::mass_concentration: return f(MassConcentration::from_value(si_));
    case Dimension::amount_concentration: return f(AmountConcentration::from_value(si_));
    case Dimension::cell_concentration: return f(CellConcentration::from_value(si_));
    case Dimension::volume_per_mass: return f(VolumePerMass::from_value(si_));
    case Dimension::pressure: return f(Pressure::from_value(si_));
    case Dimension::dose_rate: return f(DoseRate::from_value(si_));
    case Dimension::body_mass_index: return f(BodyMassIndex::from_value(si_));
    case Dimension::fraction: break;
  }
  return f(Fraction::from_value(si_));
}

/// a > b for two quantities of one dimension (false when the dimensions differ).
inline bool greater(const AnyQuantity& a, const AnyQuantity& b) {
  if (a.dimension() != b.dimension()) return false;
  return a.visit([&](auto x) { return x > b.get<decltype(x)>(); });
}

/// Two quantities' ratio when they share a dimension (e.g. a value in a unit's size).
inline std::optional<double> ratio(const AnyQuantity& a, const AnyQuantity& b) {
  if (a.dimension() != b.dimension()) return std::nullopt;
  return a.si() / b.si();
}

}  // namespace lb::units
