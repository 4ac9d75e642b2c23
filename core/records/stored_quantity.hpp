// The store's two columns of a recorded value, a REAL SI number and a dimension (or a column
// that holds one dimension): the one place a RecordedQuantity becomes a number and back, so
// every other reader gets the typed quantity.
#pragma once

#include <string>
#include <utility>

#include "records/model.hpp"

namespace lb::records {

/// The SI number for the REAL column (its dimension goes in its own column or is the column's).
inline double stored_si(const RecordedQuantity& q) { return q.quantity().si(); }

/// A recorded value read back from its columns.
inline RecordedQuantity from_stored(double si, units::Dimension dimension, std::string text) {
  return {units::AnyQuantity::from_si(si, dimension), std::move(text)};
}

}  // namespace lb::records
