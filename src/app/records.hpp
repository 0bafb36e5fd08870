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
    // The host name of its own public site ("kenniscafe.example.nl"), or empty.
    std::string host_name;
};

struct Partner {
    std::int64_t id = 0;
    std::int64_t werkplaats_id = 0;
    std::string name;
    std::string website;
};

// What an account may do within a Werkplaats. Each role includes the ones before:
// a host works the door and the café tables of the events assigned to them, an
// organiser runs events, cafés and reports, an admin also manages settings and accounts.
enum class Role { host, organiser, admin };

std::string_view to_slug(Role role);
std::optional<Role> role_from_slug(std::string_view slug);
// Whether `role` includes everything `minimum` may do.
bool has_role(Role role, Role minimum);

// A person who can log in. Roles are not theirs but their memberships'.
struct User {
    std::int64_t id = 0;
    std::string email;
    std::string name;
    std::string password_hash;
};

// A person's role in one Werkplaats. A disabled membership keeps its history but
// opens nothing.
struct Membership {
    std::int64_t user_id = 0;
    std::int64_t werkplaats_id = 0;
    Role role = Role::host;
    bool disabled = false;
};

// A logged-in browser. Only the hash of the cookie's token is stored, so a leaked
// database cannot be used to log in.
struct SessionRecord {
    std::string token_hash;
    std::int64_t user_id = 0;
    std::string csrf_token;
    // The Werkplaats the person picked after logging in, if any yet.
    std::optional<std::int64_t> werkplaats_id;
    time::Timestamp created_at = 0;
    time::Timestamp expires_at = 0;
};

// A token for scripts: one Werkplaats, a role no higher than its owner's membership,
// a name to recognise it by, and an expiry.
struct ApiToken {
    std::int64_t id = 0;
    std::string token_hash;
    std::int64_t user_id = 0;
    std::int64_t werkplaats_id = 0;
    Role role = Role::host;
    std::string name;
    time::Timestamp created_at = 0;
    time::Timestamp expires_at = 0;
    std::optional<time::Timestamp> last_used_at;
    std::optional<time::Timestamp> revoked_at;
};

// A link that works once: an invitation to join a Werkplaats with a role, or a reset
// of a person's password.
enum class AccountLinkKind { invite, reset };

struct AccountLink {
    std::string token_hash;
    AccountLinkKind kind = AccountLinkKind::invite;
    std::string email;
    std::string name;
    std::int64_t werkplaats_id = 0;
    Role role = Role::host;
    std::optional<std::int64_t> created_by;
    time::Timestamp created_at = 0;
    time::Timestamp expires_at = 0;
    std::optional<time::Timestamp> used_at;
};

struct EventCounts {
    int registered = 0;
    int waitlisted = 0;
    int checked_in = 0;
};

}  // namespace kc::app
