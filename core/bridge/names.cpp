#include "bridge/names.hpp"

namespace lb::bridge {

static_assert(kFamilyNames.unique() && kVerificationNames.unique() && kAnchorNames.unique() &&
              kComparatorNames.unique() && kRequirementNames.unique() && kTagNames.unique() &&
              kStatusNames.unique());

std::string_view status_words(Status s) {
  switch (s) {
    case Status::met: return "met";
    case Status::not_met: return "not met";
    case Status::not_evaluable: return "not evaluable";
    case Status::sources_disagree: return "sources disagree";
  }
  return "";
}

std::string_view tag_words(Tag t) {
  switch (t) {
    case Tag::before_exchange: return "before any FFP or plasma exchange";
    case Tag::pre_session: return "pre-session";
    case Tag::post_session: return "immediately post-session";
    case Tag::efficacy: return "efficacy (12 h or more after a session)";
    case Tag::untagged: return "no tag stated";
  }
  return "";
}

std::string_view comparator_sign(Comparator c) {
  switch (c) {
    case Comparator::less: return "<";
    case Comparator::at_most: return "≤";
    case Comparator::greater: return ">";
    case Comparator::at_least: return "≥";
  }
  return "";
}

std::string_view anchor_words(Anchor a) {
  switch (a) {
    case Anchor::none: return "no anchor";
    case Anchor::before_first_exchange: return "the last value before the first FFP or exchange";
    case Anchor::icu_admission: return "ICU admission";
    case Anchor::aclf_diagnosis: return "ACLF diagnosis";
    case Anchor::course_start: return "the start of the course";
  }
  return "";
}

std::string_view family_words(Family f) {
  switch (f) {
    case Family::futility: return "Futility signals";
    case Family::listing: return "Listing and referral criteria";
    case Family::stop: return "Course and stop rules";
    case Family::efficacy: return "Efficacy items";
    case Family::prediction: return "Prediction check";
  }
  return "";
}

std::string_view candidacy_words(Candidacy c) {
  switch (c) {
    case Candidacy::candidate: return "a transplant candidate";
    case Candidacy::under_evaluation: return "under evaluation for transplant";
    case Candidacy::listed: return "listed for transplant";
    case Candidacy::not_candidate: return "not a transplant candidate";
  }
  return "";
}

std::string_view candidacy_cohort_words(Candidacy c) {
  switch (c) {
    case Candidacy::candidate: return "who are transplant candidates";
    case Candidacy::under_evaluation: return "under evaluation for transplant";
    case Candidacy::listed: return "listed for transplant";
    case Candidacy::not_candidate: return "who are not transplant candidates";
  }
  return "";
}

}  // namespace lb::bridge
