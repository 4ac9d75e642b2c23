#include "bridge/context.hpp"

#include "bridge/names.hpp"
#include "records/timestamp.hpp"
#include "yaml/guarded_load.hpp"
#include "yaml/map_reader.hpp"

namespace lb::bridge {

namespace {

std::optional<Epoch> read_time(yaml::MapReader& r, const std::string& key) {
  auto text = r.text(key, yaml::Need::optional);
  if (!text) return std::nullopt;
  const auto parsed = records::parse_timestamp(*text);
  if (!parsed.value) {
    r.error_at(key, parsed.error);
    return std::nullopt;
  }
  return parsed.value->epoch_seconds;
}

}  // namespace

ContextLoad read_patient_context(std::string_view patient_text, const std::string& file) {
  ContextLoad out;
  auto root = yaml::guarded_load(patient_text, file, out.diagnostics);
  if (!root || !root->IsMap()) return out;
  yaml::MapReader top(*root, file, "", out.diagnostics);
  auto r = top.child("bridge", yaml::Need::optional);
  if (!r.valid()) return out;
  auto& c = out.context;
  c.labs_drawn_at = read_time(r, "labs_drawn_at");
  // A patient file describes one draw: the tags of a session's draws are derived from its times.
  c.labs_tag =
      r.choice("labs_tag", yaml::Need::optional,
               std::vector<std::pair<std::string, Tag>>{{"before_exchange", Tag::before_exchange},
                                                        {"pre_session", Tag::pre_session},
                                                        {"post_session", Tag::post_session},
                                                        {"efficacy", Tag::efficacy}});
  c.first_ffp_at = read_time(r, "first_ffp_at");
  c.resuscitated_at = read_time(r, "resuscitated_at");
  c.icu_admitted_at = read_time(r, "icu_admitted_at");
  c.aclf_diagnosed_at = read_time(r, "aclf_diagnosed_at");
  c.transplant_candidacy =
      r.choice("transplant_candidacy", yaml::Need::optional, kCandidacyNames.options());
  r.finish();
  if (c.labs_tag == Tag::before_exchange && c.first_ffp_at && c.labs_drawn_at &&
      *c.first_ffp_at < *c.labs_drawn_at) {
    r.error_at("labs_tag", "before_exchange, but first_ffp_at is before labs_drawn_at");
  }
  return out;
}

}  // namespace lb::bridge
