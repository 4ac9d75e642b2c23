// What the plan flagged: its errors and warnings as stored, and the protocol
// values its authors list as unverified.
#include "print/printable.hpp"
#include "print/sections.hpp"

namespace lb::print {

using report::html_escape;

void findings(Page& p, const StoredPlan& plan) {
  p.section("Warnings and errors");
  std::string items;
  for (const auto& f : plan.findings) {
    const bool error = f.severity == diag::Severity::error;
    items += std::string("<li class=\"warn\">") + (error ? "ERROR: " : "Warning: ") +
             html_escape(f.message) + "</li>\n";
  }
  if (items.empty()) {
    p.para("None: the plan has no warnings or errors.");
  } else {
    p.o << "<ul>\n" << items << "</ul>\n";
  }
}

void unverified(Page& p, const StoredPlan& plan) {
  p.section("Unverified protocol values");
  const auto& list = plan.protocol.unverified;
  if (list.empty()) {
    p.para("None: the protocol lists no unverified values.");
    return;
  }
  p.para(
      "The protocol's authors list these values as not verified against a source. Check them "
      "locally before relying on the figures that use them.",
      "note");
  p.o << "<table class=\"unverified\"><thead><tr><th class=\"col\">Protocol value</th><th "
         "class=\"col\">Why it is "
         "unverified</th></tr></thead><tbody>\n";
  for (const auto& u : list) {
    p.o << "<tr><td class=\"mono\">" << html_escape(u.key)
        << "<br><span class=\"warn\">unverified default: review locally</span></td><td>"
        << html_escape(u.note) << "</td></tr>\n";
  }
  p.o << "</tbody></table>\n";
}

}  // namespace lb::print
