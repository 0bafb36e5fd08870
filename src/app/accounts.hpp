#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/store.hpp"
#include "core/field_error.hpp"

namespace kc::app {

// How long the things of accounts last.
struct AccountLimits {
    static constexpr time::Timestamp session_seconds = 12 * 3600;
    static constexpr time::Timestamp link_seconds = 7 * 24 * 3600;
    static constexpr int default_token_days = 365;
    static constexpr int max_token_days = 730;
    static constexpr std::size_t min_password_code_points = 10;
    static constexpr std::size_t max_password_bytes = 1024;
    static constexpr std::size_t max_name_code_points = 100;
};

// Whether a new password is acceptable; catalogue keys on the "password" field.
FieldErrors validate_password(std::string_view password);

// The memberships a person can work in now (not disabled).
std::vector<Membership> active_memberships(Queries& queries, std::int64_t user_id);

// Who is acting on a Werkplaats: a person through a session, or a script through a token.
struct Actor {
    std::int64_t user_id = 0;
    std::int64_t werkplaats_id = 0;
    Role role = Role::host;
    std::optional<std::int64_t> token_id;
};

enum class AccountResult { done, invalid, not_found, not_allowed, used_or_expired };

struct LinkOutcome {
    AccountResult result = AccountResult::invalid;
    FieldErrors errors;
    // The link's token, to show once (it is stored only as a hash).
    std::string token;
};

// Invites someone by e-mail to a Werkplaats with a role. Only an admin invites.
LinkOutcome invite_member(Transaction& tx, const Actor& admin, const std::string& email,
                          const std::string& name, Role role, time::Timestamp now);

// A link that lets a member of the admin's Werkplaats choose a new password.
LinkOutcome create_reset_link(Transaction& tx, const Actor& admin, std::int64_t user_id,
                              time::Timestamp now);

// What a one-time link will do when it is used, for the page that asks for a password.
struct LinkPreview {
    AccountLink link;
    // The account the link is for, when it exists already.
    std::optional<User> existing_user;
    std::string werkplaats_name;
};

// The link behind a token, if it can still be used at `now`.
std::optional<LinkPreview> preview_link(Queries& queries, const std::string& token,
                                        time::Timestamp now);

struct AcceptOutcome {
    AccountResult result = AccountResult::invalid;
    FieldErrors errors;
    std::int64_t user_id = 0;
    std::int64_t werkplaats_id = 0;
};

// Uses a one-time link. An invitation makes the account (name and password) or, for an
// existing account, adds the membership; a reset sets the password. Both end the
// person's other sessions when the password changes. `password_hash` is made by the
// caller outside the transaction, because hashing is slow on purpose.
AcceptOutcome accept_link(Transaction& tx, const std::string& token, const std::string& name,
                          const std::string& password_hash, time::Timestamp now);

// Changes a member's role or disables/enables them. A Werkplaats always keeps one
// enabled admin, so an admin cannot lock everyone out.
AccountResult change_membership(Transaction& tx, const Actor& admin, std::int64_t user_id,
                                Role role, bool disabled);

struct TokenOutcome {
    AccountResult result = AccountResult::invalid;
    FieldErrors errors;
    std::string token;
    std::int64_t token_id = 0;
};

// A new API token for the actor in the actor's Werkplaats, with a role no higher than theirs.
TokenOutcome create_api_token(Transaction& tx, const Actor& actor, const std::string& name,
                              Role role, int days, time::Timestamp now);

// Revokes a token of the admin's Werkplaats.
AccountResult revoke_api_token(Transaction& tx, const Actor& admin, std::int64_t token_id,
                               time::Timestamp now);

// Sets a new password (already hashed) and ends every session of the person, so a
// browser somebody else left logged in is logged out too.
void set_password(Transaction& tx, std::int64_t user_id, const std::string& password_hash);

// Assigns hosts to an event of the organiser's Werkplaats; each must be a member.
AccountResult assign_event_hosts(Transaction& tx, const Actor& organiser, std::int64_t event_id,
                                 const std::vector<std::int64_t>& user_ids);

}  // namespace kc::app
