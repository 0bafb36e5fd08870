#pragma once

#include <cstdint>
#include <optional>

#include "app/store.hpp"

namespace kc::app {

// An event as an organiser-side request may touch it: the event and the Werkplaats the
// caller works in. The web layer makes one only after resolving the event for the
// caller; use cases check it again inside their transaction, so a write queued behind
// another can never land on another Werkplaats's event or registration.
struct EventScope {
    std::int64_t werkplaats_id = 0;
    std::int64_t event_id = 0;
};

// The event, if it belongs to the scope's Werkplaats.
std::optional<domain::Event> event_in_scope(Queries& queries, const EventScope& scope);

// A registration, if it is one of the scope's event (and so of its Werkplaats).
std::optional<domain::Registration> registration_in_scope(Queries& queries, const EventScope& scope,
                                                          std::int64_t registration_id);

}  // namespace kc::app
