// Sex and build exactly as patient files, cohort CSVs and the plan JSON spell
// them: one table per enum for to_string (person.cpp) and every reader.
#pragma once

#include "model/person.hpp"
#include "text/enum_names.hpp"

namespace lb::model::names {

inline constexpr auto kSex = text::enum_names<Sex>({
    {Sex::male, "male"},
    {Sex::female, "female"},
});
inline constexpr auto kBuild = text::enum_names<Build>({
    {Build::obese, "obese"},
    {Build::thin, "thin"},
    {Build::normal, "normal"},
    {Build::muscular, "muscular"},
});

static_assert(kSex.unique() && kBuild.unique());

}  // namespace lb::model::names
