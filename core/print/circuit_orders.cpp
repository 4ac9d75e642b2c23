// Orders for the circuit: anticoagulation with citrate (its rate against the
// limit, as the plan's finding says) or heparin, calcium, and the separation
// settings with the run time.
#include "print/formats.hpp"
#include "print/printable.hpp"
#include "print/sections.hpp"
#include "text/format.hpp"
#include "units/quantities.hpp"

namespace lb::print {

namespace {
using report::html_escape;

void citrate_orders(Page& p, const StoredPlan& plan, const report::StoredAnticoagulation& a) {
  p.order_row("Anticoagulant", "citrate, <b>" + html_escape(a.solution) + "</b>");
  if (a.inlet_ac_ratio.present()) {
    p.order_row("Inlet:AC ratio", html_escape(a.inlet_ac_ratio.display) + " : 1",
                "<span class=\"note\">inlet blood to anticoagulant</span>");
  }
  p.order("AC volume per session", a.ac_volume);
  p.order("AC infusion rate", a.ac_rate);
  p.order("Citrate in the AC", a.citrate_concentration);
  p.order("Citrate to the patient from the AC", a.citrate_from_ac);
  p.order("Citrate to the patient from FFP", a.citrate_from_ffp);
  std::string versus;
  if (a.citrate_rate_limit.present()) {
    // The crossing as the plan decided it (finding citrate.rate_above_limit), not re-compared.
    const bool above = plan.has_finding("citrate.rate_above_limit");
    versus = std::string("<br>") + (above ? "<span class=\"flag\">ABOVE</span>" : "within") +
             " the limit of " + html_escape(a.citrate_rate_limit.display);
  }
  p.order("Citrate infusion rate to the patient", a.citrate_rate, versus);
  p.order("Calcium gluconate per session (separate infusion)", a.calcium_gluconate);
  p.order_row("Ionised calcium checks",
              a.ionised_calcium_checks.empty()
                  ? "<span class=\"muted\">none listed by the protocol</span>"
                  : html_escape(text::join(a.ionised_calcium_checks)),
              "<span class=\"note\">minutes from the start of the run</span>");
  p.order("Total/ionised calcium ratio (before)", a.calcium_ratio);
}

}  // namespace

void anticoagulation_orders(Page& p, const StoredPlan& plan) {
  p.sub("Anticoagulation and calcium");
  if (!plan.anticoagulation) {
    p.missing("The protocol gives no anticoagulation orders: not part of this plan.");
    return;
  }
  const auto& a = *plan.anticoagulation;
  p.orders_open();
  if (a.method == protocol::Anticoagulant::citrate) {
    citrate_orders(p, plan, a);
  } else if (a.method == protocol::Anticoagulant::heparin) {
    p.order_row("Anticoagulant", "<b>heparin</b> (unfractionated)");
    p.order("Heparin bolus at the start", a.heparin_bolus);
    p.order("Heparin infusion", a.heparin_per_hour);
    p.order("Heparin per session", a.heparin_per_session);
  } else if (a.method == protocol::Anticoagulant::none) {
    p.order_row("Anticoagulant", "none",
                "<span class=\"note\">the protocol orders no anticoagulant</span>");
  } else {
    p.order_row("Anticoagulant", html_escape(a.method.text.empty() ? "not stated" : a.method.text));
  }
  p.orders_close();
}

void separation_orders(Page& p, const StoredPlan& plan) {
  p.sub("Separation and run time");
  if (!plan.separation) {
    p.missing("The protocol gives no separation settings: not part of this plan.");
    return;
  }
  const auto& s = *plan.separation;
  p.orders_open();
  p.order_row("Technique", html_escape(code_words(s.technique)));
  p.order(s.flow.label.empty() ? "Flow" : s.flow.label, s.flow);
  // Capped as the plan decided it (finding separation.inlet_capped).
  const bool capped = plan.has_finding("separation.inlet_capped");
  if (s.inlet_flow_cap.present()) {
    p.order("Inlet flow limit (AC infusion rate)", s.inlet_flow_cap,
            std::string("<br>") +
                (capped ? "<span class=\"flag\">flow capped: yes</span>" : "flow capped: no"));
  } else if (s.inlet_capped) {
    p.order_row("Flow capped by the AC infusion limit",
                capped ? "<span class=\"flag\">yes</span>" : "no");
  }
  p.order("Whole blood flow", s.whole_blood_flow);
  p.order("Plasma removal rate", s.plasma_removal_rate);
  p.order("Whole blood processed per session", s.whole_blood_processed);
  p.order("Run time per session", s.duration,
          s.duration.quantity
              ? note_html("= " + minutes_words(units::in_minutes(*s.duration.quantity)))
              : "");
  p.order("Extracorporeal volume, share of TBV", s.extracorporeal_fraction_tbv);
  p.order("Share of the AC returned to the patient", s.ac_returned_fraction);
  p.orders_close();
}

}  // namespace lb::print
