#include "bridge/session_scores.hpp"

#include <algorithm>
#include <map>

#include "bridge/evaluate.hpp"
#include "bridge/gather_patient.hpp"
#include "bridge/inputs.hpp"
#include "bridge/names.hpp"
#include "patient/catalogue.hpp"
#include "scores/score_set.hpp"
#include "text/format.hpp"

namespace lb::bridge::detail {

namespace {

/// The catalogue's value for a recorded lab, or nullopt when the field takes no such value.
std::optional<patient::FieldValue> field_value(const patient::Field& f, const Observation& o) {
  patient::FieldValue v;
  if (f.kind == patient::FieldKind::lab) {
    if (!f.analyte) return std::nullopt;
    if (const auto m = o.value.as<units::MassConcentration>()) {
      v.lab = units::LabConcentration(*f.analyte, *m);
    } else if (const auto a = o.value.as<units::AmountConcentration>()) {
      v.lab = units::LabConcentration(*f.analyte, *a);
    } else {
      return std::nullopt;
    }
    return v;
  }
  if (f.kind == patient::FieldKind::number && o.value.dimension() == f.dimension) {
    v.quantity = o.value;
    return v;
  }
  return std::nullopt;
}

struct Replacement {
  const patient::Field* field = nullptr;
  patient::FieldValue value;
  const Observation* draw = nullptr;
};

/// The file's patient with every replacement but `skip` (an index, or none) applied.
patient::Patient overlaid(const patient::Patient& file, const std::vector<Replacement>& r,
                          std::size_t skip) {
  patient::Patient p = file;
  for (std::size_t i = 0; i < r.size(); ++i) {
    if (i != skip) r[i].field->set(p, r[i].value);
  }
  return p;
}

/// The score row an observation stands for (organ failures come with CLIF-C OF).
const char* score_key(const std::string& input) {
  return input == "organ_failures" ? "clif_c_of" : input.c_str();
}

bool same_result(const scores::ScoreResult* a, const scores::ScoreResult* b) {
  if (a == nullptr || b == nullptr) return a == b;
  return a->value == b->value && a->raw == b->raw && a->organ_failures == b->organ_failures;
}

std::string draw_text(const Observation& o) {
  const InputSpec* spec = find_input(o.input);
  return (spec != nullptr ? std::string(spec->label) : o.input) + " " + o.text + " (" + o.source +
         ", " + time_text(o.at) + ", " + std::string(tag_words(o.tag)) + ")";
}

/// The context of a score: the latest draw it used for its time, the earliest session end
/// it follows for its validity (an immediate post draw makes the whole score early).
Observation stamp_of(const std::vector<const Observation*>& used) {
  const Observation* latest = used.front();
  for (const auto* o : used) {
    if (o->at.value_or(0) > latest->at.value_or(0)) latest = o;
  }
  Observation s = *latest;
  for (const auto* o : used) {
    s.after_exchange = s.after_exchange || o->after_exchange;
    if (o->tag == Tag::post_session) {
      s.tag = Tag::post_session;
      s.after_session = o->after_session;
    }
  }
  return s;
}

}  // namespace

std::vector<Observation> session_scores(const patient::Patient& file,
                                        const scores::ScoreSettings& settings,
                                        const Observation& file_stamp,
                                        const std::vector<Observation>& session_labs, Epoch at) {
  // The latest recorded draw of each lab, drawn after the file's labs and by the re-assessment.
  std::map<std::string, const Observation*> latest;
  for (const auto& o : session_labs) {
    if (!o.at || *o.at > at || (file_stamp.at && *o.at <= *file_stamp.at)) continue;
    auto& slot = latest[o.input];
    if (slot == nullptr || *o.at >= *slot->at) slot = &o;
  }
  std::vector<Replacement> replaced;
  for (const auto& [input, o] : latest) {
    const auto* f = patient::find_field(patient::Section::labs, input);
    if (f == nullptr || f->set == nullptr) continue;
    if (auto v = field_value(*f, *o)) replaced.push_back({f, std::move(*v), o});
  }
  if (replaced.empty()) return {};
  const auto all = scores::compute_scores(overlaid(file, replaced, replaced.size()), settings);
  // Which recorded draws each score used: those without which its result changes.
  std::vector<scores::ScoreSet> without;
  without.reserve(replaced.size());
  for (std::size_t i = 0; i < replaced.size(); ++i) {
    without.push_back(scores::compute_scores(overlaid(file, replaced, i), settings));
  }
  std::vector<Observation> out;
  for (auto& o : score_observations(all, file_stamp)) {
    const char* key = score_key(o.input);
    std::vector<const Observation*> used;
    std::vector<std::string> texts;
    for (std::size_t i = 0; i < replaced.size(); ++i) {
      if (same_result(all.find(key), without[i].find(key))) continue;
      used.push_back(replaced[i].draw);
      texts.push_back(draw_text(*replaced[i].draw));
    }
    if (used.empty()) continue;  // the file's score stands
    Observation s = stamp_of(used);
    s.input = o.input;
    s.value = o.value;
    s.analyte.reset();
    s.text = o.text;
    s.shown_as = o.shown_as;
    s.source = "computed from the recorded " + text::join(texts, "; ") +
               "; other inputs from the " + file_stamp.source + " (" + time_text(file_stamp.at) +
               ")";
    if (s.after_exchange) {
      // bridge reference §6.3: a score on post-exchange labs is read with this caution.
      s.source += "; plasma exchange lowers bilirubin and INR: this score may understate severity";
    }
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace lb::bridge::detail
