#include "live/room.hpp"

#include <algorithm>
#include <charconv>

#include "app/privacy.hpp"

namespace kc::live {

namespace {

std::optional<std::int64_t> parse_entry_id(std::string_view text) {
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

}  // namespace

std::string Room::answer_key(std::int64_t participant_id, std::string_view client_id) {
    std::string key = std::to_string(participant_id);
    key += ':';
    key += client_id;
    return key;
}

bool Room::load(app::Queries& queries, std::int64_t session_id) {
    auto stored = queries.live_session(session_id);
    if (!stored) return false;
    const auto event = queries.event(stored->event_id);
    if (!event) return false;
    session = std::move(*stored);
    werkplaats_id = event->werkplaats_id;
    groups.clear();
    std::vector<std::int64_t> group_ids;
    for (const auto& group : queries.groups(werkplaats_id)) {
        groups.push_back({group.id, group.slug, group.name});
        group_ids.push_back(group.id);
    }
    small_numbers = app::privacy_settings(queries, werkplaats_id).small_numbers;
    filter = domain::live::WordFilter(session.word_filter);

    questions.clear();
    for (auto& record : queries.live_questions(session_id)) {
        domain::live::Tally tally(record.settings, group_ids);
        questions.push_back({std::move(record), std::move(tally), 0});
    }
    participants.clear();
    participants_by_token_hash.clear();
    for (auto& participant : queries.live_participants(session_id)) {
        participants_by_token_hash[participant.token_hash] = participant.id;
        participants[participant.id] = {participant.group_id, std::move(participant.nickname),
                                        participant.registration_id};
    }
    answer_keys.clear();
    quiz_points.clear();
    for (const auto& answer : queries.live_answers(session_id)) {
        answer_keys.insert(answer_key(answer.participant_id, answer.client_id));
        if (auto* question = find_question(answer.question_id)) {
            record(*question, answer.participant_id, answer.group_id, answer.value, answer.id,
                   answer.elapsed_ms);
        }
    }
    for (const auto& moderation : queries.live_moderation(session_id)) apply(moderation);
    presenter_changed = true;
    phone_results_changed = true;
    return true;
}

void Room::apply(const app::LiveModeration& moderation) {
    auto* question = find_question(moderation.question_id);
    if (!question) return;
    auto& tally = question->tally;
    switch (moderation.action) {
        case app::ModerationAction::hide_word:
            tally.hide_word(moderation.subject);
            break;
        case app::ModerationAction::show_word:
            tally.show_word(moderation.subject);
            break;
        case app::ModerationAction::merge_words:
            tally.merge_words(moderation.subject, moderation.target);
            break;
        case app::ModerationAction::entry_shown:
        case app::ModerationAction::entry_hidden:
            if (const auto entry = parse_entry_id(moderation.subject)) {
                tally.set_entry_status(*entry,
                                       moderation.action == app::ModerationAction::entry_shown
                                           ? domain::live::Entry::Status::shown
                                           : domain::live::Entry::Status::hidden);
            }
            break;
    }
}

Room::Question* Room::find_question(std::int64_t question_id) {
    for (auto& question : questions) {
        if (question.record.id == question_id) return &question;
    }
    return nullptr;
}

const Room::Question* Room::find_question(std::int64_t question_id) const {
    for (const auto& question : questions) {
        if (question.record.id == question_id) return &question;
    }
    return nullptr;
}

Room::Question* Room::current_question() {
    return session.current_question_id ? find_question(*session.current_question_id) : nullptr;
}

const Room::Question* Room::current_question() const {
    return session.current_question_id ? find_question(*session.current_question_id) : nullptr;
}

int Room::position_of(std::int64_t question_id) const {
    for (std::size_t index = 0; index < questions.size(); ++index) {
        if (questions[index].record.id == question_id) return static_cast<int>(index) + 1;
    }
    return 0;
}

std::int64_t Room::group_by_slug(std::string_view slug) const {
    for (const auto& group : groups) {
        if (group.slug == slug) return group.id;
    }
    return 0;
}

bool Room::has_group(std::int64_t group_id) const {
    return std::any_of(groups.begin(), groups.end(),
                       [&](const GroupView& group) { return group.id == group_id; });
}

domain::live::AnswerCheck Room::record(Question& question, std::int64_t participant_id,
                                       std::int64_t group_id,
                                       const domain::live::AnswerValue& value,
                                       std::int64_t entry_id, std::int64_t elapsed_ms) {
    const auto check =
        question.tally.record(participant_id, group_id, value, entry_id, elapsed_ms, filter);
    const bool taken = check == domain::live::AnswerCheck::accepted ||
                       check == domain::live::AnswerCheck::filtered;
    if (!taken) return check;
    ++question.answers;
    if (question.record.settings.kind == domain::live::QuestionKind::quiz) {
        quiz_points[participant_id] += question.tally.points_of(participant_id);
    }
    presenter_changed = true;
    if (question.record.results_shown) phone_results_changed = true;
    return check;
}

int Room::score_of(std::int64_t participant_id) const {
    const auto found = quiz_points.find(participant_id);
    return found == quiz_points.end() ? 0 : found->second;
}

domain::live::ResultOptions Room::result_options(bool for_presenter) const {
    domain::live::ResultOptions options;
    options.by_group = by_group;
    options.include_pending = for_presenter;
    options.small_numbers = small_numbers;
    return options;
}

std::vector<std::string> Room::group_names() const {
    std::vector<std::string> names;
    for (const auto& group : groups) names.push_back(group.name);
    return names;
}

std::vector<domain::live::LeaderboardRow> Room::leaderboard() const {
    constexpr std::size_t shown_rows = 10;
    std::vector<domain::live::LeaderboardRow> totals;
    totals.reserve(quiz_points.size());
    for (const auto& [participant_id, points] : quiz_points) {
        if (points > 0) totals.push_back({participant_id, {}, points});
    }
    // Names only for the rows shown.
    auto leaders = domain::live::leaderboard(std::move(totals), shown_rows);
    for (auto& row : leaders) {
        const auto participant = participants.find(row.participant_id);
        const bool named =
            participant != participants.end() && !participant->second.nickname.empty();
        row.name = named ? participant->second.nickname
                         : "Deelnemer " + std::to_string(row.participant_id);
    }
    return leaders;
}

}  // namespace kc::live
