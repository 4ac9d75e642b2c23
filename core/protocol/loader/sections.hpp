// One reader per part of the protocol schema (protocols/README.md). Each
// reads its keys from the top-level MapReader, records every problem in the
// reader's diagnostics and leaves the model's defaults where a value is
// absent or bad. Internal to the protocol loader.
#pragma once

#include <yaml-cpp/yaml.h>

#include <vector>

#include "protocol/protocol.hpp"
#include "yaml/map_reader.hpp"

namespace lb::protocol::detail {

/// The schema version this build reads.
inline constexpr int kSchemaVersion = 1;

/// Reads schema_version. Returns false when the file declares another version:
/// the rest of the file is then not checked (it follows another schema).
bool read_schema_version(yaml::MapReader& top, Protocol& p);

/// id, version, title, description.
void read_identity(yaml::MapReader& top, Protocol& p);

/// sources: returns true when the list was read without errors, so that
/// references to source ids can be checked against it.
bool read_sources(yaml::MapReader& top, std::vector<Source>& out);

void read_indications(yaml::MapReader& top, std::vector<patient::Diagnosis>& out);

/// unverified: each key must name a key path present in `root`.
void read_unverified(yaml::MapReader& top, const YAML::Node& root, std::vector<Caveat>& out);

/// `caveats` decides whether a method whose coefficients the reference marks
/// unverified (Gilcher, Kaplan) is flagged in the file; if not, a warning.
void read_blood_volume(yaml::MapReader& top, BloodVolumeSettings& out,
                       const std::vector<Caveat>& caveats);
void read_plasma_volume(yaml::MapReader& top, PlasmaVolumeSettings& out,
                        const std::vector<Caveat>& caveats);
void read_ideal_body_weight(yaml::MapReader& top, IbwSettings& out);

/// `sources` is null when the sources list had errors (references are then
/// not checked, to avoid a cascade).
void read_exchange(yaml::MapReader& top, ExchangeSettings& out, const std::vector<Source>* sources);

/// Sections planned for later schema versions get a specific error instead
/// of "unknown key".
/// eligibility: rules checked against the field and score registries.
void read_eligibility(yaml::MapReader& top, eligibility::Settings& out,
                      const std::vector<Source>* sources);

void reject_unsupported_sections(yaml::MapReader& top);

/// scores: the score choices where sources disagree (LiverBridge clinical reference).
void read_scores(yaml::MapReader& top, scores::ScoreSettings& out);

/// replacement:, separation:, anticoagulation: (session_settings.hpp). Each
/// leaves `out` unset when its section is absent. anticoagulation 'none' is
/// checked against the separation technique, so separation is read first.
void read_replacement(yaml::MapReader& top, std::optional<ReplacementSettings>& out,
                      const std::vector<Source>* sources);
void read_separation(yaml::MapReader& top, std::optional<SeparationSettings>& out,
                     const std::vector<Source>* sources);
void read_anticoagulation(yaml::MapReader& top, std::optional<AnticoagulationSettings>& out,
                          const std::optional<SeparationSettings>& separation,
                          const std::vector<Source>* sources);

/// schedule: sessions, day pattern, timing, re-assessment points, stop criteria
/// (read_schedule.cpp); kinetics: per-solute models (read_kinetics.cpp).
void read_schedule(yaml::MapReader& top, ScheduleSettings& out, const std::vector<Source>* sources);
void read_kinetics(yaml::MapReader& top, KineticsSettings& out, const std::vector<Source>* sources);

}  // namespace lb::protocol::detail
