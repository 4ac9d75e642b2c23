// The HTML page the printable sections write into: numbered sections, key-value
// tables and order tables whose rows carry a stored figure with its basis.
#pragma once

#include <sstream>
#include <string>

#include "report/stored_plan.hpp"

namespace lb::print {

/// The page's inline style sheet (A4 portrait, readable without backgrounds).
extern const char* const kStyle;

class Page {
 public:
  std::ostringstream o;

  /// "<h2>3. title</h2>", numbered in the order the sections are written.
  void section(const std::string& title);
  void sub(const std::string& title);
  void para(const std::string& html, const char* cls = nullptr);
  /// An explanation in place of a section the plan lacks (escaped).
  void missing(const std::string& what);

  void kv_open();
  void kv(const std::string& key, const std::string& value_html);
  void table_close();

  void orders_open();
  void orders_close();
  /// One order row from a stored figure: its value (plus `extra_html`), its method,
  /// formula, `basis_note` and derivation warnings. Nothing when the plan lacks it.
  bool order(const std::string& label, const report::StoredFigure& figure,
             const std::string& extra_html = "", const std::string& basis_note = "");
  void order_row(const std::string& label, const std::string& value_html,
                 const std::string& basis_html = "");

 private:
  int number_ = 0;
};

/// "<br><span class=\"note\">text</span>" (escaped), the small print under a value.
std::string note_html(const std::string& text);

}  // namespace lb::print
