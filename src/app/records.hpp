#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/time.hpp"

namespace kc::app {

// A Werkplaats is a tenant: one installation can host several.
struct Werkplaats {
    std::int64_t id = 0;
    std::string slug;
    std::string name;
};

struct Partner {
    std::int64_t id = 0;
    std::int64_t werkplaats_id = 0;
    std::string name;
    std::string website;
};

// What an account may do within its Werkplaats. Each role includes the ones before.
enum class Role { host, organiser, admin };

std::string_view to_slug(Role role);
std::optional<Role> role_from_slug(std::string_view slug);

struct User {
    std::int64_t id = 0;
    std::int64_t werkplaats_id = 0;
    std::string email;
    std::string name;
    Role role = Role::host;
    std::string password_hash;
};

// A logged-in browser. Only the hash of the cookie's token is stored, so a leaked
// database cannot be used to log in.
struct SessionRecord {
    std::string token_hash;
    std::int64_t user_id = 0;
    std::string csrf_token;
    time::Timestamp expires_at = 0;
};

struct EventCounts {
    int registered = 0;
    int waitlisted = 0;
    int checked_in = 0;
};

}  // namespace kc::app
