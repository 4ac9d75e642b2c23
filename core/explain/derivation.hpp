// Every figure LiverBridge computes explains itself: a Derivation records the
// value as shown (number, unit, decimals), the method, the formula, the inputs
// (each either a patient/protocol value or a reference to another derivation)
// and the source. A plan is a list of derivations whose inputs reference each
// other, i.e. a tree that the GUI and every export can unfold.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lb::explain {

/// A number ready for display in a named clinical unit.
struct Shown {
  double value = 0.0;
  std::string unit;  ///< "mL", "kg/m²", "" for pure numbers
  int decimals = 0;  ///< digits after the point when printed
};

struct Input {
  std::string name;               ///< "height", "Hct"
  std::optional<Shown> quantity;  ///< set for numeric inputs
  std::string text;               ///< set for non-numeric inputs ("male")
  std::string ref;                ///< id of the derivation that produced it, or ""
};

struct Derivation {
  std::string id;     ///< stable machine name: "total_blood_volume"
  std::string label;  ///< "Total blood volume"
  Shown shown;
  std::string method;   ///< "Nadler 1962 (male)"
  std::string formula;  ///< "TBV = 0.3669 × H³ + 0.03219 × W + 0.6041"
  std::vector<Input> inputs;
  std::string source;                 ///< citation
  std::vector<std::string> warnings;  ///< applicability or limit warnings
};

/// A figure that could not be computed (ideal body weight below about 100 cm of height)
/// keeps a placeholder value and says so at the start of its method ("not computed: ...").
/// Every output shows the words instead of the placeholder, and the plan JSON stores no
/// value for it.
inline constexpr std::string_view kNotComputed = "not computed";
inline bool computed(const Derivation& d) { return d.method.rfind(kNotComputed, 0) != 0; }

/// A typed core result together with how it was obtained.
template <class Q>
struct Derived {
  Q value;
  Derivation how;
};

/// Convenience constructors for inputs.
inline Input quantity_input(std::string name, double value, std::string unit, int decimals,
                            std::string ref = {}) {
  return Input{std::move(name), Shown{value, std::move(unit), decimals}, {}, std::move(ref)};
}
inline Input text_input(std::string name, std::string text) {
  return Input{std::move(name), std::nullopt, std::move(text), {}};
}

}  // namespace lb::explain
