// Orders for the fluids: the exchange volume, the replacement fluid per session
// (with the fluid balance from the typed volumes) and the course totals for the
// blood bank and pharmacy.
#include <cmath>

#include "print/formats.hpp"
#include "print/printable.hpp"
#include "print/sections.hpp"
#include "text/format.hpp"
#include "units/compare.hpp"

namespace lb::print {

namespace {
using report::html_escape;

/// True when the plan orders none of a fluid (a stored zero, in any unit).
template <class Q>
bool none(const report::Stored<Q>& figure) {
  return figure.quantity && units::at_most(*figure.quantity, Q::from_value(0.0));
}

bool none(const report::Stored<double>& count) { return count.quantity && *count.quantity <= 0; }

/// Replacement minus plasma removed per session, when both volumes are stated.
void fluid_balance(Page& p, const report::StoredReplacement& r, const StoredPlan& plan) {
  const auto& replaced = r.replacement_volume.quantity;
  const auto& removed = plan.exchange.volume_per_session.quantity;
  if (!replaced || !removed) return;
  const double balance = std::round(units::in_milliliters(*replaced - *removed));
  const bool even = std::abs(balance) < 0.5;
  const std::string amount =
      even ? "0 mL" : (balance > 0 ? "+" : "") + text::grouped(balance, 0) + " mL";
  const std::string words = even            ? "replacement equals the plasma removed"
                            : balance > 0.0 ? "more replaced than removed"
                                            : "less replaced than removed";
  p.order_row("Fluid balance per session (replacement − plasma removed)",
              html_escape(amount) + note_html(words),
              "<span class=\"note\">anticoagulant, saline priming and rinse-back are not "
              "included</span>");
}

void ffp_orders(Page& p, const report::StoredReplacement& r) {
  if (none(r.ffp_volume)) {
    p.order_row("FFP", "none");
    return;
  }
  p.order("FFP volume per session", r.ffp_volume);
  p.order("FFP units per session (whole units)", r.ffp_units,
          r.ffp_unit_volume.present() ? note_html("units of " + r.ffp_unit_volume.display) : "");
}

void albumin_orders(Page& p, const report::StoredReplacement& r) {
  if (none(r.albumin_volume)) {
    p.order_row("Albumin solution", "none");
    return;
  }
  std::string strength;
  if (const auto& c = r.albumin_concentration.quantity) {
    // g/L to the "% albumin" on the bottle: 50 g/L is a 5 % solution.
    strength = " (" + text::fixed(units::in_g_per_l(*c) / 10.0, 0) + " % albumin, " +
               r.albumin_concentration.display + ")";
  }
  p.order("Albumin solution volume per session" + strength, r.albumin_volume);
  p.order("Albumin vials per session (whole vials)", r.albumin_vials,
          r.albumin_vial_mass.present()
              ? note_html("vials of " + r.albumin_vial_mass.display + " albumin")
              : "");
  p.order("Albumin per session", r.albumin_grams);
}

}  // namespace

void volume_orders(Page& p, const StoredPlan& plan) {
  const auto& v = plan.volumes;
  const auto& x = plan.exchange;
  p.sub("Exchange volume");
  p.orders_open();
  const std::string extra =
      x.plasma_volumes_per_session.present()
          ? note_html("= " + x.plasma_volumes_per_session.display + " plasma volumes")
          : "";
  const std::string rule = x.rule.text.empty() ? "" : "protocol rule: " + code_words(x.rule);
  if (!p.order("Exchange volume per session (plasma removed)", x.volume_per_session, extra, rule)) {
    p.order_row("Exchange volume per session", "<span class=\"muted\">not in the plan</span>");
  }
  p.order("Plasma volume", v.plasma_volume);
  p.order("Total blood volume", v.total_blood_volume);
  p.order("Ideal body weight", v.ideal_body_weight);
  p.order("Body mass index", v.bmi);
  p.orders_close();
}

void replacement_orders(Page& p, const StoredPlan& plan) {
  p.sub("Replacement fluid");
  if (!plan.replacement) {
    p.missing("The protocol gives no replacement-fluid orders: not part of this plan.");
    return;
  }
  const auto& r = *plan.replacement;
  p.orders_open();
  std::string mix = html_escape(code_words(r.mix));
  if (r.mix == protocol::ReplacementMix::fractions ||
      r.mix == protocol::ReplacementMix::ffp_units) {
    // The shares as the albumin volume's derivation states them.
    if (!r.albumin_volume.method.empty()) mix += note_html(r.albumin_volume.method);
  }
  p.order_row("Replacement fluid", mix);
  if (!r.ffp_last.empty()) {
    p.order_row("Order of the fluids",
                "<span class=\"warn\">" + html_escape(r.ffp_last) + "</span>");
  }
  p.order("Replacement volume per session", r.replacement_volume);
  ffp_orders(p, r);
  albumin_orders(p, r);
  fluid_balance(p, r, plan);
  p.orders_close();
}

void course_totals(Page& p, const StoredPlan& plan) {
  p.section("Course totals for the blood bank and pharmacy");
  if (!plan.replacement) {
    p.missing("No replacement-fluid orders in this plan: nothing to order for the course.");
    return;
  }
  const auto& r = *plan.replacement;
  p.orders_open();
  if (r.sessions) p.order_row("Sessions in the course", std::to_string(*r.sessions));
  if (none(r.ffp_volume_course)) {
    p.order_row("FFP for the course", "none");
  } else {
    p.order("FFP units for the course", r.ffp_units_course);
    p.order("FFP volume for the course", r.ffp_volume_course);
  }
  if (none(r.albumin_vials_course)) {
    p.order_row("Albumin for the course", "none");
  } else {
    p.order("Albumin vials for the course", r.albumin_vials_course);
    p.order("Albumin for the course", r.albumin_grams_course);
  }
  p.orders_close();
}

}  // namespace lb::print
