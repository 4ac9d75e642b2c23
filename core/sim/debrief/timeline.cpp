#include "sim/debrief/timeline.hpp"

#include <nlohmann/json.hpp>

#include "io/sha256.hpp"

namespace lb::sim::debrief {

namespace {

using nlohmann::json;

std::string text_of(const json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::optional<std::int64_t> integer_of(const json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end() || !it->is_number_integer()) return std::nullopt;
  return it->get<std::int64_t>();
}

std::vector<std::string> texts_of(const json& j, const char* key) {
  std::vector<std::string> out;
  const auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return out;
  for (const auto& v : *it) {
    if (v.is_string()) out.push_back(v.get<std::string>());
  }
  return out;
}

class Reader {
 public:
  Reader(Timeline& t, diag::Diagnostics& d, const std::string& file) : t_(t), d_(d), file_(file) {}

  void line(const json& j, int n, std::string_view raw) {
    line_ = n;
    const auto t = integer_of(j, "t");
    const std::string kind = text_of(j, "kind");
    if (!t || kind.empty()) return error("a timeline line needs an integer 't' and a 'kind'");
    if (n == 1 && kind != "start") return error("the first line must be the 'start' line");
    if (kind == "start") return start(j);
    if (kind == "action") return action(*t, j);
    if (kind == "event") return t_.events.push_back({*t, text_of(j, "event"), text_of(j, "type")});
    if (kind == "note") return t_.notes.push_back({*t, text_of(j, "event"), text_of(j, "text")});
    if (kind == "lab_order") {
      const auto due = integer_of(j, "due");
      return t_.lab_orders.push_back(
          {*t, text_of(j, "panel"), static_cast<int>(integer_of(j, "order").value_or(0)), due});
    }
    if (kind == "lab_result") return lab_result(*t, j);
    if (kind == "alarm") {
      return t_.alarms.push_back({*t, text_of(j, "alarm"), text_of(j, "priority"),
                                  text_of(j, "from"), text_of(j, "to"), text_of(j, "cause")});
    }
    if (kind == "end") {
      t_.end = *t;
      ended_ = true;
      return;
    }
    if (kind == "instructor") return instructor(*t, raw);
    if (kind == "schedule") return;   // the pre-rolled draw: the replay rolls it again
    if (kind == "parameter") return;  // a per-patient draw: the replay draws it again
    error("unknown timeline line kind '" + kind + "'");
  }

  [[nodiscard]] bool ended() const { return ended_; }
  void error(const std::string& message) { d_.error({file_, line_, 1}, "", message); }

 private:
  void start(const json& j) {
    const auto seed = integer_of(j, "seed");
    const auto duration = integer_of(j, "duration_s");
    t_.start.scenario = text_of(j, "scenario");
    t_.start.version = text_of(j, "version");
    t_.start.scenario_sha256 = text_of(j, "scenario_sha256");
    if (!seed || *seed < 0 || !duration || t_.start.scenario.empty()) {
      return error("the start line needs 'scenario', 'version', 'seed' and 'duration_s'");
    }
    t_.start.seed = static_cast<std::uint64_t>(*seed);
    t_.start.duration_s = *duration;
  }

  void action(SimTime t, const json& j) {
    ActionLine a;
    a.t = t;
    a.name = text_of(j, "name");
    const std::string by = text_of(j, "by");
    const auto actor = scenario::kActorNames.parse(by);
    if (a.name.empty() || !actor) return error("an action line needs 'name' and 'by'");
    a.by = *actor;
    a.event = text_of(j, "event");
    a.alarm = text_of(j, "alarm");
    a.problem = text_of(j, "problem");
    a.lab = text_of(j, "lab");
    a.deviations = texts_of(j, "deviations");
    const auto refused = texts_of(j, "refused");
    a.refused = !refused.empty();
    if (a.refused) a.deviations = refused;
    a.result = text_of(j, "result");
    a.json = j.dump();
    a.line = line_;
    t_.actions.push_back(std::move(a));
  }

  /// Read in the file's key order: the replay writes the fields back in it.
  void instructor(SimTime t, std::string_view raw) {
    const auto j = nlohmann::ordered_json::parse(raw);
    InstructorLine l;
    l.t = t;
    const auto act = j.find("act");
    if (act != j.end() && act->is_string()) l.act = act->get<std::string>();
    if (l.act.empty()) return error("an instructor line needs its 'act'");
    for (const auto& [key, value] : j.items()) {
      if (key == "t" || key == "kind" || key == "act") continue;
      if (!value.is_string()) return error("an instructor line's '" + key + "' must be text");
      l.fields.emplace_back(key, value.get<std::string>());
    }
    l.line = line_;
    t_.instructor.push_back(std::move(l));
  }

  void lab_result(SimTime t, const json& j) {
    LabResultLine r;
    r.t = t;
    r.panel = text_of(j, "panel");
    r.order = static_cast<int>(integer_of(j, "order").value_or(0));
    r.drawn = integer_of(j, "drawn").value_or(t);
    const auto v = j.find("values");
    if (v != j.end() && v->is_object()) {
      for (const auto& [k, x] : v->items()) {
        if (x.is_number()) r.values.emplace_back(k, x.get<double>());
      }
    }
    t_.lab_results.push_back(std::move(r));
  }

  Timeline& t_;
  diag::Diagnostics& d_;
  const std::string& file_;
  int line_ = 0;
  bool ended_ = false;
};

}  // namespace

std::string InstructorLine::field(std::string_view key) const {
  for (const auto& [k, v] : fields) {
    if (k == key) return v;
  }
  return "";
}

std::optional<SimTime> Timeline::first_event(std::string_view id) const {
  for (const auto& e : events) {
    if (e.id == id) return e.t;
  }
  return std::nullopt;
}

TimelineLoad parse_timeline(std::string_view text, const std::string& file) {
  TimelineLoad out;
  Timeline t;
  t.file = file;
  t.sha256 = io::sha256_hex(text);
  Reader reader(t, out.diagnostics, file);
  int n = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t nl = text.find('\n', pos);
    const std::string_view line =
        text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    ++n;
    if (line.empty()) continue;
    const json j = json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      out.diagnostics.error({file, n, 1}, "", "not a JSON object on one line");
      continue;
    }
    reader.line(j, n, line);
  }
  if (n == 0) out.diagnostics.error({file, 0, 0}, "", "the timeline is empty");
  if (n > 0 && !reader.ended()) {
    out.diagnostics.error({file, n, 1}, "",
                          "the timeline has no 'end' line: the run did not finish");
  }
  if (!out.diagnostics.has_errors()) out.timeline = std::move(t);
  return out;
}

}  // namespace lb::sim::debrief
