#include "records/lab_series.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "units/parse.hpp"

namespace lb::records {

namespace {

/// The unit values are shown in, and how many of it make one SI unit.
struct Scale {
  std::string unit;
  units::AnyQuantity one;  ///< one of `unit`: values are shown as multiples of it
};

/// The scale of the unit `value` was entered in, read by the same parser that
/// accepted it; nullopt when the stored text no longer parses.
std::optional<Scale> scale_of(const RecordedQuantity& value) {
  const auto parsed = units::parse_quantity(value.text, true);
  if (!parsed || parsed.value->dimension != value.dimension()) return std::nullopt;
  if (parsed.value->unit.empty()) {
    return Scale{"", units::AnyQuantity::of(units::Fraction::from_value(1.0))};
  }
  const auto one = units::parse_quantity("1 " + parsed.value->unit);
  if (!one || !(one.value->si_value > 0.0)) return std::nullopt;
  return Scale{parsed.value->unit, one.value->quantity()};
}

struct Recorded {
  const LabValue* lab;
  int session;
};

}  // namespace

std::vector<LabSeries> lab_series(const std::vector<SessionRecord>& sessions,
                                  const CourseReview& review) {
  if (sessions.empty()) return {};
  // Hours from the course's first record: a session start or a lab drawn before it.
  std::int64_t t0 = sessions.front().data.started.epoch_seconds;
  for (const auto& x : sessions) {
    t0 = std::min(t0, x.data.started.epoch_seconds);
    for (const auto& lab : x.data.labs) t0 = std::min(t0, lab.drawn_at.epoch_seconds);
  }
  const auto hours = [t0](const Timestamp& t) {
    return static_cast<double>(t.epoch_seconds - t0) / 3600.0;
  };

  std::map<std::string, std::vector<Recorded>> by_analyte;  // course order within each
  for (std::size_t i = 0; i < sessions.size(); ++i) {
    for (const auto& lab : sessions[i].data.labs) {
      by_analyte[lab.analyte].push_back({&lab, static_cast<int>(i) + 1});
    }
  }

  std::vector<LabSeries> out;
  for (const auto& [analyte, values] : by_analyte) {
    std::optional<Scale> scale;
    for (const auto& v : values) {
      if ((scale = scale_of(v.lab->value))) break;
    }
    if (!scale) continue;
    const auto shown = [&](const LabValue& v) -> std::optional<double> {
      return units::ratio(v.value.quantity(), scale->one);
    };
    LabSeries series;
    series.analyte = analyte;
    series.unit = scale->unit;
    for (const auto& v : values) {
      const auto value = shown(*v.lab);
      if (!value) {
        ++series.other_units;
        continue;
      }
      series.observed.push_back({hours(v.lab->drawn_at), *value, v.session, v.lab->timing});
    }
    // The model's line per session: from the observed value before to the predicted one.
    for (const auto& sr : review.sessions) {
      const auto rec = std::find_if(sessions.begin(), sessions.end(),
                                    [&](const auto& x) { return x.id == sr.session_id; });
      if (rec == sessions.end()) continue;
      const LabValue* pre = nullptr;
      const LabValue* post = nullptr;
      for (const auto& lab : rec->data.labs) {
        if (lab.analyte == analyte) (lab.timing == "pre" ? pre : post) = &lab;
      }
      if (pre == nullptr || post == nullptr) continue;
      const auto before = shown(*pre);
      if (!before) continue;
      for (const auto& lr : sr.labs) {
        if (lr.analyte != analyte || !lr.refit) continue;
        // C_post = C_pre × predicted post/pre ratio (the refit's model, LiverBridge clinical
        // reference §7).
        const double predicted = *before * units::in_fraction(lr.refit->predicted_ratio.value);
        series.predicted.push_back({{hours(pre->drawn_at), *before, sr.number, "pre"},
                                    {hours(post->drawn_at), predicted, sr.number, "post"}});
      }
    }
    out.push_back(std::move(series));
  }
  std::stable_partition(out.begin(), out.end(), [](const LabSeries& s) { return s.modelled(); });
  return out;
}

}  // namespace lb::records
