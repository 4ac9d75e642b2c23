# The tiers of core/, lowest first: one static library per tier (lb_<tier>), built from the
# folders listed for it, linking only the tiers listed as below it. The same table drives the
# build (CMakeLists.txt), the layering check (cmake/check_layers.cmake, ctest "layers.*") and the
# links of each test folder, so they cannot disagree. docs/architecture.md draws it.
#
# A file may include headers of its own tier and of every tier reachable downwards from it;
# an include that runs back up (or sideways, records <-> cohort) fails the check. A new folder
# under core/ must be added here (configuration and the check both refuse an unplaced folder).

set(LB_TIERS units inputs engines plan report records bridge cohort print fhir sim training simprint)

# Shared vocabulary: quantities, text, derivations, diagnostics, file writes, person attributes.
set(LB_TIER_units_FOLDERS units text explain diag io model)
set(LB_TIER_units_BELOW "")
# What a user writes: YAML reading, the patient and protocol files, `validate`.
set(LB_TIER_inputs_FOLDERS yaml patient protocol validate)
set(LB_TIER_inputs_BELOW units)
# The calculations, each a pure function of patient and protocol.
set(LB_TIER_engines_FOLDERS volume scores eligibility session schedule kinetics)
set(LB_TIER_engines_BELOW inputs)
# plan_from_sources (around build_plan): the one pipeline every front end calls.
set(LB_TIER_plan_FOLDERS plan)
set(LB_TIER_plan_BELOW engines)
# Text, Markdown, JSON (writer and typed reader of stored plans), iCalendar.
set(LB_TIER_report_FOLDERS report)
set(LB_TIER_report_BELOW plan)
# SQLite session records: store, audit log, review, reproduction (stores the plan JSON).
set(LB_TIER_records_FOLDERS records)
set(LB_TIER_records_BELOW report)
# The bridge decision view: published futility, listing, course and prediction rules evaluated
# on recorded values (reads the records; decides nothing, writes no plan).
set(LB_TIER_bridge_FOLDERS bridge)
set(LB_TIER_bridge_BELOW records)
# Cohort evaluation: a numeric hot path checked against build_plan.
set(LB_TIER_cohort_FOLDERS cohort)
set(LB_TIER_cohort_BELOW plan)
# The printable page of a stored course: reads records, renders with report.
set(LB_TIER_print_FOLDERS print)
set(LB_TIER_print_BELOW records report)
# FHIR R4 export (patient, labs, scores, course, sessions, provenance) and lab import.
set(LB_TIER_fhir_FOLDERS fhir)
set(LB_TIER_fhir_BELOW records report)
# Training simulation: a virtual patient on a running exchange, started from a real plan.
set(LB_TIER_sim_FOLDERS sim)
set(LB_TIER_sim_BELOW plan)
# Stored training attempts: their own tables in the records file, read without simulation
# types. Above records, so that nothing showing real patients (review, export, print, fhir,
# bridge) can include it; beside sim, so that the simulation cannot reach the records file.
set(LB_TIER_training_FOLDERS training)
set(LB_TIER_training_BELOW records)
# The printable page of a simulated run's debrief: sim's debrief on print's page helpers.
set(LB_TIER_simprint_FOLDERS simprint)
set(LB_TIER_simprint_BELOW print sim)

# The tier that owns a folder of core/, or "" when none does.
function(lb_folder_tier folder out)
  set(found "")
  foreach(tier IN LISTS LB_TIERS)
    if(folder IN_LIST LB_TIER_${tier}_FOLDERS)
      set(found ${tier})
    endif()
  endforeach()
  set(${out} "${found}" PARENT_SCOPE)
endfunction()

# The tier itself and every tier reachable downwards from it: what its files may include.
function(lb_tier_reach tier out)
  set(reach ${tier})
  set(todo ${LB_TIER_${tier}_BELOW})
  while(todo)
    list(POP_FRONT todo next)
    if(NOT next IN_LIST reach)
      list(APPEND reach ${next})
      list(APPEND todo ${LB_TIER_${next}_BELOW})
    endif()
  endwhile()
  set(${out} "${reach}" PARENT_SCOPE)
endfunction()

# Folders directly under `core_dir` that hold C++ files but belong to no tier.
function(lb_unplaced_folders core_dir out)
  set(unplaced "")
  file(GLOB children LIST_DIRECTORIES true ${core_dir}/*)
  foreach(child IN LISTS children)
    if(IS_DIRECTORY ${child})
      get_filename_component(folder ${child} NAME)
      file(GLOB_RECURSE sources ${child}/*.cpp ${child}/*.hpp)
      lb_folder_tier(${folder} tier)
      if(sources AND NOT tier)
        list(APPEND unplaced ${folder})
      endif()
    endif()
  endforeach()
  set(${out} "${unplaced}" PARENT_SCOPE)
endfunction()

# The core folders named by the quoted includes of `files` ("plan/plan.hpp" -> plan).
function(lb_included_folders files out)
  set(folders "")
  foreach(file IN LISTS files)
    file(STRINGS ${file} includes REGEX "^[ \t]*#[ \t]*include[ \t]*\"[^\"/]+/")
    foreach(line IN LISTS includes)
      string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*\"([^\"/]+)/.*" "\\1" folder "${line}")
      list(APPEND folders ${folder})
    endforeach()
  endforeach()
  list(REMOVE_DUPLICATES folders)
  set(${out} "${folders}" PARENT_SCOPE)
endfunction()
