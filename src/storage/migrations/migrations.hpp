#pragma once

#include <string_view>
#include <vector>

namespace kc::storage {

// One versioned schema change. Versions only grow; an applied migration is never
// edited, a new one is added instead.
struct Migration {
    int version;
    std::string_view name;
    std::string_view sql;
};

// The SQLite migrations in version order (generated from migrations/sqlite/*.sql).
const std::vector<Migration>& sqlite_migrations();

}  // namespace kc::storage
