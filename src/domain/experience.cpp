#include "domain/experience.hpp"

#include "core/text.hpp"
#include "core/validation.hpp"

namespace kc::domain {

using validation::Lines;
using validation::Presence;

std::string_view to_slug(ExperienceStatus status) {
    switch (status) {
        case ExperienceStatus::published:
            return "published";
        case ExperienceStatus::hidden:
            return "hidden";
        case ExperienceStatus::withdrawn:
            return "withdrawn";
    }
    return {};
}

std::optional<ExperienceStatus> experience_status_from_slug(std::string_view slug) {
    for (const auto status :
         {ExperienceStatus::published, ExperienceStatus::hidden, ExperienceStatus::withdrawn}) {
        if (to_slug(status) == slug) return status;
    }
    return std::nullopt;
}

std::string_view to_slug(Attribution attribution) {
    return attribution == Attribution::named ? "named" : "anonymous";
}

std::optional<Attribution> attribution_from_slug(std::string_view slug) {
    for (const auto attribution : {Attribution::named, Attribution::anonymous}) {
        if (to_slug(attribution) == slug) return attribution;
    }
    return std::nullopt;
}

FieldErrors validate(const ExperienceForm& form) {
    FieldErrors errors;
    validation::check_text(errors, "quote", form.quote, Presence::required, ExperienceLimits::quote,
                           Lines::multiple);
    if (form.attribution == Attribution::named) {
        validation::check_text(errors, "name", form.name, Presence::required,
                               ExperienceLimits::name);
        validation::check_text(errors, "role", form.role, Presence::optional,
                               ExperienceLimits::role);
    }
    if (!form.consent) errors.push_back({"consent", "experience.error_consent"});
    return errors;
}

Experience experience_from(const ExperienceForm& form, std::int64_t event_id,
                           const ExperienceConsent& consent) {
    Experience experience;
    experience.event_id = event_id;
    experience.quote = text::trim(form.quote);
    experience.attribution = form.attribution;
    if (form.attribution == Attribution::named) {
        experience.name = text::trim(form.name);
        experience.role = text::trim(form.role);
    }
    experience.status = ExperienceStatus::published;
    experience.consent = consent;
    experience.submitted_at = consent.given_at;
    experience.status_changed_at = consent.given_at;
    return experience;
}

std::string signature(const Experience& experience) {
    if (experience.attribution == Attribution::anonymous || experience.name.empty()) return {};
    return experience.role.empty() ? experience.name : experience.name + ", " + experience.role;
}

bool is_public(const Experience& experience) {
    return experience.status == ExperienceStatus::published && !experience.consent.withdrawn_at;
}

void withdraw(Experience& experience, time::Timestamp now) {
    experience.quote.clear();
    experience.name.clear();
    experience.role.clear();
    experience.status = ExperienceStatus::withdrawn;
    experience.consent.withdrawn_at = now;
    experience.status_changed_at = now;
}

}  // namespace kc::domain
