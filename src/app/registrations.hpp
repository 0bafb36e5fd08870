#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/scope.hpp"
#include "app/store.hpp"

namespace kc::app {

enum class RegisterResult {
    registered,
    waitlisted,
    invalid,             // see `errors`
    already_registered,  // the same e-mail holds a place or waits for one
    event_not_found,
    closed,  // not published, cancelled or already started
};

struct RegisterOutcome {
    RegisterResult result = RegisterResult::invalid;
    FieldErrors errors;
    std::optional<domain::Registration> registration;
};

// Registers a participant for a public event: validates the form, recognises a
// double registration by e-mail, and gives a place or a spot on the waiting list.
// Runs inside a write transaction so that two registrations never take one place.
RegisterOutcome register_participant(Transaction& tx, std::int64_t event_id,
                                     const domain::RegistrationForm& form, time::Timestamp now);

enum class CancelResult { cancelled, already_cancelled, not_found, event_over };

struct CancelOutcome {
    CancelResult result = CancelResult::not_found;
    std::optional<domain::Registration> registration;
    int promoted = 0;  // how many moved up from the waiting list
    // Their registrations, to tell them by mail.
    std::vector<std::int64_t> promoted_ids;
};

// Cancels by the personal token from the confirmation; the first in line on the
// waiting list takes the freed place.
CancelOutcome cancel_registration(Transaction& tx, const std::string& cancel_token,
                                  time::Timestamp now);

// Moves people from the waiting list while places are free; returns their registrations.
std::vector<std::int64_t> promote_from_waiting_list(Transaction& tx, std::int64_t event_id,
                                                    time::Timestamp now);

enum class DoorResult { done, invalid, not_found };

struct DoorOutcome {
    DoorResult result = DoorResult::not_found;
    FieldErrors errors;
    std::optional<domain::Registration> registration;
};

// Check-in at the door, its undo, walk-ins and no-shows, on an event of the scope's
// Werkplaats only: a registration of another event is not found.
DoorOutcome check_in(Transaction& tx, const EventScope& scope, std::int64_t registration_id,
                     time::Timestamp now);
DoorOutcome undo_check_in(Transaction& tx, const EventScope& scope, std::int64_t registration_id);
DoorOutcome add_walk_in(Transaction& tx, const EventScope& scope,
                        const domain::RegistrationForm& form, time::Timestamp now);
// Marks everyone with a place who did not check in as a no-show; returns how many, or
// nothing when the event is not in the scope.
std::optional<int> mark_no_shows(Transaction& tx, const EventScope& scope);

}  // namespace kc::app
