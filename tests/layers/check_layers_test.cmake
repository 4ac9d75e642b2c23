# The layering check must fail on a fixture tree with known bad includes, name each at its
# file:line, and pass the good ones (ctest "layers.check_catches_bad_includes").
#
#   cmake -DSOURCE_DIR=<repo> -P tests/layers/check_layers_test.cmake
cmake_minimum_required(VERSION 3.25)
set(fixture ${SOURCE_DIR}/tests/layers/fixture/core)
execute_process(COMMAND ${CMAKE_COMMAND} -DCORE_DIR=${fixture}
                        -P ${SOURCE_DIR}/cmake/check_layers.cmake
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
set(all "${out}${err}")
if(rc EQUAL 0)
  message(FATAL_ERROR "the check passed a tree with bad includes:\n${all}")
endif()
set(expected
    "units/climbs.hpp:8: error: include \"plan/plan.hpp\" crosses from tier units"
    "cohort/sideways.cpp:4: error: include \"records/store.hpp\" crosses from tier cohort"
    "stray: error: folder of core/ in no tier")
foreach(line IN LISTS expected)
  string(FIND "${all}" "${line}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "expected \"${line}\" in the check's output:\n${all}")
  endif()
endforeach()
foreach(good "descends.hpp" "units/quantities.hpp" "sideways.cpp:3")
  string(FIND "${all}" "${good}" at)
  if(NOT at EQUAL -1)
    message(FATAL_ERROR "the check reported an allowed include (${good}):\n${all}")
  endif()
endforeach()
string(REGEX MATCHALL "error: include" reported "${all}")
list(LENGTH reported n)
if(NOT n EQUAL 2)
  message(FATAL_ERROR "expected exactly 2 bad includes, the check reported ${n}:\n${all}")
endif()
message(STATUS "the layering check caught every bad include of the fixture and only those")
