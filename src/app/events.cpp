#include "app/events.hpp"

#include <algorithm>

#include "app/registrations.hpp"

namespace kc::app {

namespace {

FieldErrors validate_for(Transaction& tx, std::int64_t werkplaats_id,
                         const domain::EventDetails& details) {
    FieldErrors errors = domain::validate(details);
    const auto partners = tx.partners(werkplaats_id);
    for (const auto partner_id : details.partner_ids) {
        const bool known = std::any_of(partners.begin(), partners.end(),
                                       [&](const Partner& p) { return p.id == partner_id; });
        if (!known) {
            errors.push_back({"partners", "error.unknown_partner"});
            break;
        }
    }
    return errors;
}

bool transition_allowed(domain::EventStatus from, domain::EventStatus to) {
    using domain::EventStatus;
    switch (to) {
        case EventStatus::draft:
            return from == EventStatus::published;
        case EventStatus::published:
            return from == EventStatus::draft || from == EventStatus::cancelled;
        case EventStatus::held:
            return from == EventStatus::published;
        case EventStatus::cancelled:
            return from == EventStatus::draft || from == EventStatus::published;
    }
    return false;
}

}  // namespace

EventChangeOutcome create_event(Transaction& tx, std::int64_t werkplaats_id,
                                const domain::EventDetails& details, time::Timestamp now) {
    EventChangeOutcome outcome;
    outcome.errors = validate_for(tx, werkplaats_id, details);
    if (!outcome.errors.empty()) {
        outcome.result = EventChangeResult::invalid;
        return outcome;
    }
    outcome.event_id = tx.insert_event(werkplaats_id, details, domain::EventStatus::draft, now);
    outcome.result = EventChangeResult::done;
    return outcome;
}

EventChangeOutcome update_event(Transaction& tx, std::int64_t werkplaats_id, std::int64_t event_id,
                                const domain::EventDetails& details, time::Timestamp now) {
    EventChangeOutcome outcome;
    outcome.event_id = event_id;
    const auto event = tx.event(event_id);
    if (!event || event->werkplaats_id != werkplaats_id) return outcome;
    outcome.errors = validate_for(tx, werkplaats_id, details);
    if (!outcome.errors.empty()) {
        outcome.result = EventChangeResult::invalid;
        return outcome;
    }
    tx.update_event_details(event_id, details, now);
    outcome.promoted_ids = promote_from_waiting_list(tx, event_id, now);
    outcome.result = EventChangeResult::done;
    return outcome;
}

EventChangeOutcome change_event_status(Transaction& tx, std::int64_t werkplaats_id,
                                       std::int64_t event_id, domain::EventStatus status,
                                       time::Timestamp now) {
    EventChangeOutcome outcome;
    outcome.event_id = event_id;
    const auto event = tx.event(event_id);
    if (!event || event->werkplaats_id != werkplaats_id) return outcome;
    if (event->status == status) {
        outcome.result = EventChangeResult::done;
        return outcome;
    }
    if (!transition_allowed(event->status, status)) {
        outcome.result = EventChangeResult::not_allowed;
        return outcome;
    }
    tx.update_event_status(event_id, status, now);
    outcome.result = EventChangeResult::done;
    return outcome;
}

}  // namespace kc::app
