// Course timeline for the selected patient (records::review_course, the same
// review as `liverbridge review`): approved plans with protocol id, version
// and SHA-256 and whether each still reproduces; every performed session in
// order, planned vs actual with deviations beyond the stated tolerance marked
// in words and colour; labs observed vs predicted; the next-session volume,
// labelled as a model estimate.
#include <imgui.h>

#include <string>

#include "gui/gui_common.hpp"
#include "gui/panels.hpp"
#include "records/analytes.hpp"
#include "records/review_render.hpp"
#include "text/format.hpp"
#include "units/quantities.hpp"

namespace lb::gui {

namespace {

constexpr ImGuiTableFlags kTableFlags =
    ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit;

std::string percent(units::Fraction share, bool sign = true) {
  const double p = units::in_percent(share);
  return (sign && p > 0 ? "+" : "") + text::fixed(p, 1) + " %";
}

void wrapped(const ImVec4& colour, const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
}

void cell(const std::string& text, const ImVec4* colour = nullptr) {
  ImGui::TableNextColumn();
  if (colour != nullptr) {
    ImGui::TextColored(*colour, "%s", text.c_str());
  } else {
    ImGui::TextUnformatted(text.c_str());
  }
}

std::string tolerances_text(const records::ReviewParameters& p) {
  std::string t;
  for (const auto& [item, value] : p.tolerances) {
    t += (t.empty() ? "" : ", ") + item + " \u00b1" + text::fixed(units::in_percent(value), 0) +
         " %";
  }
  return "Tolerances: " + (t.empty() ? "none stated (deviations shown, not assessed)" : t) +
         " \u00b7 post labs count " + text::fixed(units::in_hours(p.equilibration), 0) +
         " h or more after the end";
}

void draw_plan(AppState& s, const records::PlanReview& p) {
  const auto& plan = p.plan;
  ImGui::PushID(static_cast<int>(plan.id.raw()));
  ImGui::PushFont(bold_font());
  ImGui::Text("Plan %lld", static_cast<long long>(plan.id.raw()));
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::Text("protocol %s, version %s", plan.protocol_id.c_str(), plan.protocol_version.c_str());
  ImGui::SameLine();
  const std::string hash = plan.protocol_sha256.substr(0, 16) + "\u2026";
  ImGui::TextColored(kColourMuted, "SHA-256 %s", hash.c_str());
  tooltip("Protocol SHA-256: " + plan.protocol_sha256);
  ImGui::TextColored(kColourMuted, "approved by %s at %s \u00b7 made by LiverBridge %s",
                     plan.approved_by.c_str(), plan.approved_at.c_str(),
                     plan.software_version.c_str());

  const auto& rep = p.reproduction;
  if (!rep.failure.empty()) {
    badge("NOT REPRODUCIBLE", kColourError);
    record_rect(s, "records.plan.reproduction");
    ImGui::SameLine();
    wrapped(kColourError, rep.failure);
  } else if (rep.reproduced) {
    badge("REPRODUCED", kColourOk);
    record_rect(s, "records.plan.reproduction");
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("re-run from the stored input gives the stored plan");
  } else {
    badge("DIFFERS", kColourWarning);
    record_rect(s, "records.plan.reproduction");
    ImGui::SameLine();
    wrapped(kColourWarning, "a re-run with LiverBridge " + rep.current_version + " differs in " +
                                std::to_string(rep.differences.size()) +
                                " value(s) from the plan stored by " + rep.stored_version);
    const std::string title =
        "Show the " + std::to_string(rep.differences.size()) + " differing value(s)###diffs";
    if (ImGui::TreeNode(title.c_str())) {
      constexpr std::size_t kShown = 12;
      const ImGuiTableFlags flags =
          ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
      if (ImGui::BeginTable("diffs", 3, flags)) {
        ImGui::TableSetupColumn("JSON path", ImGuiTableColumnFlags_WidthStretch, 2.0f);
        ImGui::TableSetupColumn("stored", ImGuiTableColumnFlags_WidthStretch, 1.5f);
        ImGui::TableSetupColumn("re-run", ImGuiTableColumnFlags_WidthStretch, 1.5f);
        ImGui::TableHeadersRow();
        for (std::size_t i = 0; i < rep.differences.size() && i < kShown; ++i) {
          const auto& d = rep.differences[i];
          for (const std::string* text : {&d.path, &d.stored, &d.rerun}) {
            ImGui::TableNextColumn();
            ImGui::PushTextWrapPos(0);
            ImGui::TextUnformatted(text->c_str());
            ImGui::PopTextWrapPos();
          }
        }
        ImGui::EndTable();
      }
      if (rep.differences.size() > kShown) {
        ImGui::TextColored(kColourMuted, "\u2026 and %zu more (liverbridge review --patient %s)",
                           rep.differences.size() - kShown, plan.patient.str().c_str());
      }
      ImGui::TreePop();
    }
  }
  wrapped(kColourMuted, tolerances_text(p.parameters));
  ImGui::PopID();
}

void draw_comparisons(AppState& s, const records::SessionReview& r) {
  const std::string id = "cmp." + r.session_id.str();
  if (!ImGui::BeginTable(id.c_str(), 5, kTableFlags)) return;
  ImGui::TableSetupColumn("Item");
  ImGui::TableSetupColumn("Planned");
  ImGui::TableSetupColumn("Actual");
  ImGui::TableSetupColumn("Deviation");
  ImGui::TableSetupColumn("Assessment");
  ImGui::TableHeadersRow();
  for (const auto& c : r.comparisons) {
    ImGui::TableNextRow();
    if (c.beyond_tolerance) {
      ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1,
                             ImGui::GetColorU32(ImVec4(0.45f, 0.10f, 0.10f, 0.65f)));
    }
    cell(c.beyond_tolerance ? "!! " + c.label : c.label);
    cell(c.planned.empty() ? "not in the plan" : c.planned,
         c.planned.empty() ? &kColourMuted : nullptr);
    cell(c.actual.empty() ? "not recorded" : c.actual, c.actual.empty() ? &kColourMuted : nullptr);
    cell(c.deviation ? percent(*c.deviation) : "\u2014");
    ImGui::TableNextColumn();
    if (c.beyond_tolerance) {
      ImGui::TextColored(kColourError, "BEYOND TOLERANCE (\u00b1%s)",
                         percent(c.tolerance.value_or(units::fraction(0)), false).c_str());
      record_rect(s, "records.beyond." + r.session_id.str() + "." + c.item);
    } else if (c.deviation && c.tolerance) {
      ImGui::TextColored(kColourOk, "within \u00b1%s", percent(*c.tolerance, false).c_str());
    } else if (c.deviation) {
      ImGui::TextColored(kColourMuted, "not assessed (no tolerance stated)");
    } else {
      ImGui::TextColored(kColourMuted, "%s", c.note.empty() ? "\u2014" : c.note.c_str());
    }
    if (!c.note.empty() && c.deviation) tooltip(c.note);
  }
  ImGui::EndTable();
}

void draw_labs(const records::SessionReview& r) {
  if (r.labs.empty()) return;
  const std::string id = "labs." + r.session_id.str();
  if (!ImGui::BeginTable(id.c_str(), 6, kTableFlags)) return;
  ImGui::TableSetupColumn("Lab");
  ImGui::TableSetupColumn("Before");
  ImGui::TableSetupColumn("After");
  ImGui::TableSetupColumn("Post drawn");
  ImGui::TableSetupColumn("Observed / predicted ratio");
  ImGui::TableSetupColumn("Note", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableHeadersRow();
  for (const auto& l : r.labs) {
    ImGui::TableNextRow();
    cell(records::analyte_label(l.analyte));
    cell(l.pre.empty() ? "\u2014" : l.pre);
    cell(l.post.empty() ? "\u2014" : l.post);
    cell(l.post.empty() ? "\u2014"
                        : text::fixed(units::in_hours(l.after_end), 1) + " h after the end" +
                              (l.equilibrated ? "" : " (too early)"),
         l.equilibrated || l.post.empty() ? nullptr : &kColourWarning);
    std::string ratios =
        l.observed_ratio ? text::fixed(units::in_fraction(*l.observed_ratio), 3) : "\u2014";
    if (l.refit) {
      ratios += " / " + text::fixed(units::in_fraction(l.refit->predicted_ratio.value), 3);
      if (l.refit->fitted_fraction) {
        ratios += " (fitted f " +
                  text::fixed(units::in_fraction(l.refit->fitted_fraction->value), 2) +
                  "; published " + l.refit->published_fraction + ")";
      }
    }
    cell(ratios);
    ImGui::TableNextColumn();
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(kColourMuted, "%s", l.note.c_str());
    ImGui::PopTextWrapPos();
  }
  ImGui::EndTable();
}

void draw_session(AppState& s, const records::SessionReview& r) {
  ImGui::PushID(static_cast<int>(r.session_id.raw()));
  ImGui::PushFont(bold_font());
  ImGui::Text("Session %d", r.number);
  ImGui::PopFont();
  record_rect(s, "records.session." + r.session_id.str());
  ImGui::SameLine();
  ImGui::Text("%s \u2192 %s", r.started.c_str(), r.ended.c_str());
  ImGui::SameLine();
  ImGui::TextColored(kColourMuted, "record %lld \u00b7 plan %lld",
                     static_cast<long long>(r.session_id.raw()),
                     static_cast<long long>(r.plan_id.raw()));
  int beyond = 0;
  for (const auto& c : r.comparisons) beyond += c.beyond_tolerance ? 1 : 0;
  if (beyond > 0) {
    ImGui::SameLine();
    ImGui::TextColored(kColourError, "\u25b2 %d beyond tolerance", beyond);
  }
  draw_comparisons(s, r);
  if (!r.adverse_events.empty() || !r.adverse_event_notes.empty()) {
    std::string events;
    for (const auto& e : r.adverse_events) events += (events.empty() ? "" : ", ") + e;
    wrapped(kColourWarning,
            "Adverse events: " + (events.empty() ? "none listed" : events) +
                (r.adverse_event_notes.empty() ? "" : " \u2014 " + r.adverse_event_notes));
  } else {
    ImGui::TextColored(kColourMuted, "Adverse events: none recorded");
  }
  draw_labs(r);
  for (const auto& c : r.corrections) {
    wrapped(kColourMuted, "corrected " + c.field + ": " + c.previous_value + " \u2192 " +
                              c.new_value + " by " + c.actor + " at " + c.at_utc + " (" + c.reason +
                              ")");
  }
  ImGui::PopID();
}

/// A collapsed node that unfolds a figure's method, formula, inputs, source and warnings.
void derivation_node(const char* title, const explain::Derivation& how) {
  if (!ImGui::TreeNode(title)) return;
  ImGui::PushTextWrapPos(0);
  if (!how.method.empty()) ImGui::Text("Method: %s", how.method.c_str());
  if (!how.formula.empty()) ImGui::Text("Formula: %s", how.formula.c_str());
  for (const auto& in : how.inputs) {
    const std::string value = in.quantity ? text::shown(*in.quantity) : in.text;
    ImGui::BulletText("%s = %s", in.name.c_str(), value.c_str());
  }
  if (!how.source.empty()) ImGui::TextColored(kColourMuted, "Source: %s", how.source.c_str());
  for (const auto& w : how.warnings) ImGui::TextColored(kColourWarning, "%s", w.c_str());
  ImGui::PopTextWrapPos();
  ImGui::TreePop();
}

void draw_estimate(AppState& s, const records::CourseReview& review) {
  heading("Next session");
  if (!review.next_session_volume) {
    wrapped(kColourMuted,
            "No model estimate: no session gives a re-planned volume (the notes in the labs "
            "tables above say why for each lab).");
    return;
  }
  const auto& v = *review.next_session_volume;
  badge("MODEL ESTIMATE \u2014 not an order", kColourWarning);
  record_rect(s, "records.estimate");
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  ImGui::Text("%s: %s", v.how.label.empty() ? "Exchange volume per session" : v.how.label.c_str(),
              text::shown(v.how.shown).c_str());
  wrapped(kColourMuted, "Basis: " + review.next_session_basis +
                            ". The volume at which the kinetics model with the fitted "
                            "intravascular fraction reaches the fall the plan predicts; the "
                            "course refit below uses the same fit. The team decides.");
  derivation_node("How the estimate was made", v.how);
}

/// The next-session course per lab refitted to the patient's own draws: which parameters were
/// fitted from which draws, which were kept and why, and the estimate's bands.
void draw_refits(const records::CourseReview& review) {
  if (review.refits.empty()) return;
  heading("Refitted to the patient's own draws");
  badge("MODEL ESTIMATE \u2014 not an order", kColourWarning);
  for (const auto& r : review.refits) {
    ImGui::PushFont(bold_font());
    ImGui::TextUnformatted(records::analyte_label(r.analyte).c_str());
    ImGui::PopFont();
    if (r.from) {
      ImGui::SameLine();
      ImGui::TextColored(kColourMuted, "from the latest draw %s",
                         records::draw_text(*r.from).c_str());
    }
    ImGui::PushTextWrapPos(0);
    for (const auto& p : r.fitted) {
      ImGui::PushID(p.how.id.c_str());
      ImGui::BulletText("fitted %s: %s from %s", p.name.c_str(), p.value.c_str(),
                        records::draws_text(p.draws).c_str());
      ImGui::TextColored(kColourMuted, "published: %s", p.published.c_str());
      derivation_node("How it was fitted", p.how);
      ImGui::PopID();
    }
    for (const auto& k : r.kept) ImGui::TextColored(kColourMuted, "kept %s", k.c_str());
    ImGui::TextUnformatted(records::refit_estimate_line(r).c_str());
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
  }
}

}  // namespace

void draw_records_course(AppState& s) {
  auto& r = s.records;
  if (!r.patient_error.empty()) {
    wrapped(kColourError,
            "Could not read the course of " + r.selected.str() + ": " + r.patient_error);
    return;
  }
  if (!r.review) return;
  const auto& review = *r.review;
  ImGui::PushFont(bold_font());
  ImGui::Text("Patient %s", review.patient.str().c_str());
  ImGui::PopFont();
  ImGui::SameLine();
  if (review.audit_chain_problem.empty()) {
    ImGui::TextColored(kColourOk, "audit hash chain verified");
  } else {
    ImGui::TextColored(kColourError, "AUDIT HASH CHAIN BROKEN: %s",
                       review.audit_chain_problem.c_str());
  }
  record_rect(s, "records.course.chain");

  heading("Approved plans");
  if (review.plans.empty()) {
    wrapped(kColourMuted, "No approved plan yet: store one with `liverbridge record plan`.");
  }
  for (const auto& p : review.plans) {
    draw_plan(s, p);
    ImGui::Spacing();
  }
  ImGui::Separator();
  heading("Sessions performed");
  if (review.sessions.empty()) ImGui::TextColored(kColourMuted, "none recorded yet");
  for (const auto& x : review.sessions) {
    draw_session(s, x);
    ImGui::Spacing();
  }
  ImGui::Separator();
  draw_estimate(s, review);
  draw_refits(review);
  ImGui::Separator();
  draw_records_lab_charts(s);
}

}  // namespace lb::gui
