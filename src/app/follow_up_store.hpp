#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/paging.hpp"
#include "domain/action.hpp"
#include "domain/harvest.hpp"

namespace kc::app {

// A link that lets a table host harvest one café from a phone without an account. Only the
// hash of its token is stored, like sessions and API tokens.
struct HarvestLink {
    std::int64_t id = 0;
    std::int64_t event_id = 0;
    std::string name;  // the host it is meant for; may be empty
    std::string token_hash;
    std::optional<std::int64_t> created_by;
    time::Timestamp created_at = 0;
    std::optional<time::Timestamp> revoked_at;
};

struct HarvestFilter {
    std::int64_t event_id = 0;
    std::optional<domain::HarvestKind> kind;
    // Only what a harvest link wrote (the host's own items).
    std::optional<std::int64_t> link_id;
    // Leaves out the kinds that stay inside (quotes).
    bool public_only = false;
};

// The actions a board, a café page or the API lists. Always within one Werkplaats.
struct ActionFilter {
    std::int64_t werkplaats_id = 0;
    std::optional<std::int64_t> event_id;
    std::optional<std::int64_t> theme_id;  // the theme of the action's café
    std::string owner;                     // exact owner organisation; empty: any
    std::optional<domain::ActionStatus> status;
    // Set to today ("YYYY-MM-DD"): only actions due before it and not finished.
    std::optional<std::string> overdue_on;
    // Only actions of cafés the public may see (published or held).
    bool public_only = false;
};

// The harvest and action reads, which `Queries` extends (src/storage/sqlite/sqlite_follow_up.cpp).
class FollowUpQueries {
  public:
    virtual ~FollowUpQueries() = default;

    virtual std::optional<domain::HarvestItem> harvest_item(std::int64_t id) = 0;
    // By kind (in the order of all_harvest_kinds), then table, round and when recorded.
    virtual Page<domain::HarvestItem> harvest_items(const HarvestFilter& filter,
                                                    const PageRequest& page) = 0;
    virtual std::size_t count_harvest_items(std::int64_t event_id) = 0;

    // The links of an event, newest first; revoked ones included.
    virtual std::vector<HarvestLink> harvest_links(std::int64_t event_id) = 0;
    virtual std::optional<HarvestLink> harvest_link_by_token(const std::string& token_hash) = 0;

    // An action with its whole history.
    virtual std::optional<domain::Action> action(std::int64_t id) = 0;
    // Overdue ones first (earliest due day first), then by due day; each with its history.
    virtual Page<domain::Action> actions(const ActionFilter& filter, const PageRequest& page) = 0;
    // The owner organisations the Werkplaats's actions name, alphabetically, for a filter.
    virtual std::vector<std::string> action_owners(std::int64_t werkplaats_id) = 0;
};

// The writes that go with `FollowUpQueries`, which `Transaction` extends.
class FollowUpWrites {
  public:
    virtual ~FollowUpWrites() = default;

    virtual std::int64_t insert_harvest_item(const domain::HarvestItem& item) = 0;
    // Kind, text, origin and the time of the change.
    virtual void update_harvest_item(const domain::HarvestItem& item) = 0;
    virtual void delete_harvest_item(std::int64_t id) = 0;

    virtual std::int64_t insert_harvest_link(const HarvestLink& link) = 0;
    virtual void revoke_harvest_link(std::int64_t id, time::Timestamp now) = 0;

    // Stores the action and its history as given; returns its id.
    virtual std::int64_t insert_action(const domain::Action& action) = 0;
    // Sets the action's status and appends one entry to its history.
    virtual void add_action_update(std::int64_t action_id, const domain::ActionUpdate& update) = 0;
};

}  // namespace kc::app
