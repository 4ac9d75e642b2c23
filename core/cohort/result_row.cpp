#include "cohort/result_row.hpp"

#include <charconv>
#include <cmath>

#include "cohort/csv.hpp"
#include "cohort/summary.hpp"

namespace lb::cohort {

namespace {

void append_integer(std::string& out, std::uint64_t v) {
  char buf[24];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  if (ec == std::errc()) out.append(buf, end);
}

/// A score value: the shortest text that reads back as the same double ("25", "27.5").
void append_value(std::string& out, double v) {
  // Most scores are whole numbers: printed as integers, the same text.
  if (v >= 0.0 && v < 1e15 && v == std::floor(v)) {
    append_integer(out, static_cast<std::uint64_t>(v));
    return;
  }
  char buf[32];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  if (ec == std::errc()) out.append(buf, end);
}

/// text::fixed(v, 2) without the std::string or printf: a 1e-12 relative
/// nudge, then halves away from zero; the whole hundredths are printed as
/// digits (what "%.2f" prints for the rounded value).
void append_fixed2(std::string& out, double v) {
  double scaled = v * 100.0;
  scaled += (scaled >= 0 ? 1.0 : -1.0) * std::fabs(scaled) * 1e-12;
  const double hundredths = std::round(scaled);
  if (!std::isfinite(hundredths) || std::fabs(hundredths) > 1e15) {
    out += "n/a";
    return;
  }
  if (hundredths < 0) out.push_back('-');
  const auto n = static_cast<std::uint64_t>(std::fabs(hundredths));
  append_integer(out, n / 100);
  out.push_back('.');
  out.push_back(static_cast<char>('0' + (n / 10) % 10));
  out.push_back(static_cast<char>('0' + n % 10));
}

}  // namespace

std::string result_header(const Evaluator& evaluator) {
  std::string out = "row,id,verdict,decisive_rules";
  for (std::size_t i = 0; i < scores::kScoreCount; ++i) {
    const std::string key(scores::to_string(static_cast<scores::ScoreKey>(i)));
    if (evaluator.score_columns()[i].value) out += "," + key;
    if (evaluator.score_columns()[i].category) out += "," + key + "_category";
  }
  out += ",plasma_volume_ml,exchange_volume_ml,plasma_volumes,ffp_units_per_session\n";
  return out;
}

void append_result(std::string& out, std::size_t row, const patient::Patient& patient,
                   const RowResult& result, const Evaluator& evaluator) {
  append_integer(out, row);
  out.push_back(',');
  csv::append_field(out, patient.id);
  out.push_back(',');
  out.append(eligibility::to_string(result.verdict));
  out.push_back(',');
  const auto& rules = evaluator.protocol().eligibility.rules;
  std::size_t written = 0;
  for (const std::size_t i : result.decisive) {
    if (written++ > 0) out.push_back(';');
    csv::append_field(out, rules[i].id.str());
  }
  for (std::size_t i = 0; i < result.scores.size(); ++i) {
    const CohortScore& score = result.scores[i];
    const Evaluator::ScoreColumns columns = evaluator.score_columns()[i];
    if (columns.value) {
      out.push_back(',');
      if (score.value) {
        append_value(out, *score.value);
      } else if (score.met) {
        out.append(*score.met ? "true" : "false");
      }
    }
    if (columns.category) {
      out.push_back(',');
      csv::append_field(out, score.category);
    }
  }
  out.push_back(',');
  append_integer(out, shown_ml(result.plasma_volume));
  out.push_back(',');
  append_integer(out, shown_ml(result.exchange));
  out.push_back(',');
  append_fixed2(out, units::in_fraction(result.exchange / result.plasma_volume));
  out.push_back(',');
  if (result.ffp_units) append_integer(out, static_cast<std::uint64_t>(*result.ffp_units));
  out.push_back('\n');
}

}  // namespace lb::cohort
