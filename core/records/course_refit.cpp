#include "records/course_refit.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <utility>

#include "kinetics/compartment.hpp"
#include "kinetics/solute_value.hpp"
#include "text/format.hpp"
#include "units/compare.hpp"

namespace lb::records {

namespace {

using kinetics::Params;
using kinetics::State;
using protocol::KineticModel;

/// A recorded draw with its time and value in the form of the latest draw.
struct Point {
  Draw draw;
  std::int64_t epoch = 0;
  protocol::LabValue value = units::fraction(0);
};

std::optional<protocol::LabValue> lab_value(const RecordedQuantity& q) {
  const auto any = q.quantity();
  if (auto m = any.as<units::MassConcentration>()) return protocol::LabValue{*m};
  if (auto a = any.as<units::AmountConcentration>()) return protocol::LabValue{*a};
  if (auto f = any.as<units::Fraction>()) return protocol::LabValue{*f};
  return std::nullopt;
}

units::Duration between(std::int64_t from, std::int64_t to) {
  return units::seconds(static_cast<double>(to - from));
}

/// The fits for values of type Q (the variant alternative of the latest draw).
template <class Q>
class Fitter {
  using Rate = kinetics::Rate<Q>;

 public:
  Fitter(const CourseRefitInput& in, std::vector<std::vector<Point>> points, const Point& latest)
      : in_(in), points_(std::move(points)), latest_(latest) {
    const auto& k = *in.kinetics;
    if (k.model == KineticModel::two_compartment) {
      params_.intravascular_fraction = k.intravascular_fraction;
      params_.redistribution_half_time = k.redistribution_half_time;
    }
    params_.return_half_time = k.return_half_time;
    params_.own_level = std::get<Q>(latest.value);  // g is the trend at the latest value
    if (k.adsorption) {
      params_.adsorption = k.adsorption->plasma_volumes;
      params_.adsorption_time = k.adsorption->duration;
    }
  }

  /// g from every untreated interval: a re-equilibrated post draw to the next pre draw.
  void fit_generation(CourseRefit& out) {
    // S per hour of g in hours (the interval's value is A + S·g), Σ S·(C − A) and Σ S².
    const Rate per_hour = Q::from_value(1.0) / units::hours(1.0);
    Q sxy{};
    double sxx = 0.0;
    std::vector<Draw> used;
    for (std::size_t i = 0; i + 1 < points_.size(); ++i) {
      const Point* post = equilibrated_post(i);
      const Point* next = find(i + 1, "pre");
      if (post == nullptr || next == nullptr || next->epoch <= post->epoch) continue;
      const units::Duration t = between(post->epoch, next->epoch);
      const Q a = interval_end(*post, t, Rate{});
      const double s = units::in_hours((interval_end(*post, t, per_hour) - a) / per_hour);
      sxy = sxy + s * (std::get<Q>(next->value) - a);
      sxx += s * s;
      used.push_back(post->draw);
      used.push_back(next->draw);
    }
    if (!(sxx > 0.0)) {
      out.kept.emplace_back(
          "g (untreated trend): no re-equilibrated post draw followed by the next session's pre "
          "draw; the protocol's default is used");
      return;
    }
    generation_ = (sxy / sxx) / units::hours(1.0);
    params_.generation = *generation_;
    const Q per_day = *generation_ * units::hours(24);
    auto shown = kinetics::shown(in_.kinetics->solute, protocol::LabValue{per_day});
    shown.decimals += 1;  // a day's trend is a tenth of the value: one more decimal
    FittedParameter g;
    g.name = "g (untreated trend at " + latest_.draw.value + ")";
    g.value = (units::above(per_day, Q{}) ? "+" : "") + text::shown(shown) + " per 24 h";
    g.formula =
        "least squares over the untreated intervals: C_pre,next = A + g·S with A, S from "
        "after_interval at g = 0 and g = 1 (LiverBridge clinical reference §7.3); "
        "g = Σ S·(C − A) / Σ S²";
    g.draws = used;
    out.fitted.push_back(std::move(g));
    basis_ = draws_text(used);
    // Production p = g + k_r·C_own = k_r·(g·T_r/ln2 + C_own) is capped at none below zero.
    if (params_.return_half_time &&
        units::below(
            *generation_ * (*params_.return_half_time / std::numbers::ln2) + params_.own_level,
            Q{})) {
      out.kept.emplace_back(
          "production: the fitted fall is faster than the return half-time allows; the model "
          "caps production at none");
    }
  }

