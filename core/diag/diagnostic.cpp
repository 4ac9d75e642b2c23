#include "diag/diagnostic.hpp"

#include <algorithm>

namespace lb::diag {

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::note: return "note";
  }
  return "error";
}

std::string format(const Diagnostic& d) {
  std::string out = d.where.file.empty() ? std::string("<input>") : d.where.file;
  if (d.where.line > 0) {
    out += ":" + std::to_string(d.where.line) + ":" + std::to_string(d.where.column);
  }
  out += ": ";
  out += severity_name(d.severity);
  out += ": ";
  if (!d.key.empty()) out += d.key + ": ";
  out += d.message;
  return out;
}

void Diagnostics::error(Location where, std::string key, std::string message) {
  add({Severity::error, std::move(where), std::move(key), std::move(message)});
}
void Diagnostics::warning(Location where, std::string key, std::string message) {
  add({Severity::warning, std::move(where), std::move(key), std::move(message)});
}
void Diagnostics::note(Location where, std::string key, std::string message) {
  add({Severity::note, std::move(where), std::move(key), std::move(message)});
}

bool Diagnostics::has_errors() const { return count(Severity::error) > 0; }

std::size_t Diagnostics::count(Severity s) const {
  return static_cast<std::size_t>(std::count_if(
      items_.begin(), items_.end(), [s](const Diagnostic& d) { return d.severity == s; }));
}

std::vector<Diagnostic> Diagnostics::sorted() const {
  std::vector<Diagnostic> out = items_;
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.where.file != b.where.file) return a.where.file < b.where.file;
    if (a.where.line != b.where.line) return a.where.line < b.where.line;
    return a.where.column < b.where.column;
  });
  return out;
}

}  // namespace lb::diag
