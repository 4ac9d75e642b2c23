#include "print/page.hpp"

#include "print/printable.hpp"

namespace lb::print {

// A4 portrait. Shading helps but never carries meaning alone: every flag is also in
// words ("flagged", "ABOVE", "BEYOND TOLERANCE"), so a print without backgrounds reads
// the same.
const char* const kStyle = R"css(
@page { size: A4 portrait; margin: 14mm 12mm 16mm 12mm; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 9.5pt;
       line-height: 1.3; color: #000; background: #fff; margin: 0 auto; padding: 10mm 8mm;
       max-width: 186mm; }
h1 { font-size: 15pt; margin: 0 0 2pt 0; }
.sub { margin: 0 0 6pt 0; color: #333; }
h2 { font-size: 11.5pt; margin: 12pt 0 4pt 0; padding-bottom: 1pt; border-bottom: 1.5px solid #000;
     break-after: avoid; page-break-after: avoid; }
h3 { font-size: 10pt; margin: 8pt 0 3pt 0; break-after: avoid; page-break-after: avoid; }
p { margin: 3pt 0; }
table { border-collapse: collapse; width: 100%; margin: 3pt 0 6pt 0; }
th, td { border: 1px solid #888; padding: 2pt 4pt; text-align: left; vertical-align: top; }
thead th, th.col { background: #e6e6e6; font-weight: bold; }
table.kv th { width: 30%; background: #f2f2f2; font-weight: bold; }
table.orders td:first-child { width: 30%; }
table.orders td.val { width: 24%; font-weight: bold; }
td.num { text-align: right; white-space: nowrap; } th.num { text-align: right; }
table.schedule { font-size: 9pt; }
.basis { font-size: 8pt; color: #333; }
.formula { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 7.5pt;
           color: #333; overflow-wrap: break-word; }
.mono { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 8.5pt;
        overflow-wrap: break-word; }
td.t { white-space: nowrap; }
table.unverified td:first-child { width: 34%; overflow-wrap: anywhere; }
table.rules { table-layout: fixed; } table.rules td { overflow-wrap: break-word; }
table.rules { font-size: 9pt; }
table.rules th:nth-child(1) { width: 16%; } table.rules th:nth-child(2) { width: 15.5%; }
table.rules th:nth-child(3) { width: 9%; } table.rules th:nth-child(4) { width: 20%; }
table.rules th:nth-child(6) { width: 14.5%; }
.warn { font-weight: bold; }
.flag { font-weight: bold; text-decoration: underline; }
.muted { color: #444; font-style: italic; }
.note { font-size: 8.5pt; color: #222; font-weight: normal; }
.disclaimer { border: 2px solid #000; padding: 4pt 6pt; margin: 6pt 0; font-weight: bold; }
.status { border: 2px solid #000; padding: 4pt 6pt; margin: 6pt 0; font-weight: bold; }
.status.ready { background: #e3f4e6; } .status.ready_with_warnings { background: #fdf0d5; }
.status.not_ready { background: #fbe1df; }
tr.triggered td { background: #fdf0d5; }
tr.beyond td { background: #fbe1df; }
ul { margin: 2pt 0 4pt 0; padding-left: 16pt; } li { margin: 1pt 0; }
table.sign { margin-top: 8pt; break-inside: avoid; page-break-inside: avoid; }
table.sign td { height: 22pt; vertical-align: bottom; width: 33%; }
table.sign th { width: auto; }
.sign-block { break-inside: avoid; page-break-inside: avoid; }
.foot { margin-top: 10pt; font-size: 8pt; color: #333; border-top: 1px solid #888; padding-top: 2pt; }
@media print {
  body { padding: 0; max-width: none; }
  tr, li { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
}
)css";

void Page::section(const std::string& title) {
  o << "<h2>" << ++number_ << ". " << title << "</h2>\n";
}

void Page::sub(const std::string& title) { o << "<h3>" << title << "</h3>\n"; }

void Page::para(const std::string& html, const char* cls) {
  o << "<p" << (cls != nullptr ? std::string(" class=\"") + cls + "\"" : "") << ">" << html
    << "</p>\n";
}

void Page::missing(const std::string& what) { para(report::html_escape(what), "muted"); }

void Page::kv_open() { o << "<table class=\"kv\">\n"; }

void Page::kv(const std::string& key, const std::string& value_html) {
  o << "<tr><th>" << report::html_escape(key) << "</th><td>" << value_html << "</td></tr>\n";
}

void Page::table_close() { o << "</table>\n"; }

void Page::orders_open() {
  o << "<table class=\"orders\"><thead><tr><th class=\"col\">Order</th><th "
       "class=\"col\">Value</th><th class=\"col\">Basis (method, formula)</th></tr></thead>\n"
       "<tbody>\n";
}

void Page::orders_close() { o << "</tbody></table>\n"; }

bool Page::order(const std::string& label, const report::StoredFigure& figure,
                 const std::string& extra_html, const std::string& basis_note) {
  using report::html_escape;
  if (!figure.present()) return false;
  std::string basis;
  if (!figure.method.empty()) basis += html_escape(figure.method);
  if (!figure.formula.empty()) {
    basis += (basis.empty() ? "" : "<br>") + std::string("<span class=\"formula\">") +
             html_escape(figure.formula) + "</span>";
  }
  if (!basis_note.empty()) {
    basis += (basis.empty() ? "" : "<br>") + std::string("<span class=\"note\">") +
             html_escape(basis_note) + "</span>";
  }
  for (const auto& w : figure.warnings) {
    basis += "<br><span class=\"warn\">! " + html_escape(w) + "</span>";
  }
  // A figure resting on an unverified default says so on paper as in every other output
  // (its source or method names it; the window shows the same badge).
  std::string value = html_escape(figure.display) + extra_html;
  if (figure.source.find("unverified") != std::string::npos ||
      figure.method.find("unverified") != std::string::npos) {
    value += "<br><span class=\"warn\">unverified default: review locally</span>";
  }
  order_row(label, value, basis);
  return true;
}

void Page::order_row(const std::string& label, const std::string& value_html,
                     const std::string& basis_html) {
  o << "<tr><td>" << report::html_escape(label) << "</td><td class=\"val\">" << value_html
    << "</td><td class=\"basis\">" << basis_html << "</td></tr>\n";
}

std::string note_html(const std::string& text) {
  return "<br><span class=\"note\">" + report::html_escape(text) + "</span>";
}

}  // namespace lb::print
