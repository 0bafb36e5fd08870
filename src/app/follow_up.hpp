#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/scope.hpp"
#include "app/store.hpp"
#include "domain/action.hpp"
#include "domain/harvest.hpp"

// Harvest and follow-up ("doorpakken"): what a café yielded, recorded by organisers and by
// table hosts through a link, and the actions that came out of it with their history.
// Every use case takes the Werkplaats (an EventScope, or the id for an action) and checks it
// again inside its transaction.
namespace kc::app {

enum class FollowUpStatus { done, invalid, not_found, not_allowed };

struct FollowUpOutcome {
    FollowUpStatus status = FollowUpStatus::done;
    FieldErrors errors;
    std::int64_t id = 0;  // of what was created or changed
    std::string token;    // a new harvest link's token, shown once
};

// Who records: an organiser or host with an account, or a table host through a harvest link
// (then only that link's own items may be changed).
struct Recorder {
    domain::HarvestAuthor author;
    bool is_link() const { return author.link_id.has_value(); }
};

// Adds an item to the scope's café. Refused when the café holds HarvestLimits::items_per_event.
FollowUpOutcome add_harvest_item(Transaction& tx, const EventScope& scope, domain::HarvestItem item,
                                 const Recorder& recorder, time::Timestamp now);
// Changes the kind, text and origin of an item of the scope's café. Through a link, only an
// item that link wrote.
FollowUpOutcome update_harvest_item(Transaction& tx, const EventScope& scope, std::int64_t item_id,
                                    domain::HarvestItem changes, const Recorder& recorder,
                                    time::Timestamp now);
FollowUpOutcome delete_harvest_item(Transaction& tx, const EventScope& scope, std::int64_t item_id,
                                    const Recorder& recorder);

// A new harvest link for the scope's café; the outcome carries the token, which is stored
// only as a hash.
FollowUpOutcome create_harvest_link(Transaction& tx, const EventScope& scope, std::string name,
                                    std::optional<std::int64_t> created_by, time::Timestamp now);
FollowUpOutcome revoke_harvest_link(Transaction& tx, const EventScope& scope, std::int64_t link_id,
                                    time::Timestamp now);

// What a harvest link opens: its café, as a scope, while the link is not revoked.
struct HarvestLinkAccess {
    HarvestLink link;
    domain::Event event;
    EventScope scope() const { return {event.werkplaats_id, event.id}; }
    Recorder recorder() const;
};
std::optional<HarvestLinkAccess> harvest_link_access(Queries& queries, std::string_view token);

// A new open action of the scope's café, its history starting with its creation.
FollowUpOutcome create_action(Transaction& tx, const EventScope& scope, domain::ActionDraft draft,
                              const std::string& by_name, time::Timestamp now);
// A status change (or a plain update with the same status) of an action of the Werkplaats.
// not_found for an action elsewhere, not_allowed for a transition the rules forbid, invalid
// for a missing or overlong update.
FollowUpOutcome change_action_status(Transaction& tx, std::int64_t werkplaats_id,
                                     std::int64_t action_id, domain::ActionStatus status,
                                     std::string update, const std::string& by_name,
                                     time::Timestamp now);

// The action, if it belongs to the Werkplaats.
std::optional<domain::Action> action_in_werkplaats(Queries& queries, std::int64_t werkplaats_id,
                                                   std::int64_t action_id);

}  // namespace kc::app
