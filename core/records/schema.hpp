// The records database schema as numbered migrations. PRAGMA user_version
// holds the number of migrations applied; opening a database applies the
// missing ones in one transaction, and refuses a database newer than this
// program (an older LiverBridge must not write into a schema it does not know).
#pragma once

#include "records/sqlite.hpp"

namespace lb::records {

/// The schema version this program writes.
int schema_version();
/// Brings `db` up to schema_version(); throws DbError for a newer database.
void migrate(Database& db);

}  // namespace lb::records
