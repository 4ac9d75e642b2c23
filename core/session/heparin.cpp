#include "session/heparin.hpp"

#include "session/figure.hpp"

namespace lb::session {

using detail::figure;
using detail::from;
using detail::given;

HeparinPlan heparin_plan(const protocol::HeparinSettings& s,
                         const explain::Derived<units::Duration>& duration,
                         const std::string& source_citation) {
  HeparinPlan out;
  out.bolus = s.bolus;
  out.per_hour = s.per_hour;
  const double total = s.bolus.value + s.per_hour.value * units::in_hours(duration.value);
  auto h = figure("heparin_total", "Heparin per session", total, "IU", 0);
  h.method = "Bolus and hourly rate for the run";
  h.formula = "H = bolus + rate × t";
  h.inputs = {given("bolus", s.bolus.value, "IU"), given("rate", s.per_hour.value, "IU/h"),
              from("t", duration.how)};
  h.source = source_citation.empty()
                 ? "Lee G, Arepally GM. J Clin Apher 2012;27(3):117-25; dosing: unverified "
                   "default, review locally; LiverBridge clinical reference §5.5"
                 : source_citation;
  out.total = {protocol::InternationalUnits{total}, h};
  return out;
}

}  // namespace lb::session
