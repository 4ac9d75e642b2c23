#include "cohort/summary.hpp"

#include <cmath>

#include "text/format.hpp"

namespace lb::cohort {

std::uint64_t shown_ml(units::Volume v) {
  // text::fixed(ml, 0): a 1e-12 relative nudge, then halves away from zero.
  double ml = units::in_milliliters(v);
  ml += (ml >= 0 ? 1.0 : -1.0) * std::fabs(ml) * 1e-12;
  const double rounded = std::round(ml);
  return rounded <= 0.0 ? 0 : static_cast<std::uint64_t>(rounded);
}

void Summary::add(eligibility::Verdict verdict, units::Volume exchange,
                  std::optional<int> ffp_units) {
  ++evaluated;
  ++per_verdict[static_cast<std::size_t>(verdict)];
  exchange_total += exchange;
  const std::uint64_t ml = shown_ml(exchange);
  if (ml >= volume_histogram.size()) volume_histogram.resize(ml + 1, 0);
  ++volume_histogram[ml];
  if (ffp_units) {
    ++ffp_rows;
    ffp_units_total += static_cast<std::uint64_t>(*ffp_units);
  }
}

void Summary::merge(const Summary& other) {
  rows += other.rows;
  evaluated += other.evaluated;
  skipped += other.skipped;
  not_planned += other.not_planned;
  for (std::size_t i = 0; i < per_verdict.size(); ++i) per_verdict[i] += other.per_verdict[i];
  exchange_total += other.exchange_total;
  ffp_rows += other.ffp_rows;
  ffp_units_total += other.ffp_units_total;
  if (other.volume_histogram.size() > volume_histogram.size()) {
    volume_histogram.resize(other.volume_histogram.size(), 0);
  }
  for (std::size_t i = 0; i < other.volume_histogram.size(); ++i) {
    volume_histogram[i] += other.volume_histogram[i];
  }
}

std::optional<std::uint64_t> Summary::percentile_ml(double p) const {
  if (evaluated == 0 || !(p > 0.0) || p > 100.0) return std::nullopt;
  // Nearest rank: the smallest value with at least ceil(p/100 × n) values at or below it.
  const auto rank =
      static_cast<std::uint64_t>(std::ceil(p / 100.0 * static_cast<double>(evaluated)));
  std::uint64_t seen = 0;
  for (std::size_t ml = 0; ml < volume_histogram.size(); ++ml) {
    seen += volume_histogram[ml];
    if (seen >= rank && seen > 0) return ml;
  }
  return std::nullopt;
}

std::string summary_text(const Summary& s) {
  constexpr std::size_t kWidth = 42;
  std::string out = "cohort summary\n";
  const auto line = [&](std::string_view label, const std::string& value) {
    out += "  " + text::dot_leader(label, kWidth) + value + "\n";
  };
  const auto count = [](std::size_t n) { return text::grouped(static_cast<double>(n), 0); };
  line("patient rows", count(s.rows));
  line("evaluated", count(s.evaluated));
  line("skipped (bad values)", count(s.skipped));
  line("not planned (formula not applicable)", count(s.not_planned));
  for (std::size_t v = 0; v < s.per_verdict.size(); ++v) {
    line(eligibility::to_string(static_cast<eligibility::Verdict>(v)), count(s.per_verdict[v]));
  }
  if (s.evaluated > 0) {
    const auto ml = [](std::optional<std::uint64_t> v) {
      return v ? text::grouped(static_cast<double>(*v), 0) + " mL" : std::string("n/a");
    };
    line("exchange volume per session, total",
         text::grouped(units::in_milliliters(s.exchange_total), 0) + " mL");
    line("exchange volume per session, P10", ml(s.percentile_ml(10)));
    line("exchange volume per session, P50", ml(s.percentile_ml(50)));
    line("exchange volume per session, P90", ml(s.percentile_ml(90)));
  }
  if (s.ffp_rows > 0) {
    line("FFP units per session, total", text::grouped(static_cast<double>(s.ffp_units_total), 0) +
                                             " (" + count(s.ffp_rows) +
                                             (s.ffp_rows == 1 ? " patient)" : " patients)"));
  } else if (s.evaluated == 0) {
    // Nothing was evaluated: the protocol's replacement is not the reason.
    line("FFP units per session", "not computed (no patient was evaluated)");
  } else {
    line("FFP units per session", "not computed (the protocol gives no FFP replacement)");
  }
  return out;
}

}  // namespace lb::cohort
