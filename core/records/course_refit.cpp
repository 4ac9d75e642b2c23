#include "records/course_refit.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <utility>

#include "kinetics/compartment.hpp"
#include "kinetics/solute_value.hpp"
#include "records/fraction_fit.hpp"
#include "records/half_time_fit.hpp"
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

std::string hours_text(units::Duration d) { return text::shown({units::in_hours(d), "h", 1}); }

/// The protocol's f as published, shown beside a fitted one.
std::string published_fraction(const protocol::SoluteKinetics& k) {
  std::string s = "protocol " + text::fixed(units::in_fraction(k.intravascular_fraction), 2);
  if (k.intravascular_fraction_range) {
    return s + " (range " +
           text::fixed(units::in_fraction(k.intravascular_fraction_range->low), 2) + "–" +
           text::fixed(units::in_fraction(k.intravascular_fraction_range->high), 2) + ")";
  }
  return s + " (no range given)";
}

/// The protocol's T as published, shown beside a fitted one.
std::string published_half_time(const protocol::SoluteKinetics& k) {
  std::string s =
      "protocol " +
      (k.redistribution_half_time ? hours_text(*k.redistribution_half_time) : std::string("none"));
  if (const auto& r = k.redistribution_half_time_range) {
    s += " (range " + hours_text(r->low) + "–" + hours_text(r->high) + ")";
  }
  return s;
}

/// The protocol's untreated trend for the diagnosis as published, shown beside a fitted one.
std::string published_trend(const protocol::SoluteKinetics& k, const std::string& diagnosis) {
  const protocol::Generation* g = k.generation ? &*k.generation : nullptr;
  std::string basis = "population default";
  for (const auto& d : k.generation_by_diagnosis) {
    if (d.diagnosis == diagnosis) {
      g = &d.generation;
      basis = "population default for " + d.diagnosis;
    }
  }
  if (g == nullptr) return "none given by the protocol";
  const auto per = " per " + hours_text(g->per);
  std::string s = basis + " " + text::shown(kinetics::shown(k.solute, g->rise)) + per;
  if (g->range) {
    s += " (range " + text::shown(kinetics::shown(k.solute, g->range->low)) + " to " +
         text::shown(kinetics::shown(k.solute, g->range->high)) + per + ")";
  }
  return s;
}

/// The fits for values of type Q (the variant alternative of the latest draw), run with the
/// planner's nominal parameters for the solute (kinetics::nominal_params).
template <class Q>
class Fitter {
  using Rate = kinetics::Rate<Q>;

 public:
  Fitter(const CourseRefitInput& in, std::vector<std::vector<Point>> points, const Point& latest)
      : in_(in), points_(std::move(points)), latest_(latest) {
    kinetics::PredictionInputs p;
    p.replacement = in.protocol->session.replacement;
    p.diagnosis = in.diagnosis;
    if (const auto removed = in.sessions.back().data->plasma_removed.quantity().as<units::Volume>())
      p.exchange = *removed;
    auto nominal = kinetics::nominal_params(*in.kinetics, std::get<Q>(latest.value), p);
    problem_ = nominal.problem;
    if (nominal.params) params_ = std::move(*nominal.params);
  }

