#include "app/evaluations.hpp"

#include "app/privacy.hpp"
#include "app/security.hpp"
#include "core/text.hpp"
#include "domain/theme.hpp"

namespace kc::app {

namespace {

// The person a public form names, once its café and link are known to be fine (`done`).
struct FormTarget {
    FeedbackResult result = FeedbackResult::done;
    std::optional<domain::Registration> registration;
};

FormTarget target_of(Queries& queries, std::int64_t werkplaats_id, std::int64_t event_id,
                     const std::string& registration_token, time::Timestamp now) {
    const auto event = queries.event(event_id);
    if (!event || event->werkplaats_id != werkplaats_id ||
        event->status == domain::EventStatus::draft) {
        return {FeedbackResult::not_found, std::nullopt};
    }
    if (!domain::is_open_for_evaluation(*event, now)) return {FeedbackResult::not_open, {}};
    if (registration_token.empty()) return {};
    auto registration = queries.registration_by_token(registration_token);
    if (!registration || registration->event_id != event_id) {
        return {FeedbackResult::unknown_link, std::nullopt};
    }
    return {FeedbackResult::done, std::move(registration)};
}

bool is_group_of(Queries& queries, std::int64_t werkplaats_id, std::int64_t group_id) {
    for (const auto& group : queries.groups(werkplaats_id)) {
        if (group.id == group_id) return true;
    }
    return false;
}

// The first `limit` code points of clean UTF-8, on one line.
std::string one_line_prefix(std::string_view utf8, std::size_t limit) {
    std::string line;
    std::size_t taken = 0;
    for (std::size_t at = 0; at < utf8.size() && taken < limit; ++taken) {
        const auto decoded = text::decode_code_point(utf8, at);
        if (decoded.length == 0) break;
        const bool is_break =
            decoded.value == U'\n' || decoded.value == U'\r' || decoded.value == U'\t';
        text::append_utf8(line, is_break ? U' ' : decoded.value);
        at += decoded.length;
    }
    return text::trim(line);
}

// The "next theme" answer as a proposal in the theme agenda. The whole answer goes into
// the description when the title had to be cut.
std::int64_t theme_from_answer(Transaction& tx, std::int64_t werkplaats_id,
                               const std::string& answer, time::Timestamp now) {
    domain::Theme theme{};
    theme.werkplaats_id = werkplaats_id;
    theme.title = one_line_prefix(answer, domain::ThemeLimits::title);
    if (theme.title != answer) theme.description = answer;
    theme.status = domain::ThemeStatus::proposed;
    theme.source = domain::ThemeSource::evaluation;
    theme.proposed_at = now;
    theme.status_changed_at = now;
    return tx.insert_theme(theme);
}

void trim_texts(domain::EvaluationAnswer& answer) {
    answer.takeaway = text::trim(answer.takeaway);
    answer.next_theme = text::trim(answer.next_theme);
    answer.remark = text::trim(answer.remark);
}

}  // namespace

EvaluationOutcome submit_evaluation(Transaction& tx, std::int64_t werkplaats_id,
                                    std::int64_t event_id, domain::EvaluationAnswer answer,
                                    const std::string& registration_token, time::Timestamp now) {
    EvaluationOutcome outcome;
    const auto target = target_of(tx, werkplaats_id, event_id, registration_token, now);
    if (target.result != FeedbackResult::done) {
        outcome.result = target.result;
        return outcome;
    }
    if (target.registration) {
        if (tx.has_evaluation_from(target.registration->id)) {
            outcome.result = FeedbackResult::already_given;
            return outcome;
        }
        answer.group_id = target.registration->form.group_id;
    }
    outcome.errors = domain::validate(
        answer, answer.group_id != 0 && is_group_of(tx, werkplaats_id, answer.group_id));
    if (!outcome.errors.empty()) return outcome;
    trim_texts(answer);
    domain::Evaluation evaluation;
    evaluation.event_id = event_id;
    if (target.registration) evaluation.registration_id = target.registration->id;
    evaluation.answer = answer;
    evaluation.submitted_at = now;
    outcome.evaluation_id = tx.insert_evaluation(evaluation);
    if (!answer.next_theme.empty()) {
        outcome.theme_id = theme_from_answer(tx, werkplaats_id, answer.next_theme, now);
    }
    outcome.result = FeedbackResult::done;
    return outcome;
}

ExperienceOutcome submit_experience(Transaction& tx, std::int64_t werkplaats_id,
                                    std::int64_t event_id, const domain::ExperienceForm& form,
                                    const std::string& registration_token, time::Timestamp now) {
    ExperienceOutcome outcome;
    const auto target = target_of(tx, werkplaats_id, event_id, registration_token, now);
    if (target.result != FeedbackResult::done) {
        outcome.result = target.result;
        return outcome;
    }
    outcome.errors = domain::validate(form);
    if (!outcome.errors.empty()) return outcome;
    auto experience =
        domain::experience_from(form, event_id,
                                {std::string(experience_consent_version),
                                 std::string(experience_consent_channel), now, std::nullopt});
    if (target.registration) experience.registration_id = target.registration->id;
    outcome.token = security::random_token();
    outcome.experience_id = tx.insert_experience(experience, security::token_digest(outcome.token));
    outcome.result = FeedbackResult::done;
    return outcome;
}

std::optional<OwnExperience> experience_by_token(Queries& queries, const std::string& token) {
    if (token.empty()) return std::nullopt;
    const auto experience = queries.experience_by_token_hash(security::token_digest(token));
    if (!experience) return std::nullopt;
    const auto event = queries.event(experience->event_id);
    if (!event) return std::nullopt;
    return OwnExperience{*experience, *event};
}

WithdrawResult withdraw_experience(Transaction& tx, const std::string& token, time::Timestamp now) {
    if (token.empty()) return WithdrawResult::not_found;
    auto experience = tx.experience_by_token_hash(security::token_digest(token));
    if (!experience) return WithdrawResult::not_found;
    if (experience->status == domain::ExperienceStatus::withdrawn) {
        return WithdrawResult::already_withdrawn;
    }
    domain::withdraw(*experience, now);
    tx.update_experience(*experience);
    return WithdrawResult::withdrawn;
}

VisibilityResult set_experience_visible(Transaction& tx, const EventScope& scope,
                                        std::int64_t experience_id, bool visible,
                                        time::Timestamp now) {
    if (!event_in_scope(tx, scope)) return VisibilityResult::not_found;
    auto experience = tx.experience(experience_id);
    if (!experience || experience->event_id != scope.event_id) return VisibilityResult::not_found;
    if (experience->status == domain::ExperienceStatus::withdrawn) {
        return VisibilityResult::withdrawn;
    }
    const auto status =
        visible ? domain::ExperienceStatus::published : domain::ExperienceStatus::hidden;
    if (experience->status != status) {
        experience->status = status;
        experience->status_changed_at = now;
        tx.update_experience(*experience);
    }
    return VisibilityResult::done;
}

void withdraw_experiences_of(Transaction& tx, const std::vector<std::int64_t>& registration_ids,
                             time::Timestamp now) {
    for (auto& experience : tx.experiences_of_registrations(registration_ids)) {
        if (experience.status == domain::ExperienceStatus::withdrawn) continue;
        domain::withdraw(experience, now);
        tx.update_experience(experience);
    }
}

EvaluationResults evaluation_results(Queries& queries, const EventScope& scope,
                                     const PageRequest& answers, const PageRequest& experiences) {
    EvaluationResults results;
    if (!event_in_scope(queries, scope)) return results;
    results.summary = domain::summarise(
        queries.evaluation_tallies(scope.event_id), queries.groups(scope.werkplaats_id),
        privacy_settings(queries, scope.werkplaats_id).small_numbers);
    results.answers = queries.evaluations_with_text(scope.event_id, answers);
    results.experiences = queries.experiences({scope.event_id, std::nullopt}, experiences);
    return results;
}

Page<domain::Experience> public_experiences(Queries& queries, std::int64_t event_id,
                                            std::size_t limit) {
    return queries.experiences({event_id, domain::ExperienceStatus::published},
                               PageRequest{1, limit});
}

}  // namespace kc::app