  /// f from the latest session with a pre and a re-equilibrated post draw (two-compartment
  /// solutes without solute in the replacement fluid).
  void fit_fraction(CourseRefit& out) {
    const auto& k = *in_.kinetics;
    if (k.model != KineticModel::two_compartment) return;
    if (k.replacement_concentration) {
      out.kept.emplace_back("f: the replacement fluid contains " + in_.analyte +
                            "; the protocol's value is used");
      return;
    }
    for (std::size_t i = points_.size(); i-- > 0;) {
      const Point* pre = find(i, "pre");
      const Point* post = equilibrated_post(i);
      const auto x = plasma_volumes(i);
      if (pre == nullptr || post == nullptr || !x) continue;
      const Q observed = std::get<Q>(post->value);
      const auto predicted = [&](double f) {
        Params<Q> p = params_;
        p.intravascular_fraction = units::fraction(f);
        return post_value(i, *pre, *post, p, *x);
      };
      // The post value falls as f rises: bisect on [kLow, 1].
      constexpr double kLow = 0.02;
      double lo = kLow;
      double hi = 1.0;
      if (units::above(observed, predicted(lo)) || units::below(observed, predicted(hi))) {
        out.kept.emplace_back(
            "f: the fall from " + draw_text(pre->draw) + " to " + draw_text(post->draw) +
            " lies outside what any intravascular fraction from " + text::fixed(kLow, 2) +
            " to 1 gives; the protocol's value is used (check the times and units)");
        return;
      }
      for (int step = 0; step < 60; ++step) {
        const double mid = (lo + hi) / 2.0;
        (units::above(predicted(mid), observed) ? lo : hi) = mid;
      }
      fraction_ = units::fraction((lo + hi) / 2.0);
      params_.intravascular_fraction = *fraction_;
      FittedParameter f;
      f.name = "f (intravascular fraction)";
      f.value = text::fixed(units::in_fraction(*fraction_), 2);
      f.formula =
          "the f at which after_session and after_interval from the pre draw give the post draw "
          "(bisection; with g as fitted or the protocol's default)";
      f.draws = {pre->draw, post->draw};
      out.fitted.push_back(std::move(f));
      return;
    }
    out.kept.emplace_back(
        "f: no session with a pre draw and a re-equilibrated post draw; the protocol's value is "
        "used");
  }

  [[nodiscard]] const std::optional<Rate>& generation() const { return generation_; }
  [[nodiscard]] const std::optional<units::Fraction>& fraction() const { return fraction_; }
  [[nodiscard]] const std::string& basis() const { return basis_; }

 private:
  [[nodiscard]] const Point* find(std::size_t session, const std::string& timing) const {
    for (const Point& p : points_[session]) {
      if (p.draw.timing == timing) return &p;
    }
    return nullptr;
  }
  [[nodiscard]] const Point* equilibrated_post(std::size_t session) const {
    const Point* post = find(session, "post");
    if (post == nullptr) return nullptr;
    const auto ended = in_.sessions[session].data->ended.epoch_seconds;
    return units::at_least(between(ended, post->epoch), in_.equilibration) ? post : nullptr;
  }
  [[nodiscard]] std::optional<units::Fraction> plasma_volumes(std::size_t session) const {
    const FitSession& s = in_.sessions[session];
    const auto removed = s.data->plasma_removed.quantity().as<units::Volume>();
    if (!removed || !s.plasma_volume || !units::above(*s.plasma_volume, units::milliliters(0)))
      return std::nullopt;
    return *removed / *s.plasma_volume;
  }
  /// The plasma value `t` after an equilibrated draw with trend `g`.
  [[nodiscard]] Q interval_end(const Point& from, units::Duration t, Rate g) const {
    Params<Q> p = params_;
    p.generation = g;
    return kinetics::after_interval(kinetics::at_equilibrium(std::get<Q>(from.value)), p, t).plasma;
  }
  /// The plasma value at the post draw of session `i` from its pre draw.
  [[nodiscard]] Q post_value(std::size_t i, const Point& pre, const Point& post, const Params<Q>& p,
                             units::Fraction x) const {
    const SessionInput& s = *in_.sessions[i].data;
    State<Q> state = kinetics::at_equilibrium(std::get<Q>(pre.value));
    if (s.started.epoch_seconds > pre.epoch) {
      state = kinetics::after_interval(state, p, between(pre.epoch, s.started.epoch_seconds));
    }
    state = kinetics::after_session(state, p, x,
                                    between(s.started.epoch_seconds, s.ended.epoch_seconds));
    return kinetics::after_interval(state, p, between(s.ended.epoch_seconds, post.epoch)).plasma;
  }