  /// Why the protocol's model cannot run for this patient ("" when it can).
  [[nodiscard]] const std::string& problem() const { return problem_; }

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
      const units::Duration t = units::elapsed_between(post->epoch, next->epoch);
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
          "draw; the protocol's default is used (" +
          published_trend(*in_.kinetics, in_.diagnosis) + ")");
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
    g.published = published_trend(*in_.kinetics, in_.diagnosis);
    g.draws = used;
    g.how.id = "review." + in_.analyte + ".fitted_trend";
    g.how.label = "Untreated trend g per 24 h (" + in_.analyte + ", fitted)";
    g.how.shown = shown;
    g.how.method = "least squares through the kinetics engine";
    g.how.formula =
        "C_pre,next = A + g·S over the untreated intervals, A and S from after_interval at g = 0 "
        "and g = 1 (the model is linear in g); g = Σ S·(C − A) / Σ S²";
    for (std::size_t d = 0; d + 1 < used.size(); d += 2) {
      g.how.inputs.push_back(
          explain::text_input("interval " + std::to_string(d / 2 + 1),
                              "from " + draw_text(used[d]) + " to " + draw_text(used[d + 1])));
    }
    g.how.inputs.push_back(
        explain::text_input("C_own (the trend is stated at)", latest_.draw.value));
    for (const auto& h : held(false)) g.how.inputs.push_back(h);
    g.how.inputs.push_back(explain::text_input("g (published)", g.published));
    g.how.source = source();
    g.how.warnings = {"model estimate from the patient's own draws, not an order"};
    out.fitted_trend = explain::Derived<protocol::LabValue>{protocol::LabValue{per_day}, g.how};
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

  /// Every session with a pre and a re-equilibrated post draw through the engine: the
  /// predicted ratio, f (two-compartment solutes without solute in the replacement fluid)
  /// and the re-planned volume; the latest fitted f drives the estimate.
  void fit_sessions(CourseRefit& out) {
    const auto& k = *in_.kinetics;
    if (k.model == KineticModel::replacement_aware || k.replacement_concentration) {
      out.kept.emplace_back("f: the replacement fluid contains " + in_.analyte +
                            "; the protocol's value is used");
      return;
    }
    const bool two = k.model == KineticModel::two_compartment;
    const protocol::SoluteKinetics* fitted_from = nullptr;
    for (std::size_t i = 0; i < points_.size(); ++i) {
      const Point* pre = find(i, "pre");
      const Point* post = equilibrated_post(i);
      const auto x = plasma_volumes(i);
      if (pre == nullptr || post == nullptr || !x) continue;
      SessionRefit s{static_cast<int>(i) + 1, session_refit(i, *pre, *post, *x)};
      if (s.refit.fitted_fraction) {
        fraction_ = s.refit.fitted_fraction;
        fitted_from = &k;
        fraction_draws_ = {pre->draw, post->draw};
      } else if (two) {
        last_fraction_note_ = s.refit.note;
      }
      out.sessions.push_back(std::move(s));
    }
    if (!two) return;
    if (fitted_from == nullptr) {
      out.kept.emplace_back(last_fraction_note_.empty()
                                ? "f: no session with a pre draw and a re-equilibrated post "
                                  "draw; the protocol's value is used"
                                : "f: " + last_fraction_note_ + "; the protocol's value is used");
      return;
    }
    params_.intravascular_fraction = fraction_->value;
    FittedParameter f;
    f.name = "f (intravascular fraction)";
    f.value = text::fixed(units::in_fraction(fraction_->value), kFractionDecimals);
    f.published = published_fraction(k);
    f.draws = fraction_draws_;
    f.how = fraction_->how;
    out.fitted.push_back(std::move(f));
  }

  /// T (two-compartment solutes) from every session with a pre draw and a post draw taken
  /// during the refill (half_time_fit.hpp), with f and g as fitted or the protocol's.
  void fit_redistribution(CourseRefit& out) {
    const auto& k = *in_.kinetics;
    std::vector<RefillDraw<Q>> draws;
    std::vector<Draw> used;
    for (std::size_t i = 0; i < points_.size(); ++i) {
      const Point* pre = find(i, "pre");
      const Point* post = find(i, "post");
      const auto x = plasma_volumes(i);
      const SessionInput& s = *in_.sessions[i].data;
      if (pre == nullptr || post == nullptr || !x || equilibrated_post(i) != nullptr ||
          post->epoch <= s.ended.epoch_seconds)
        continue;
      draws.push_back({SessionCase<Q>{params_, std::get<Q>(pre->value), pre->epoch,
                                      s.started.epoch_seconds, s.ended.epoch_seconds, *x},
                       std::get<Q>(post->value), post->epoch});
      used.push_back(pre->draw);
      used.push_back(post->draw);
    }
    const std::string published = published_half_time(k);
    const std::string window =
        "after a session ended and less than " + hours_text(in_.equilibration) + " after it";
    if (draws.empty()) {
      out.kept.emplace_back("T (redistribution half-time): no post draw during the refill (" +
                            window + "); the protocol's value is used, " + published);
      return;
    }
    const auto fit = fit_half_time(draws);
    if (!fit.half_time) {
      std::string why;
      if (fit.problem == HalfTimeFit::Problem::ambiguous && fit.other) {
        why = "two half-times explain the draws during the refill equally (one near " +
              hours_text(*fit.other) +
              "): the value at a draw rises and then falls with T; a draw at another time "
              "after the end tells them apart";
      } else if (fit.problem == HalfTimeFit::Problem::ambiguous) {
        why = "the draws during the refill do not depend on T";
      } else {
        why = "the draws during the refill lie outside what any T from " +
              text::shown({units::in_minutes(kHalfTimeLow), "min", 0}) + " to " +
              hours_text(kHalfTimeHigh) + " gives within " +
              text::fixed(kRefillTolerance * 100.0, 0) + " % (check the times and units)";
      }
      out.kept.emplace_back("T (redistribution half-time): " + why +
                            "; the protocol's value is used, " + published);
      return;
    }
    const units::Duration t = *fit.half_time;
    half_time_ = t;
    params_.redistribution_half_time = t;
    FittedParameter p;
    p.name = "T (redistribution half-time)";
    p.value = hours_text(t);
    p.published = published;
    p.draws = used;
    p.how.id = "review." + in_.analyte + ".fitted_redistribution_half_time";
    p.how.label = "Redistribution half-time T (" + in_.analyte + ", fitted)";
    p.how.shown = {units::in_hours(t), "h", 1};
    p.how.method = "least squares through the kinetics engine";
    p.how.formula =
        "T minimising Σ ((C_post(T) − C_measured) / C_measured)² over the post draws taken "
        "during the refill, C_post(T) from after_session and after_interval; logarithmic grid "
        "from 1 min to 7 d, refined by golden section; root mean square relative residual " +
        text::fixed(fit.rms * 100.0, 2) + " %";
    for (std::size_t d = 0; d + 1 < used.size(); d += 2) {
      p.how.inputs.push_back(
          explain::text_input("session " + std::to_string(used[d].session),
                              draw_text(used[d]) + " to " + draw_text(used[d + 1])));
    }
    p.how.inputs.push_back(explain::text_input(
        "f", fraction_
                 ? "fitted: " + text::fixed(units::in_fraction(fraction_->value), kFractionDecimals)
                 : published_fraction(k)));
    for (const auto& h : held(true)) {
      if (h.name != "T (protocol)") p.how.inputs.push_back(h);
    }
    p.how.inputs.push_back(explain::text_input("T (published)", published));
    p.how.source = source();
    p.how.warnings = {"model estimate from the patient's own draws, not an order"};
    out.fitted.push_back(std::move(p));
  }

  [[nodiscard]] const std::optional<units::Duration>& half_time() const { return half_time_; }
  [[nodiscard]] const std::optional<Rate>& generation() const { return generation_; }
  [[nodiscard]] const std::optional<explain::Derived<units::Fraction>>& fraction() const {
    return fraction_;
  }
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
    return units::at_least(units::elapsed_between(ended, post->epoch), in_.equilibration) ? post
                                                                                          : nullptr;
  }
  [[nodiscard]] std::optional<units::Fraction> plasma_volumes(std::size_t session) const {
    const FitSession& s = in_.sessions[session];
    const auto removed = s.data->plasma_removed.quantity().as<units::Volume>();
    if (!removed || !s.plasma_volume || !units::above(*s.plasma_volume, units::milliliters(0)) ||
        !units::above(*removed, units::milliliters(0)))
      return std::nullopt;
    return *removed / *s.plasma_volume;
  }
  /// The plasma value `t` after an equilibrated draw with trend `g`.
  [[nodiscard]] Q interval_end(const Point& from, units::Duration t, Rate g) const {
    kinetics::Params<Q> p = params_;
    p.generation = g;
    return kinetics::after_interval(kinetics::at_equilibrium(std::get<Q>(from.value)), p, t).plasma;
  }
  [[nodiscard]] std::string source() const {
    return protocol::citation_for(*in_.protocol, in_.kinetics->source);
  }
  /// The parameters every fit holds at their protocol (or fitted) value, as inputs.
  [[nodiscard]] std::vector<explain::Input> held(bool with_trend) const {
    const auto& k = *in_.kinetics;
    std::vector<explain::Input> h;
    h.push_back(explain::text_input("model", std::string(protocol::to_string(k.model))));
    if (k.model == KineticModel::two_compartment && k.redistribution_half_time) {
      h.push_back(explain::text_input("T (protocol)", hours_text(*k.redistribution_half_time)));
    }
    if (with_trend) {
      h.push_back(explain::text_input(
          "g", generation_ ? "fitted: " + basis_ : published_trend(k, in_.diagnosis)));
    }
    h.push_back(explain::text_input(
        "T_r (protocol)", k.return_half_time ? hours_text(*k.return_half_time) : "no return"));
    if (k.adsorption) {
      h.push_back(explain::text_input(
          "adsorber (protocol)", text::fixed(units::in_fraction(k.adsorption->plasma_volumes), 1) +
                                     " plasma volumes over " + hours_text(k.adsorption->duration)));
    }
    return h;
  }

  /// One session through the engine, with its figures (refit.hpp).
  Refit session_refit(std::size_t i, const Point& pre, const Point& post, units::Fraction x) {
    const auto& k = *in_.kinetics;
    const FitSession& fs = in_.sessions[i];
    const SessionInput& s = *fs.data;
    RefitContext c;
    c.analyte = in_.analyte;
    c.pre = pre.draw;
    c.post = post.draw;
    c.session_times = s.started.utc + " to " + s.ended.utc;
    c.held = held(true);
    c.source = source();
    SessionCase<Q> sc{
        params_, std::get<Q>(pre.value), pre.epoch, s.started.epoch_seconds, s.ended.epoch_seconds,
        x};
    const bool two = k.model == KineticModel::two_compartment;
    const double protocol_f = two ? units::in_fraction(k.intravascular_fraction) : 1.0;
    sc.params.intravascular_fraction = units::fraction(protocol_f);
    const double pv_ml = units::in_milliliters(*fs.plasma_volume);
    Refit r;
    r.exchanged_plasma_volumes =
        plasma_volumes_figure(c, units::in_milliliters(x * *fs.plasma_volume), pv_ml);
    r.predicted_ratio =
        predicted_ratio_figure(c, units::in_fraction(post_value(sc, post.epoch) / sc.pre),
                               protocol_f, units::in_fraction(x));
    if (!two) {
      r.note = "one-compartment model: the solute is taken as wholly intravascular, no f to fit";
      return r;
    }
    const Q observed = std::get<Q>(post.value);
    const auto f = fit_fraction(sc, observed, post.epoch);
    if (!f) {
      r.note = "the fall from " + draw_text(pre.draw) + " to " + draw_text(post.draw) +
               " lies outside what any intravascular fraction from " +
               text::fixed(kFractionLow, kFractionDecimals) +
               " to 1 gives (check the times and units)";
      return r;
    }
    r.published_fraction = published_fraction(k);
    r.fitted_fraction = fitted_fraction_figure(c, units::in_fraction(*f), units::in_fraction(x),
                                               r.published_fraction);
    if (!fs.planned_exchange) {
      r.note = "the plan states no exchange volume: no re-planned volume";
      return r;
    }
    // The plan's predicted fall (the protocol's f at the planned volume, same session times),
    // reached with the fitted f.
    const units::Fraction x_plan = *fs.planned_exchange / *fs.plasma_volume;
    SessionCase<Q> planned = sc;
    planned.x = x_plan;
    const Q target = post_value(planned, post.epoch);
    SessionCase<Q> with_fit = sc;
    with_fit.params.intravascular_fraction = *f;
    const auto x_new = volume_reaching(with_fit, target, post.epoch);
    if (!x_new) {
      r.note = "with the fitted f no volume reaches the fall the plan predicts (post/pre " +
               text::fixed(units::in_fraction(target / sc.pre), 3) + ") in one session";
      return r;
    }
    r.replanned_volume = replanned_volume_figure(
        c, units::in_milliliters(*x_new * *fs.plasma_volume), units::in_fraction(*f), protocol_f,
        units::in_fraction(x_plan), pv_ml);
    return r;
  }

  const CourseRefitInput& in_;
  std::vector<std::vector<Point>> points_;
  Point latest_;
  kinetics::Params<Q> params_;
  std::string problem_;
  std::optional<Rate> generation_;
  std::optional<explain::Derived<units::Fraction>> fraction_;
  std::optional<units::Duration> half_time_;
  std::vector<Draw> fraction_draws_;
  std::string last_fraction_note_;
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
    k.intravascular_fraction = fit.fraction()->value;
    // Fitted: a point; the band spans the other parameters. The published range is shown
    // beside the fitted value (FittedParameter::published).
    k.intravascular_fraction_range.reset();
  }
  if (fit.half_time()) {
    k.redistribution_half_time = *fit.half_time();
    k.redistribution_half_time_range.reset();
  }
  kinetics::PredictionInputs p;
  const units::Duration tau =
      units::elapsed_between(last.data->started.epoch_seconds, last.data->ended.epoch_seconds);
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
        if (!fit.problem().empty()) {
          out.note = fit.problem();
          return;
        }
        fit.fit_generation(out);
        fit.fit_sessions(out);
        if (in.kinetics->model == KineticModel::two_compartment) fit.fit_redistribution(out);
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
