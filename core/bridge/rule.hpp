// A published rule of the bridge decision view (futility, listing or referral, course and
// stop, efficacy, prediction check) as data: what it compares, when, on which values, what
// it predicts, in whom it was derived and how far its wording was verified. Loaded from
// rules/bridge-rules.yaml (docs/bridge-rules.md); evaluated by bridge/evaluate.hpp, which
// reports statuses only and never a decision.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bridge/observation.hpp"
#include "diag/diagnostic.hpp"
#include "units/any_quantity.hpp"
#include "units/quantities.hpp"

namespace lb::bridge {

enum class Family { futility, listing, stop, efficacy, prediction };
/// How far the rule's wording and numbers were checked against the publication:
/// read in the primary source, read in a secondary source that cites it, or not found.
enum class Verification { read, secondary, unverified };
/// The moment the rule's time window counts from.
enum class Anchor { none, before_first_exchange, icu_admission, aclf_diagnosis, course_start };
enum class Comparator { less, at_most, greater, at_least };
/// What a value must satisfy to be used by a criterion (the view never uses it otherwise).
enum class Requirement {
  before_exchange,      ///< drawn before any FFP or plasma exchange (INR, PT, factor V)
  equilibrated,         ///< not within 12 h after a session (efficacy labs)
  after_resuscitation,  ///< drawn a stated time after fluid resuscitation (pH, lactate)
};

/// Optional time span after an anchor; an open end is empty.
struct Window {
  std::optional<units::Duration> from, to;
};

/// One comparison: `input comparator threshold`, e.g. clif_c_aclf >= 70.
struct Comparison {
  Comparator comparator = Comparator::at_least;
  units::AnyQuantity threshold;
  std::string threshold_text;  ///< as written: "300 µmol/L", "70"
};

/// A leaf compares one input; a group combines its children (all, any or at least N).
struct Criterion {
  enum class Kind { leaf, all, any, at_least };
  Kind kind = Kind::leaf;
  // leaf
  std::string input;  ///< a key of bridge/inputs.hpp
  Comparison comparison;
  /// A second reading of the same threshold in another source ("≥ 65" and "> 64").
  std::optional<Comparison> alternative;
  std::vector<Requirement> requires_;
  Window resuscitation;  ///< with Requirement::after_resuscitation: time since resuscitation
  // group
  int count = 0;  ///< at_least
  /// A second reading of the conjunction where the wording is ambiguous ("and"/"or").
  std::optional<Kind> also_read_as;
  std::vector<Criterion> children;
  diag::Location where;  ///< in the rule file
};

/// A published band for the prediction check: the fall of one solute after a session.
struct Band {
  std::string solute;  ///< "bilirubin", "ammonia"
  /// When after the session end the fall was measured (end of session: from 0 h to 1 h).
  Window after_end;
  units::Fraction mean_fall = units::Fraction::from_value(0.0);
  std::optional<units::Fraction> sd;  ///< empty when the publication gives no spread
  int n = 0;
  std::string modality;  ///< "PE", "HVP"
};

struct Rule {
  std::string id;
  Family family = Family::futility;
  std::vector<std::string> diagnoses;  ///< patient diagnosis words; empty = every diagnosis
  Anchor anchor = Anchor::none;
  Window window;
  std::optional<Criterion> criteria;  ///< empty for prediction rules (they have a band)
  std::optional<Band> band;
  std::string boundary;  ///< how the boundary value counts: "70.0 counts as met"
  std::string outcome;   ///< what the rule predicts
  std::optional<units::Duration> horizon;
  std::string horizon_text;
  std::string population;
  bool pe_treated_population = false;  ///< whether the cohort received plasma exchange
  /// The transplant candidacy of the rule's population (`candidacy:`), when its source
  /// restricts it (EASL 2023 futility: patients without a transplant option); empty = any.
  std::vector<Candidacy> candidacy;
  std::string citation, doi, pmid;
  std::string registry;  ///< trial registry number (NCT...) when the source is a registry record
  std::string identifier_missing;  ///< why the publication has no DOI, PMID or registry number
  Verification verification = Verification::unverified;
  std::string wording;           ///< verbatim, English
  std::string wording_original;  ///< verbatim in the original language (Chinese), when not English
  std::string note;              ///< what the rule is not ("not a per-session stop rule")
  std::vector<std::string> conflicts_with;
  /// An unverified rule is listed but not evaluated unless its author sets `evaluate: true`.
  bool evaluate_unverified = false;
  diag::Location where;

  [[nodiscard]] bool evaluated() const {
    return verification != Verification::unverified || evaluate_unverified;
  }
};

struct RuleSet {
  std::string file;
  /// SHA-256 of the exact text that was parsed: what a "seen" audit entry names, so it can
  /// never name a file read again later (changed or unreadable by then).
  std::string sha256;
  std::vector<Rule> rules;
  [[nodiscard]] const Rule* find(const std::string& id) const {
    for (const auto& r : rules) {
      if (r.id == id) return &r;
    }
    return nullptr;
  }
};

}  // namespace lb::bridge
