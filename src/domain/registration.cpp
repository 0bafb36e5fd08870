#include "domain/registration.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "core/validation.hpp"

namespace kc::domain {

using validation::Lines;
using validation::Presence;

std::string_view to_slug(RegistrationStatus status) {
    switch (status) {
        case RegistrationStatus::registered:
            return "registered";
        case RegistrationStatus::waitlisted:
            return "waitlisted";
        case RegistrationStatus::cancelled:
            return "cancelled";
    }
    return {};
}

std::string_view to_slug(Attendance attendance) {
    switch (attendance) {
        case Attendance::unknown:
            return "unknown";
        case Attendance::checked_in:
            return "checked_in";
        case Attendance::no_show:
            return "no_show";
    }
    return {};
}

std::optional<RegistrationStatus> registration_status_from_slug(std::string_view slug) {
    for (const auto status : {RegistrationStatus::registered, RegistrationStatus::waitlisted,
                              RegistrationStatus::cancelled}) {
        if (to_slug(status) == slug) return status;
    }
    return std::nullopt;
}

std::optional<Attendance> attendance_from_slug(std::string_view slug) {
    for (const auto attendance :
         {Attendance::unknown, Attendance::checked_in, Attendance::no_show}) {
        if (to_slug(attendance) == slug) return attendance;
    }
    return std::nullopt;
}

FieldErrors validate(const RegistrationForm& form, bool group_exists) {
    FieldErrors errors;
    validation::check_text(errors, "name", form.name, Presence::required, RegistrationLimits::name);
    validation::check_text(errors, "email", form.email, Presence::optional,
                           RegistrationLimits::email);
    if (errors.empty() || errors.back().field != "email") {
        if (!text::trim(form.email).empty() && !text::normalize_email(form.email)) {
            errors.push_back({"email", "error.invalid_email"});
        }
    }
    if (!group_exists) errors.push_back({"group", "error.choose_group"});
    validation::check_text(errors, "organisation", form.organisation, Presence::optional,
                           RegistrationLimits::organisation);
    validation::check_text(errors, "dietary", form.dietary, Presence::optional,
                           RegistrationLimits::dietary, Lines::multiple);
    validation::check_text(errors, "accessibility", form.accessibility, Presence::optional,
                           RegistrationLimits::accessibility, Lines::multiple);
    return errors;
}

RegistrationStatus place_for_new_registration(int registered_count, int capacity) {
    if (capacity == 0 || registered_count < capacity) return RegistrationStatus::registered;
    return RegistrationStatus::waitlisted;
}

int promotions_available(int registered_count, int capacity, int waitlisted_count) {
    if (capacity == 0) return waitlisted_count;
    return std::clamp(capacity - registered_count, 0, waitlisted_count);
}

}  // namespace kc::domain
