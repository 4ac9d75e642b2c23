// The bridge view laid out as sections of rows of labelled lines, once, so that the text, the
// Markdown and the window show the same words in the same order (render.hpp, ui/gui).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "bridge/status.hpp"
#include "bridge/view.hpp"

namespace lb::bridge {

struct LayoutRow {
  std::string status;      ///< "met", "not met", "not evaluable", "sources disagree", "listed"
  std::string title;       ///< "engelmann-2018-clif-c-aclf-70: CLIF-C ACLF ≥ 70 …"
  bool collapsed = false;  ///< an unverified rule: listed, not evaluated
  std::vector<std::pair<std::string, std::string>> lines;  ///< label, text
};

struct LayoutSection {
  std::string title;
  std::vector<LayoutRow> rows;
  std::vector<std::string> notes;  ///< "sources disagree: A met, B not met"
};

struct Layout {
  std::string heading;  ///< "Bridge view for LB-ALF-0001 at 2026-..."
  std::vector<std::string> preface;
  std::vector<LayoutSection> sections;
};

Layout layout_view(const BridgeView& view);

/// The sentence every rendering carries: the view reports rules, it decides nothing.
std::string_view bridge_disclaimer();

}  // namespace lb::bridge
