#include "scores/detail.hpp"

namespace lb::scores::detail {

std::string mg_dl_text(const units::LabConcentration& c) {
  std::string mg = num(units::in_mg_per_dl(c.mass())) + " mg/dL";
  if (c.entered_as_mass()) return mg;
  return num(units::in_umol_per_l(c.amount())) + " \u00b5mol/L (= " + mg + ")";
}

std::string umol_l_text(const units::LabConcentration& c) {
  std::string umol = num(units::in_umol_per_l(c.amount())) + " \u00b5mol/L";
  if (!c.entered_as_mass()) return umol;
  return num(units::in_mg_per_dl(c.mass())) + " mg/dL (= " + umol + ")";
}

std::string mmol_l_text(const units::LabConcentration& c) {
  std::string mmol = num(units::in_mmol_per_l(c.amount())) + " mmol/L";
  if (!c.entered_as_mass()) return mmol;
  return num(units::in_mg_per_dl(c.mass())) + " mg/dL (= " + mmol + ")";
}

ScoreResult start(std::string key, std::string name, std::string version, std::string source) {
  ScoreResult r;
  r.key = std::move(key);
  r.name = std::move(name);
  r.version = std::move(version);
  r.source = std::move(source);
  return r;
}

DialysisRule meld_dialysis_rule(const ScoreInputs& in) {
  const bool sessions = in.dialysis_sessions_last_week && *in.dialysis_sessions_last_week >= 2;
  const bool cvvhd = in.cvvhd_24h_last_week.value_or(false);
  if (sessions || cvvhd) {
    return {true, sessions ? std::to_string(*in.dialysis_sessions_last_week) +
                                 " dialysis sessions in the last week"
                           : "24 h of CVVHD in the last week"};
  }
  if (in.dialysis_sessions_last_week || in.cvvhd_24h_last_week) {
    std::string note;
    if (in.dialysis_sessions_last_week) {
      note = std::to_string(*in.dialysis_sessions_last_week) + " dialysis session" +
             (*in.dialysis_sessions_last_week == 1 ? "" : "s") + " in the last week";
    }
    if (in.cvvhd_24h_last_week) {
      note += std::string(note.empty() ? "" : ", ") + "no 24 h of CVVHD in the last week";
    }
    return {false, note};
  }
  if (in.on_dialysis && !*in.on_dialysis) {
    return {false,
            "no dialysis in the last week given; taken from 'on_dialysis: false' (give "
            "dialysis_sessions_last_week if there was dialysis earlier in the week)"};
  }
  return {std::nullopt, ""};
}

}  // namespace lb::scores::detail
