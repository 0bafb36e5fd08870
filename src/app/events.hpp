#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "app/store.hpp"

namespace kc::app {

enum class EventChangeResult { done, invalid, not_found, not_allowed };

struct EventChangeOutcome {
    EventChangeResult result = EventChangeResult::not_found;
    FieldErrors errors;
    std::int64_t event_id = 0;
    // Registrations that moved up from the waiting list because the change made room, to
    // tell them by mail.
    std::vector<std::int64_t> promoted_ids;
};

// Creates a draft event after validating it, including that its partners belong
// to the Werkplaats.
EventChangeOutcome create_event(Transaction& tx, std::int64_t werkplaats_id,
                                const domain::EventDetails& details, time::Timestamp now);

// Changes an event's details. A larger capacity lets waiting people in.
EventChangeOutcome update_event(Transaction& tx, std::int64_t werkplaats_id, std::int64_t event_id,
                                const domain::EventDetails& details, time::Timestamp now);

// Moves an event to another status: draft -> published -> held, or cancelled.
EventChangeOutcome change_event_status(Transaction& tx, std::int64_t werkplaats_id,
                                       std::int64_t event_id, domain::EventStatus status,
                                       time::Timestamp now);

}  // namespace kc::app
