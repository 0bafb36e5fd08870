#include "app/registrations.hpp"

#include <algorithm>

#include "app/privacy.hpp"
#include "app/security.hpp"
#include "core/text.hpp"

namespace kc::app {

namespace {

bool group_belongs_to(Queries& queries, std::int64_t werkplaats_id, std::int64_t group_id) {
    const auto groups = queries.groups(werkplaats_id);
    return std::any_of(groups.begin(), groups.end(),
                       [&](const auto& group) { return group.id == group_id; });
}

domain::RegistrationForm trimmed(const domain::RegistrationForm& form) {
    domain::RegistrationForm clean = form;
    clean.name = text::trim(form.name);
    clean.email = text::trim(form.email);
    clean.organisation = text::trim(form.organisation);
    clean.dietary = text::trim(form.dietary);
    clean.accessibility = text::trim(form.accessibility);
    return clean;
}

domain::Registration new_registration(std::int64_t event_id, const domain::RegistrationForm& form,
                                      time::Timestamp now) {
    domain::Registration registration;
    registration.event_id = event_id;
    registration.form = form;
    if (!form.email.empty()) registration.email_normalized = text::normalize_email(form.email);
    registration.cancel_token = security::random_token();
    registration.created_at = now;
    return registration;
}

}  // namespace

RegisterOutcome register_participant(Transaction& tx, std::int64_t event_id,
                                     const domain::RegistrationForm& form, time::Timestamp now) {
    RegisterOutcome outcome;
    const auto event = tx.event(event_id);
    if (!event) {
        outcome.result = RegisterResult::event_not_found;
        return outcome;
    }
    if (!domain::is_open_for_registration(*event, now)) {
        outcome.result = RegisterResult::closed;
        return outcome;
    }
    const domain::RegistrationForm clean = trimmed(form);
    outcome.errors =
        domain::validate(clean, group_belongs_to(tx, event->werkplaats_id, clean.group_id));
    if (!outcome.errors.empty()) {
        outcome.result = RegisterResult::invalid;
        return outcome;
    }
    domain::Registration registration = new_registration(event_id, clean, now);
    if (registration.email_normalized) {
        if (auto existing =
                tx.active_registration_by_email(event_id, *registration.email_normalized)) {
            outcome.result = RegisterResult::already_registered;
            outcome.registration = std::move(existing);
            return outcome;
        }
    }
    const EventCounts counts = tx.counts(event_id);
    // Nobody jumps the queue: while others wait, a newcomer waits too.
    registration.status = counts.waitlisted > 0 ? domain::RegistrationStatus::waitlisted
                                                : domain::place_for_new_registration(
                                                      counts.registered, event->details.capacity);
    registration.id = tx.insert_registration(registration);
    record_registration_consents(tx, registration, now);
    outcome.result = registration.status == domain::RegistrationStatus::registered
                         ? RegisterResult::registered
                         : RegisterResult::waitlisted;
    outcome.registration = std::move(registration);
    return outcome;
}

std::vector<std::int64_t> promote_from_waiting_list(Transaction& tx, std::int64_t event_id,
                                                    time::Timestamp now) {
    std::vector<std::int64_t> promoted;
    const auto event = tx.event(event_id);
    if (!event) return promoted;
    const EventCounts counts = tx.counts(event_id);
    const int free =
        domain::promotions_available(counts.registered, event->details.capacity, counts.waitlisted);
    if (free == 0) return promoted;
    const auto waiting = tx.waiting_list(event_id);
    for (std::size_t i = 0; i < waiting.size() && promoted.size() < static_cast<std::size_t>(free);
         ++i) {
        tx.update_registration_status(waiting[i].id, domain::RegistrationStatus::registered, now);
        promoted.push_back(waiting[i].id);
    }
    return promoted;
}

CancelOutcome cancel_registration(Transaction& tx, const std::string& cancel_token,
                                  time::Timestamp now) {
    CancelOutcome outcome;
    auto registration = tx.registration_by_token(cancel_token);
    if (!registration) return outcome;
    outcome.registration = registration;
    if (registration->status == domain::RegistrationStatus::cancelled) {
        outcome.result = CancelResult::already_cancelled;
        return outcome;
    }
    const auto event = tx.event(registration->event_id);
    if (event && event->details.starts_at <= now) {
        outcome.result = CancelResult::event_over;
        return outcome;
    }
    tx.update_registration_status(registration->id, domain::RegistrationStatus::cancelled, now);
    outcome.registration->status = domain::RegistrationStatus::cancelled;
    outcome.promoted_ids = promote_from_waiting_list(tx, registration->event_id, now);
    outcome.promoted = static_cast<int>(outcome.promoted_ids.size());
    outcome.result = CancelResult::cancelled;
    return outcome;
}

DoorOutcome check_in(Transaction& tx, const EventScope& scope, std::int64_t registration_id,
                     time::Timestamp now) {
    DoorOutcome outcome;
    auto registration = registration_in_scope(tx, scope, registration_id);
    if (!registration || registration->status == domain::RegistrationStatus::cancelled) {
        return outcome;
    }
    // Someone from the waiting list who turns up anyway gets in at the door: they are
    // counted as present, which is what the statistics need.
    if (registration->status == domain::RegistrationStatus::waitlisted) {
        tx.update_registration_status(registration_id, domain::RegistrationStatus::registered, now);
        registration->status = domain::RegistrationStatus::registered;
    }
    tx.update_attendance(registration_id, domain::Attendance::checked_in, now);
    registration->attendance = domain::Attendance::checked_in;
    registration->checked_in_at = now;
    outcome.result = DoorResult::done;
    outcome.registration = std::move(registration);
    return outcome;
}

DoorOutcome undo_check_in(Transaction& tx, const EventScope& scope, std::int64_t registration_id) {
    DoorOutcome outcome;
    auto registration = registration_in_scope(tx, scope, registration_id);
    if (!registration) return outcome;
    tx.update_attendance(registration_id, domain::Attendance::unknown, std::nullopt);
    registration->attendance = domain::Attendance::unknown;
    registration->checked_in_at.reset();
    outcome.result = DoorResult::done;
    outcome.registration = std::move(registration);
    return outcome;
}

DoorOutcome add_walk_in(Transaction& tx, const EventScope& scope,
                        const domain::RegistrationForm& form, time::Timestamp now) {
    DoorOutcome outcome;
    const auto event = event_in_scope(tx, scope);
    if (!event) return outcome;
    const std::int64_t event_id = event->id;
    const domain::RegistrationForm clean = trimmed(form);
    outcome.errors =
        domain::validate(clean, group_belongs_to(tx, event->werkplaats_id, clean.group_id));
    if (!outcome.errors.empty()) {
        outcome.result = DoorResult::invalid;
        return outcome;
    }
    domain::Registration registration = new_registration(event_id, clean, now);
    if (registration.email_normalized) {
        // Someone who registered earlier but is not found on the list by name is
        // checked in on their own registration rather than counted twice.
        if (const auto existing =
                tx.active_registration_by_email(event_id, *registration.email_normalized)) {
            return check_in(tx, scope, existing->id, now);
        }
    }
    registration.walk_in = true;
    registration.status = domain::RegistrationStatus::registered;
    registration.attendance = domain::Attendance::checked_in;
    registration.checked_in_at = now;
    registration.id = tx.insert_registration(registration);
    record_registration_consents(tx, registration, now);
    outcome.result = DoorResult::done;
    outcome.registration = std::move(registration);
    return outcome;
}

std::optional<int> mark_no_shows(Transaction& tx, const EventScope& scope) {
    if (!event_in_scope(tx, scope)) return std::nullopt;
    int marked = 0;
    for (const auto& registration : tx.registrations(scope.event_id)) {
        if (registration.status == domain::RegistrationStatus::registered &&
            registration.attendance == domain::Attendance::unknown) {
            tx.update_attendance(registration.id, domain::Attendance::no_show, std::nullopt);
            ++marked;
        }
    }
    return marked;
}

}  // namespace kc::app
