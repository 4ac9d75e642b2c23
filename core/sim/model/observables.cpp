#include "sim/model/observables.hpp"

#include <array>

namespace lb::sim {

namespace {

using R = std::optional<double>;

constexpr std::array kObservables{
    Observable{"elapsed", "Time since the simulation started", "min",
               [](const State& s) -> R { return units::in_minutes(s.elapsed); }},
    Observable{"session_elapsed", "Running time of the session", "min",
               [](const State& s) -> R { return units::in_minutes(s.device.session_elapsed); }},
    Observable{"ica", "Ionised calcium", "mmol/L",
               [](const State& s) -> R { return units::in_mmol_per_l(s.ionised_calcium); }},
    Observable{"total_ca", "Total calcium", "mmol/L",
               [](const State& s) -> R { return units::in_mmol_per_l(s.total_calcium); }},
    Observable{"ca_ratio", "Total/ionised calcium ratio", "",
               [](const State& s) -> R { return units::in_fraction(s.calcium_ratio); }},
    Observable{"citrate", "Plasma citrate", "mmol/L",
               [](const State& s) -> R { return units::in_mmol_per_l(s.citrate); }},
    Observable{"ph", "Arterial pH", "",
               [](const State& s) -> R { return units::in_fraction(s.ph); }},
    Observable{"hco3", "Bicarbonate", "mmol/L",
               [](const State& s) -> R { return units::in_mmol_per_l(s.bicarbonate); }},
    Observable{"pco2", "Arterial pCO2", "mmHg",
               [](const State& s) -> R { return units::in_mm_hg(s.pco2); }},
    Observable{"k", "Potassium", "mmol/L",
               [](const State& s) -> R { return units::in_mmol_per_l(s.potassium); }},
    Observable{"map", "Mean arterial pressure", "mmHg",
               [](const State& s) -> R { return units::in_mm_hg(s.mean_arterial_pressure); }},
    Observable{"hr", "Heart rate", "/min",
               [](const State& s) -> R { return in_per_minute(s.heart_rate); }},
    Observable{"spo2", "Oxygen saturation", "%",
               [](const State& s) -> R { return units::in_percent(s.spo2); }},
    Observable{"qtc", "QTc", "ms",
               [](const State& s) -> R { return units::in_seconds(s.qtc) * 1000.0; }},
    Observable{"temp", "Core temperature", "°C",
               [](const State& s) -> R { return in_celsius(s.temperature); }},
    Observable{"volume_deficit", "Intravascular volume deficit", "mL",
               [](const State& s) -> R { return units::in_milliliters(s.volume_deficit); }},
    Observable{"bilirubin", "Bilirubin", "µmol/L",
               [](const State& s) -> R {
                 if (!s.bilirubin) return std::nullopt;
                 return units::in_umol_per_l(*s.bilirubin);
               }},
    Observable{"ammonia", "Ammonia", "µmol/L",
               [](const State& s) -> R {
                 if (!s.ammonia) return std::nullopt;
                 return units::in_umol_per_l(*s.ammonia);
               }},
    Observable{"pta", "Prothrombin activity", "%",
               [](const State& s) -> R { return units::in_percent(s.pta); }},
    Observable{"fibrinogen", "Fibrinogen", "g/L",
               [](const State& s) -> R { return units::in_g_per_l(s.fibrinogen); }},
    Observable{"platelets", "Platelets", "10^9/L",
               [](const State& s) -> R { return units::in_giga_per_liter(s.platelets); }},
    Observable{"hb", "Haemoglobin", "g/L",
               [](const State& s) -> R { return units::in_g_per_l(s.haemoglobin); }},
    Observable{"inlet_flow", "Inlet flow", "mL/min",
               [](const State& s) -> R { return units::in_ml_per_min(s.device.inlet_flow); }},
    Observable{"plasma_removal", "Plasma removal rate", "mL/min",
               [](const State& s) -> R { return units::in_ml_per_min(s.device.plasma_removal); }},
    Observable{"removed", "Plasma removed this session", "mL",
               [](const State& s) -> R { return units::in_milliliters(s.device.removed); }},
    Observable{"processed", "Whole blood processed this session", "mL",
               [](const State& s) -> R { return units::in_milliliters(s.device.processed); }},
    Observable{"ffp_given", "FFP given this session", "mL",
               [](const State& s) -> R { return units::in_milliliters(s.device.replaced_ffp); }},
    Observable{"access_pressure", "Access (inlet) pressure", "mmHg",
               [](const State& s) -> R { return units::in_mm_hg(s.device.access_pressure); }},
    Observable{"return_pressure", "Return pressure", "mmHg",
               [](const State& s) -> R { return units::in_mm_hg(s.device.return_pressure); }},
    Observable{"clot_index", "Circuit clotting (0 clean, 1 clotted)", "",
               [](const State& s) -> R { return units::in_fraction(s.device.clot_index); }},
};

}  // namespace

std::span<const Observable> observables() { return kObservables; }

const Observable* find_observable(std::string_view name) {
  for (const Observable& o : kObservables) {
    if (o.name == name) return &o;
  }
  return nullptr;
}

}  // namespace lb::sim
