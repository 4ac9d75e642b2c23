// Diagnostics collected while reading patient and protocol files. Each names
// the file, 1-based line and column, the key and what was expected, and they
// are collected (not thrown) so that every problem is reported at once.
#pragma once

#include <string>
#include <vector>

namespace lb::diag {

enum class Severity { error, warning, note };

/// 1-based position in a file; line 0 means "the file as a whole".
struct Location {
  std::string file;
  int line = 0;
  int column = 0;
};

struct Diagnostic {
  Severity severity = Severity::error;
  Location where;
  std::string key;  ///< dotted key path, e.g. "labs.bilirubin"; may be empty
  std::string message;
};

/// "file:line:col: error: key: message" (compiler style, clickable in editors).
std::string format(const Diagnostic& d);
std::string_view severity_name(Severity s);

class Diagnostics {
 public:
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  void error(Location where, std::string key, std::string message);
  void warning(Location where, std::string key, std::string message);
  void note(Location where, std::string key, std::string message);

  [[nodiscard]] const std::vector<Diagnostic>& items() const { return items_; }
  [[nodiscard]] bool has_errors() const;
  [[nodiscard]] std::size_t count(Severity s) const;
  [[nodiscard]] bool empty() const { return items_.empty(); }
  /// Sorted by file, line, column (stable for equal positions).
  [[nodiscard]] std::vector<Diagnostic> sorted() const;

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace lb::diag
