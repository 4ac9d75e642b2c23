// A tolerance check that prints both numbers on failure, shared by every
// test area that compares computed values with hand-derived ones.
#pragma once

#include <doctest/doctest.h>

#include <cmath>
#include <iomanip>

/// |actual − expected| ≤ tolerance (absolute), reporting both values on failure.
#define LB_CHECK_NEAR(actual, expected, tolerance)                                             \
  do {                                                                                         \
    const double lb_a_ = (actual);                                                             \
    const double lb_e_ = (expected);                                                           \
    CHECK_MESSAGE(std::fabs(lb_a_ - lb_e_) <= (tolerance),                                     \
                  std::setprecision(12) << #actual << " = " << lb_a_ << ", expected " << lb_e_ \
                                        << " ± " << (tolerance));                              \
  } while (false)
