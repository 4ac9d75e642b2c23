#include "sim/scenario/action_reader.hpp"

#include <algorithm>
#include <cmath>

#include "text/format.hpp"
#include "units/parse.hpp"

namespace lb::sim::scenario {

using yaml::MapReader;
using yaml::Need;

namespace {

/// One example of every alternative, to list the names from sim::action_name itself.
std::vector<Action> one_of_each() {
  return {SetInletFlow{},
          SetReturnFlow{},
          SetAcRatio{},
          SetFluidBalance{},
          SetReplacementMix{},
          CalciumBolus{},
          SetCalciumInfusion{},
          SetPotassiumInfusion{},
          GiveFluid{},
          SetNorepinephrine{},
          GiveDrug{},
          Pause{},
          Resume{},
          RinseBack{},
          EndWithoutRinseBack{},
          SetBloodWarmer{},
          FixLine{},
          OrderLab{},
          RecordEcg{},
          CallForHelp{},
          DeclareProblem{},
          StartVasovagal{},
          StartAllergicReaction{},
          AccessObstruction{},
          StartCircuitClotting{},
          StartBleeding{}};
}

/// A quantity of type Q that must be >= 0 (or > 0 when `positive`).
template <class Q>
std::optional<Q> amount(MapReader& r, const std::string& key, bool positive = true,
                        Need need = Need::required) {
  const auto q = r.typed<Q>(key, need);
  if (!q) return std::nullopt;
  const Q zero = Q::from_value(0.0);
  if (*q < zero || (positive && *q == zero)) {
    r.error_at(key, positive ? "must be more than 0: a negative or zero value is impossible"
                             : "must not be negative");
    return std::nullopt;
  }
  return q;
}

/// A share from 0 % to 100 % (`positive`: above 0 %).
std::optional<units::Fraction> share(MapReader& r, const std::string& key, bool positive) {
  const auto q = r.typed<units::Fraction>(key, Need::required);
  if (!q) return std::nullopt;
  const double v = units::in_fraction(*q);
  if (v > 1.0 || v < 0.0 || (positive && v == 0.0)) {
    r.error_at(key, positive ? "must be above 0 % and at most 100 %" : "must be from 0 % to 100 %");
    return std::nullopt;
  }
  return q;
}

/// "10 mmol/h" or "0.2 mmol/min" (the unit parser has no amount-rate dimension).
std::optional<AmountRate> amount_rate(MapReader& r, const std::string& key) {
  const auto t = r.text(key, Need::required);
  if (!t) return std::nullopt;
  const std::string s = text::trimmed(*t);
  const auto space = s.find(' ');
  const std::string unit = space == std::string::npos ? "" : text::trimmed(s.substr(space + 1));
  const auto number = units::parse_plain_number(s.substr(0, space));
  if (!number || (unit != "mmol/h" && unit != "mmol/min")) {
    r.error_at(key, "'" + s + "' is not an amount rate; write it in mmol/h or mmol/min");
    return std::nullopt;
  }
  if (*number.value < 0.0) {
    r.error_at(key, "must not be negative");
    return std::nullopt;
  }
  return unit == "mmol/h" ? mmol_per_hour(*number.value) : mmol_per_min(*number.value);
}

template <class E, class Table>
std::optional<E> word(MapReader& r, const std::string& key, const Table& table) {
  return r.choice(key, Need::required, table.options());
}

/// Reads each alternative's arguments; `filled` is the default-constructed alternative.
struct Reader {
  MapReader& r;
  bool ok = true;

  template <class T>
  T need(std::optional<T> v) {
    if (!v) {
      ok = false;
      return T{};
    }
    return *v;
  }