  const CourseRefitInput& in_;
  std::vector<std::vector<Point>> points_;
  Point latest_;
  Params<Q> params_;
  std::optional<Rate> generation_;
  std::optional<units::Fraction> fraction_;
  std::string basis_;
};

/// One more session like the latest recorded one, from the latest draw, through the planner's
/// prediction with the fitted parameters.
template <class Q>
void estimate(const CourseRefitInput& in, const Fitter<Q>& fit, const Point& latest,
              CourseRefit& out) {
  const FitSession& last = in.sessions.back();
  const auto removed = last.data->plasma_removed.quantity().as<units::Volume>();
  if (!removed || !last.plasma_volume ||
      !units::above(*last.plasma_volume, units::milliliters(0))) {
    out.note = "the latest session has no removed plasma volume or its plan no plasma volume";
    return;
  }
  protocol::SoluteKinetics k = *in.kinetics;
  if (fit.fraction()) {
    k.intravascular_fraction = *fit.fraction();
    k.intravascular_fraction_range.reset();  // fitted: a point, the band spans the rest
  }
  kinetics::PredictionInputs p;
  const units::Duration tau =
      between(last.data->started.epoch_seconds, last.data->ended.epoch_seconds);
  p.sessions = {{units::hours(0), tau, *removed / *last.plasma_volume}};
  p.labs_after = in.protocol->schedule.labs_after;
  p.citation = protocol::citation_for(*in.protocol, k.source);
  p.replacement = in.protocol->session.replacement;
  p.exchange = *removed;
  p.diagnosis = in.diagnosis;
  if (fit.generation()) {
    protocol::Generation g;
    g.rise = protocol::LabValue{*fit.generation() * units::hours(24)};
    g.per = units::hours(24);
    p.trends.push_back({k.solute, g, fit.basis()});
  }
  auto r = kinetics::predict_solute(k, latest.value, p);
  if (!r.prediction) {
    out.note = r.problem;
    return;
  }
  auto& pre = r.prediction->sessions.front().pre.how;
  pre.method = "measured: the latest draw, " + draw_text(latest.draw) +
               ", taken as the value before the next session";
  out.next = std::move(*r.prediction);
}

}  // namespace

std::string draw_text(const Draw& d) {
  return d.timing + " " + std::to_string(d.session) + " (" + d.drawn_at + ", " + d.value + ")";
}

std::string draws_text(const std::vector<Draw>& draws) {
  std::vector<std::string> parts;
  parts.reserve(draws.size());
  for (const Draw& d : draws) parts.push_back(draw_text(d));
  return text::join(parts);
}

std::optional<CourseRefit> refit_course(const CourseRefitInput& in) {
  if (in.kinetics == nullptr || in.protocol == nullptr || in.sessions.empty()) return std::nullopt;
  std::vector<std::vector<Point>> raw(in.sessions.size());
  const Point* latest = nullptr;
  for (std::size_t i = 0; i < in.sessions.size(); ++i) {
    for (const LabValue& lab : in.sessions[i].data->labs) {
      if (lab.analyte != in.analyte) continue;
      const auto v = lab_value(lab.value);
      if (!v) continue;
      raw[i].push_back({{static_cast<int>(i) + 1, lab.timing, lab.drawn_at.utc, lab.value.text},
                        lab.drawn_at.epoch_seconds,
                        *v});
    }
  }
  for (const auto& session : raw) {
    for (const Point& p : session) {
      if (latest == nullptr || p.epoch >= latest->epoch) latest = &p;
    }
  }
  if (latest == nullptr) return std::nullopt;
  // The next session starts from a settled value: a draw after the last session ended, at least
  // the equilibration time after it. A pre draw of that session would re-predict the session
  // already given; an immediate post draw would miss the rebound of a two-compartment solute.
  const auto& last_end = in.sessions.back().data->ended;
  const std::int64_t settled =
      last_end.epoch_seconds + std::llround(units::in_seconds(in.equilibration));
  const Point* start = nullptr;
  for (const auto& session : raw) {
    for (const Point& p : session) {
      if (p.epoch >= settled && (start == nullptr || p.epoch >= start->epoch)) start = &p;
    }
  }
  CourseRefit out;
  out.analyte = in.analyte;
  if (start != nullptr) out.from = start->draw;
  // Every draw in the form of the latest (mg/dL and µmol/L through the named conversion).
  std::vector<std::vector<Point>> points(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    for (const Point& p : raw[i]) {
      if (auto v = kinetics::in_form_of(in.kinetics->solute, p.value, latest->value)) {
        points[i].push_back({p.draw, p.epoch, *v});
      }
    }
  }
  // In the form of the latest draw, like every point above.
  std::optional<Point> from;
  if (start != nullptr) {
    if (auto v = kinetics::in_form_of(in.kinetics->solute, start->value, latest->value)) {
      from = Point{start->draw, start->epoch, *v};
    }
  }
  std::visit(
      [&](const auto& q) {
        using Q = std::decay_t<decltype(q)>;
        Fitter<Q> fit(in, points, from.value_or(*latest));
        fit.fit_generation(out);
        fit.fit_fraction(out);
        if (in.kinetics->model == KineticModel::two_compartment) {
          out.kept.emplace_back(
              "T (redistribution half-time): needs draws during the refill after a session; "
              "the protocol's value is used");
        }
        out.fitted_fraction = fit.fraction();
        if (from) {
          estimate(in, fit, *from, out);
        } else {
          out.note = "no next-session estimate: no draw " +
                     text::fixed(units::in_hours(in.equilibration), 0) +
                     " h or more after the end of session " + std::to_string(in.sessions.size()) +
                     " (the value it would start from)";
        }
      },
      latest->value);
  return out;
}

}  // namespace lb::records
