// Builds patient-file text for the loader tests: a valid adult patient whose
// keys can be replaced, removed or added, with the line of each key known so
// that diagnostics can be checked at their exact position.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "diag/diagnostic.hpp"
#include "patient/patient_loader.hpp"

namespace lb::testing {

class PatientText {
 public:
  using Entries = std::vector<std::pair<std::string, std::string>>;

  /// Sets `key` ("weight", "labs.bilirubin", "clinical.map") to `value`, keeping
  /// its position when it exists and appending it otherwise.
  PatientText& set(const std::string& key, const std::string& value) {
    auto [section, name] = split(key);
    Entries& e = *section;
    auto it = std::find_if(e.begin(), e.end(), [&](const auto& kv) { return kv.first == name; });
    if (it != e.end()) {
      it->second = value;
    } else {
      e.emplace_back(name, value);
    }
    return *this;
  }
  PatientText& erase(const std::string& key) {
    auto [section, name] = split(key);
    std::erase_if(*section, [&](const auto& kv) { return kv.first == name; });
    return *this;
  }

  [[nodiscard]] std::string str() const {
    std::string out;
    for (const auto& [k, v] : top_) out += k + ": " + v + "\n";
    if (!labs_.empty()) {
      out += "labs:\n";
      for (const auto& [k, v] : labs_) out += "  " + k + ": " + v + "\n";
    }
    if (!clinical_.empty()) {
      out += "clinical:\n";
      for (const auto& [k, v] : clinical_) out += "  " + k + ": " + v + "\n";
    }
    return out;
  }

  /// 1-based line of `key` in str(), and the column where its value starts.
  [[nodiscard]] std::pair<int, int> value_position(const std::string& key) const {
    const auto [section, name] = split_const(key);
    int line = 0;
    auto scan = [&](const Entries& e, const std::string& indent, bool mine,
                    std::optional<std::pair<int, int>>& found) {
      for (const auto& [k, v] : e) {
        ++line;
        if (mine && k == name) {
          found = {line, static_cast<int>(indent.size() + k.size() + 3)};
        }
      }
    };
    std::optional<std::pair<int, int>> found;
    scan(top_, "", section == &top_, found);
    if (!labs_.empty()) ++line;
    scan(labs_, "  ", section == &labs_, found);
    if (!clinical_.empty()) ++line;
    scan(clinical_, "  ", section == &clinical_, found);
    return found.value_or(std::pair<int, int>{0, 0});
  }

  [[nodiscard]] patient::PatientLoad load(const std::string& file = "test.yaml") const {
    return patient::parse_patient(str(), file);
  }

 private:
  std::pair<Entries*, std::string> split(const std::string& key) {
    if (key.rfind("labs.", 0) == 0) return {&labs_, key.substr(5)};
    if (key.rfind("clinical.", 0) == 0) return {&clinical_, key.substr(9)};
    return {&top_, key};
  }
  [[nodiscard]] std::pair<const Entries*, std::string> split_const(const std::string& key) const {
    if (key.rfind("labs.", 0) == 0) return {&labs_, key.substr(5)};
    if (key.rfind("clinical.", 0) == 0) return {&clinical_, key.substr(9)};
    return {&top_, key};
  }

  Entries top_ = {{"id", "T-0001"},     {"sex", "male"},     {"age", "54 years"},
                  {"height", "175 cm"}, {"weight", "70 kg"}, {"hematocrit", "30 %"},
                  {"diagnosis", "alf"}};
  Entries labs_;
  Entries clinical_;
};

/// Every diagnostic, formatted, one per line (for failure messages).
inline std::string all_diagnostics(const diag::Diagnostics& d) {
  std::string out;
  for (const auto& item : d.items()) out += "  " + diag::format(item) + "\n";
  return out;
}

/// The first diagnostic of `severity` whose formatted text contains `text`.
inline const diag::Diagnostic* find_diag(const diag::Diagnostics& d, diag::Severity severity,
                                         const std::string& text) {
  for (const auto& item : d.items()) {
    if (item.severity == severity && diag::format(item).find(text) != std::string::npos) {
      return &item;
    }
  }
  return nullptr;
}

}  // namespace lb::testing
