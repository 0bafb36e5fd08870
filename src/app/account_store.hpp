#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/records.hpp"

namespace kc::app {

// A member of a Werkplaats as its admin sees them in the account list.
struct MemberListing {
    User user;
    Membership membership;
};

// The reads of accounts, memberships, sessions, API tokens and one-time links, which
// `Queries` extends. Lookups of a thing that belongs to a Werkplaats take that
// Werkplaats, so a page cannot reach another Werkplaats's accounts by an id.
class AccountQueries {
  public:
    virtual ~AccountQueries() = default;

    virtual std::optional<User> user(std::int64_t id) = 0;
    virtual std::optional<User> user_by_email(const std::string& email) = 0;
    // The person's memberships, enabled or not, ordered by Werkplaats name.
    virtual std::vector<Membership> memberships_of(std::int64_t user_id) = 0;
    virtual std::optional<Membership> membership(std::int64_t user_id,
                                                 std::int64_t werkplaats_id) = 0;
    // Everyone with a membership of the Werkplaats, by name.
    virtual std::vector<MemberListing> members(std::int64_t werkplaats_id) = 0;

    virtual std::optional<SessionRecord> session(const std::string& token_hash) = 0;

    virtual std::optional<ApiToken> api_token(const std::string& token_hash) = 0;
    // The tokens of a Werkplaats, newest first; revoked ones included.
    virtual std::vector<ApiToken> api_tokens(std::int64_t werkplaats_id) = 0;

    virtual std::optional<AccountLink> account_link(const std::string& token_hash) = 0;
    // Links of a Werkplaats not used and not expired at `now`, newest first.
    virtual std::vector<AccountLink> open_account_links(std::int64_t werkplaats_id,
                                                        time::Timestamp now) = 0;

    // The hosts assigned to an event, and whether one person is among them.
    virtual std::vector<std::int64_t> event_hosts(std::int64_t event_id) = 0;
    virtual bool is_event_host(std::int64_t event_id, std::int64_t user_id) = 0;
};

// The writes that go with `AccountQueries`, which `Transaction` extends.
class AccountWrites {
  public:
    virtual ~AccountWrites() = default;

    virtual std::int64_t insert_user(const User& user) = 0;
    virtual void update_user_password(std::int64_t user_id, const std::string& password_hash) = 0;
    // Ends every session of the person, on every device ("log out everywhere").
    virtual void delete_sessions_of(std::int64_t user_id) = 0;
    // Adds or changes a membership.
    virtual void upsert_membership(const Membership& membership) = 0;

    virtual void insert_session(const SessionRecord& session) = 0;
    virtual void set_session_werkplaats(const std::string& token_hash,
                                        std::int64_t werkplaats_id) = 0;
    virtual void delete_session(const std::string& token_hash) = 0;
    virtual void delete_expired_sessions(time::Timestamp now) = 0;

    // Returns the new token's id.
    virtual std::int64_t insert_api_token(const ApiToken& token) = 0;
    virtual void revoke_api_token(std::int64_t token_id, time::Timestamp now) = 0;
    virtual void touch_api_token(std::int64_t token_id, time::Timestamp now) = 0;

    virtual void insert_account_link(const AccountLink& link) = 0;
    virtual void mark_account_link_used(const std::string& token_hash, time::Timestamp now) = 0;

    virtual void set_event_hosts(std::int64_t event_id,
                                 const std::vector<std::int64_t>& user_ids) = 0;
};

}  // namespace kc::app
