#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/field_error.hpp"
#include "core/time.hpp"

namespace kc::domain {

enum class RegistrationStatus { registered, waitlisted, cancelled };

// What happened on the day. A walk-in is registered at the door and checked in.
enum class Attendance { unknown, checked_in, no_show };

std::string_view to_slug(RegistrationStatus status);
std::string_view to_slug(Attendance attendance);
std::optional<RegistrationStatus> registration_status_from_slug(std::string_view slug);
std::optional<Attendance> attendance_from_slug(std::string_view slug);

// What a participant fills in; no account is needed.
struct RegistrationForm {
    std::string name;
    std::string email;  // optional
    std::int64_t group_id = 0;
    std::string organisation;
    std::string dietary;
    std::string accessibility;
    bool consent_photos = false;
    bool consent_contact = false;
};

struct Registration {
    std::int64_t id = 0;
    std::int64_t event_id = 0;
    RegistrationForm form;
    std::optional<std::string> email_normalized;
    RegistrationStatus status = RegistrationStatus::registered;
    Attendance attendance = Attendance::unknown;
    bool walk_in = false;
    // Stays at one table in a world café rather than moving between rounds.
    bool stays_seated = false;
    std::string cancel_token;
    time::Timestamp created_at = 0;
    std::optional<time::Timestamp> checked_in_at;
};

struct RegistrationLimits {
    static constexpr std::size_t name = 100;
    static constexpr std::size_t email = 254;
    static constexpr std::size_t organisation = 150;
    static constexpr std::size_t dietary = 300;
    static constexpr std::size_t accessibility = 500;
};

// Checks a registration form. `group_exists` says whether group_id names a group of
// the event's Werkplaats. Walk-ins at the door need only a name and a group.
FieldErrors validate(const RegistrationForm& form, bool group_exists);

// Whether a new registration gets a place or goes on the waiting list. Capacity 0
// means the event has no limit.
RegistrationStatus place_for_new_registration(int registered_count, int capacity);

// How many people to move from the waiting list after a change: as many as there
// are free places, never more than are waiting.
int promotions_available(int registered_count, int capacity, int waitlisted_count);

}  // namespace kc::domain