  Action operator()(SetInletFlow a) {
    a.flow = need(amount<units::Flow>(r, "flow"));
    return a;
  }
  Action operator()(SetReturnFlow a) {
    a.flow = need(amount<units::Flow>(r, "flow"));
    return a;
  }
  Action operator()(SetAcRatio a) {
    const auto v = r.number("ratio", Need::required);
    if (v && !(*v > 0.0)) r.error_at("ratio", "must be more than 0 (inlet volume per AC volume)");
    a.ratio = units::fraction(need(v && *v > 0.0 ? v : std::nullopt));
    return a;
  }
  Action operator()(SetFluidBalance a) {
    const auto q = r.typed<units::Fraction>("balance", Need::required);
    if (q && units::in_fraction(*q) <= 0.0) r.error_at("balance", "must be more than 0 %");
    a.balance = need(q && units::in_fraction(*q) > 0.0 ? q : std::nullopt);
    return a;
  }
  Action operator()(SetReplacementMix a) {
    a.ffp_share = need(share(r, "ffp_share", false));
    return a;
  }
  Action operator()(CalciumBolus a) {
    a.product = need(word<CalciumProduct>(r, "product", names::kCalciumProduct));
    a.volume = need(amount<units::Volume>(r, "volume"));
    a.over = r.has("over") ? need(amount<units::Duration>(r, "over", false, Need::optional))
                           : units::seconds(0);
    return a;
  }
  Action operator()(SetCalciumInfusion a) {
    a.product = need(word<CalciumProduct>(r, "product", names::kCalciumProduct));
    a.rate = need(amount<units::Flow>(r, "rate", false));
    return a;
  }
  Action operator()(SetPotassiumInfusion a) {
    a.rate = need(amount_rate(r, "rate"));
    return a;
  }
  Action operator()(GiveFluid a) {
    a.fluid = need(word<Fluid>(r, "fluid", names::kFluid));
    a.volume = need(amount<units::Volume>(r, "volume"));
    a.over = r.has("over") ? need(amount<units::Duration>(r, "over", false, Need::optional))
                           : units::seconds(0);
    return a;
  }
  Action operator()(SetNorepinephrine a) {
    a.dose = need(amount<units::DoseRate>(r, "dose", false));
    return a;
  }
  Action operator()(GiveDrug a) {
    a.drug = need(word<Drug>(r, "drug", names::kDrug));
    return a;
  }
  Action operator()(SetBloodWarmer a) {
    a.on = need(r.boolean("on", Need::required));
    return a;
  }
  Action operator()(FixLine a) {
    a.fix = need(word<LineFix>(r, "fix", names::kLineFix));
    return a;
  }
  Action operator()(OrderLab a) {
    a.kind = need(word<LabKind>(r, "lab", names::kLabKind));
    return a;
  }
  Action operator()(CallForHelp a) {
    a.whom = need(r.text("whom", Need::required));
    return a;
  }
  Action operator()(DeclareProblem a) {
    a.problem = need(word<Problem>(r, "problem", names::kProblem));
    return a;
  }
  Action operator()(StartVasovagal a) {
    a.duration = need(amount<units::Duration>(r, "duration"));
    return a;
  }
  Action operator()(StartAllergicReaction a) {
    a.grade = need(r.integer("grade", Need::required, 1, 3));
    return a;
  }
  Action operator()(AccessObstruction a) {
    a.available = need(share(r, "available", false));
    return a;
  }
  Action operator()(StartCircuitClotting a) {
    a.per_hour = need(share(r, "per_hour", true));
    return a;
  }
  Action operator()(StartBleeding a) {
    a.rate = need(amount<units::Flow>(r, "rate"));
    return a;
  }
  // Actions without arguments.
  Action operator()(Pause a) { return a; }
  Action operator()(Resume a) { return a; }
  Action operator()(RinseBack a) { return a; }
  Action operator()(EndWithoutRinseBack a) { return a; }
  Action operator()(RecordEcg a) { return a; }
};

}  // namespace

const std::vector<std::string>& action_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& a : one_of_each()) out.emplace_back(action_name(a));
    return out;
  }();
  return names;
}

const std::vector<std::string>& event_action_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& a : one_of_each()) {
      if (is_event_effect(a)) out.emplace_back(action_name(a));
    }
    return out;
  }();
  return names;
}

std::optional<Action> read_action(MapReader& r, const std::string& name) {
  for (const auto& example : one_of_each()) {
    if (action_name(example) != name) continue;
    Reader reader{r};
    Action out = std::visit(reader, example);
    if (!reader.ok) return std::nullopt;
    return out;
  }
  return std::nullopt;
}

}  // namespace lb::sim::scenario
