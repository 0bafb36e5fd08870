#pragma once

// An experience ("ervaring"): a participant's quote about a café, shown on its public page
// with their name and role or anonymously, and only with a recorded consent that the person
// can withdraw. Pure: the storage and pages live in app/ and web/.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/field_error.hpp"
#include "core/time.hpp"

namespace kc::domain {

// published: on the public pages. hidden: an organiser took it off (and may put it back).
// withdrawn: the person took back their consent; the quote, name and role are erased and
// it never comes back.
enum class ExperienceStatus { published, hidden, withdrawn };

std::string_view to_slug(ExperienceStatus status);
std::optional<ExperienceStatus> experience_status_from_slug(std::string_view slug);

// How the person is named under their quote.
enum class Attribution { named, anonymous };

std::string_view to_slug(Attribution attribution);
std::optional<Attribution> attribution_from_slug(std::string_view slug);

struct ExperienceLimits {
    static constexpr std::size_t quote = 1'000;
    static constexpr std::size_t name = 100;
    static constexpr std::size_t role = 150;
};

// What a participant fills in. `consent` is the ticked box with the consent text.
struct ExperienceForm {
    std::string quote;
    Attribution attribution = Attribution::anonymous;
    std::string name;  // required when named, ignored when anonymous
    std::string role;  // optional, e.g. "bewoner van Feijenoord"; ignored when anonymous
    bool consent = false;
};

// What the person consented to, when and how: the version of the consent text they saw
// (which says what is published, where, and that they can withdraw) and the form it came
// through.
struct ExperienceConsent {
    std::string text_version;
    std::string channel;  // e.g. "evaluation_form"
    time::Timestamp given_at = 0;
    std::optional<time::Timestamp> withdrawn_at;
};

struct Experience {
    std::int64_t id = 0;
    std::int64_t event_id = 0;
    // Set when it came through a personal link, so that erasing that person's data takes
    // it along.
    std::optional<std::int64_t> registration_id;
    std::string quote;
    Attribution attribution = Attribution::anonymous;
    std::string name;
    std::string role;
    ExperienceStatus status = ExperienceStatus::published;
    ExperienceConsent consent;
    time::Timestamp submitted_at = 0;
    time::Timestamp status_changed_at = 0;
};

// Checks a form; empty when it is acceptable. Fields: "quote", "name", "role", "consent".
FieldErrors validate(const ExperienceForm& form);

// The experience a valid form becomes: trimmed, and without name or role when anonymous,
// so that nothing of the person is stored that will not be shown.
Experience experience_from(const ExperienceForm& form, std::int64_t event_id,
                           const ExperienceConsent& consent);

// How the quote is signed: "Fatima, bewoner van Feijenoord", "Fatima", or empty when it is
// anonymous (the page then says so in its language).
std::string signature(const Experience& experience);

// Whether the public may see it: consented and neither hidden nor withdrawn.
bool is_public(const Experience& experience);

// Takes back the consent: the quote, name and role are erased for good, what is left
// records only that there was a consent and when it ended.
void withdraw(Experience& experience, time::Timestamp now);

}  // namespace kc::domain
