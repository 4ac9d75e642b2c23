# The layering check (ctest "layers.check"): every quoted include in core/ must name a header of
# the including file's tier or of a tier below it (cmake/tiers.cmake). Prints each include that
# runs back up as file:line: error: ..., all of them, then fails.
#
#   cmake -DCORE_DIR=<repo>/core -P cmake/check_layers.cmake
#
# Quoted includes without a folder ("detail.hpp", the generated "version.hpp") stay in their own
# folder or below and are not checked; <...> includes are libraries.

cmake_minimum_required(VERSION 3.25)
if(NOT CORE_DIR)
  message(FATAL_ERROR "usage: cmake -DCORE_DIR=<dir> -P check_layers.cmake")
endif()
include(${CMAKE_CURRENT_LIST_DIR}/tiers.cmake)

set(problems "")
set(count 0)

lb_unplaced_folders(${CORE_DIR} unplaced)
foreach(folder IN LISTS unplaced)
  string(APPEND problems "${CORE_DIR}/${folder}: error: folder of core/ in no tier: "
                         "add it to one in cmake/tiers.cmake\n")
  math(EXPR count "${count} + 1")
endforeach()

file(GLOB_RECURSE files ${CORE_DIR}/*.cpp ${CORE_DIR}/*.hpp)
list(SORT files)
foreach(file IN LISTS files)
  file(RELATIVE_PATH rel ${CORE_DIR} ${file})
  string(REGEX REPLACE "/.*" "" own_folder "${rel}")
  lb_folder_tier(${own_folder} own_tier)
  if(NOT own_tier)
    continue()  # reported above as an unplaced folder
  endif()
  lb_tier_reach(${own_tier} allowed)
  # Read only the include lines first; line numbers are looked up for offenders alone.
  file(STRINGS ${file} includes REGEX "^[ \t]*#[ \t]*include[ \t]*\"[^\"/]+/")
  foreach(line IN LISTS includes)
    string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*\"([^\"]+)\".*" "\\1" header "${line}")
    string(REGEX REPLACE "/.*" "" folder "${header}")
    lb_folder_tier(${folder} tier)
    if(tier AND tier IN_LIST allowed)
      continue()
    endif()
    if(tier)
      list(JOIN allowed ", " allowed_text)
      string(CONCAT why "crosses from tier ${own_tier} (${own_folder}/) to tier ${tier} "
                        "(${folder}/), which is not below it; ${own_tier} may include only "
                        "${allowed_text}")
    else()
      set(why "names no folder of core/ (core includes only core headers and <libraries>)")
    endif()
    # The line number: newlines before the first occurrence of this include line.
    file(READ ${file} content)
    string(FIND "${content}" "${line}" offset)
    string(SUBSTRING "${content}" 0 ${offset} before)
    string(REGEX MATCHALL "\n" newlines "${before}")
    list(LENGTH newlines at)
    math(EXPR at "${at} + 1")
    string(APPEND problems "${file}:${at}: error: include \"${header}\" ${why}\n")
    math(EXPR count "${count} + 1")
  endforeach()
endforeach()

list(LENGTH files checked)
if(count GREATER 0)
  message("${problems}")
  message(FATAL_ERROR "${count} include(s) break the tiers of core/ (cmake/tiers.cmake); "
                      "move the shared type down a tier or invert the dependency")
endif()
message(STATUS "layers: ${checked} files of ${CORE_DIR} include only their tier and the ones below")
