#pragma once

// Evaluations and experiences as use cases: a participant evaluates a café (anonymously or
// through their personal link, once), their "next theme" lands in the theme agenda, they may
// share an experience with a recorded consent and withdraw it through its own link, and
// organisers read the results and hide an experience.
//
// Public writes take the Werkplaats whose site the form came from and check the event
// against it inside the transaction. Outcomes are values; FieldErrors carry catalogue keys
// ("evaluation.*", "experience.*", "error.*").

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "app/paging.hpp"
#include "app/scope.hpp"
#include "app/store.hpp"
#include "domain/evaluation.hpp"
#include "domain/experience.hpp"

namespace kc::app {

// The version of the consent text beside the experience form (i18n "experience.consent"),
// stored with every experience. Change it whenever that text changes.
inline constexpr std::string_view experience_consent_version = "ervaring-2026-1";
// How the consent was given: the public form after the evaluation.
inline constexpr std::string_view experience_consent_channel = "evaluation_form";

// How a participant's evaluation or experience fared.
enum class FeedbackResult {
    done,
    invalid,        // errors say which fields
    not_found,      // no such published café on this site
    not_open,       // the café has not begun (or was cancelled)
    unknown_link,   // the personal link is not one of this café's registrations
    already_given,  // this personal link already evaluated the café
};

struct EvaluationOutcome {
    FeedbackResult result = FeedbackResult::invalid;
    FieldErrors errors;
    std::int64_t evaluation_id = 0;
    // The theme proposal made from the "next theme" answer, if there was one.
    std::optional<std::int64_t> theme_id;
};

// Stores an evaluation. With a personal link's token (`registration_token` not empty) the
// group comes from the registration and the link may evaluate once; without one it is
// anonymous and the group is what the form says (optional). A "next theme" answer becomes a
// proposed theme of the Werkplaats (source: evaluation), its title cut to the title limit.
EvaluationOutcome submit_evaluation(Transaction& tx, std::int64_t werkplaats_id,
                                    std::int64_t event_id, domain::EvaluationAnswer answer,
                                    const std::string& registration_token, time::Timestamp now);

struct ExperienceOutcome {
    FeedbackResult result = FeedbackResult::invalid;
    FieldErrors errors;
    std::int64_t experience_id = 0;
    // The person's own link to see and withdraw it; only its digest is stored, so this is
    // the one moment it can be shown.
    std::string token;
};

// Stores an experience with its consent (text version, channel, time), published at once.
// Same checks of the café and the link as submit_evaluation; any number per person (so
// never already_given).
ExperienceOutcome submit_experience(Transaction& tx, std::int64_t werkplaats_id,
                                    std::int64_t event_id, const domain::ExperienceForm& form,
                                    const std::string& registration_token, time::Timestamp now);

// An experience by its person's link, with the café it is about.
struct OwnExperience {
    domain::Experience experience;
    domain::Event event;
};
std::optional<OwnExperience> experience_by_token(Queries& queries, const std::string& token);

enum class WithdrawResult { withdrawn, already_withdrawn, not_found };

// Takes back the consent: the quote, name and role are erased at once and the experience
// leaves every public page (a write, so no cached page keeps it).
WithdrawResult withdraw_experience(Transaction& tx, const std::string& token, time::Timestamp now);

enum class VisibilityResult { done, not_found, withdrawn };

// An organiser hides an experience of the scope's event, or shows it again; a withdrawn
// one cannot come back.
VisibilityResult set_experience_visible(Transaction& tx, const EventScope& scope,
                                        std::int64_t experience_id, bool visible,
                                        time::Timestamp now);

// Withdraws the experiences that came through these registrations' links: part of erasing
// a person on request (privacy.cpp), since a named quote is their personal data.
void withdraw_experiences_of(Transaction& tx, const std::vector<std::int64_t>& registration_ids,
                             time::Timestamp now);

// The results of a café for its organisers: the summary (small groups hidden by the
// Werkplaats's threshold), one page of the answers that hold text, one page of experiences.
struct EvaluationResults {
    domain::EvaluationSummary summary;
    Page<domain::Evaluation> answers;
    Page<domain::Experience> experiences;
};
EvaluationResults evaluation_results(Queries& queries, const EventScope& scope,
                                     const PageRequest& answers, const PageRequest& experiences);

// The experiences the public sees on a café's page, newest first, at most `limit`.
Page<domain::Experience> public_experiences(Queries& queries, std::int64_t event_id,
                                            std::size_t limit);

}  // namespace kc::app
