// The live-session ports (src/app/live_store.hpp) on SQLite. Schema:
// migrations/sqlite/0009_live.sql.
#include <charconv>

#include "storage/sqlite/lines.hpp"
#include "storage/sqlite/sqlite_queries.hpp"

namespace kc::storage::sqlite {

namespace {

std::string join_numbers(const std::vector<int>& numbers) {
    std::string joined;
    for (const int number : numbers) {
        if (!joined.empty()) joined += ',';
        joined += std::to_string(number);
    }
    return joined;
}

std::vector<int> split_numbers(const std::string& joined) {
    std::vector<int> numbers;
    const char* position = joined.data();
    const char* end = joined.data() + joined.size();
    while (position < end) {
        int number = 0;
        const auto [next, error] = std::from_chars(position, end, number);
        if (error != std::errc()) break;
        numbers.push_back(number);
        position = next < end && *next == ',' ? next + 1 : next;
        if (next == end) break;
    }
    return numbers;
}

// A participant without a group has NULL, so that the group's foreign key holds.
std::optional<std::int64_t> group_or_null(std::int64_t group_id) {
    return group_id == 0 ? std::nullopt : std::optional(group_id);
}

const std::string session_columns =
    "id, event_id, title, join_code, state, current_question_id, word_filter, created_at";

app::LiveSession read_session(Statement& row) {
    app::LiveSession session;
    session.id = row.integer(0);
    session.event_id = row.integer(1);
    session.title = row.text(2);
    session.join_code = row.text(3);
    session.state =
        app::live_session_state_from_slug(row.text(4)).value_or(app::LiveSessionState::ended);
    session.current_question_id = row.optional_integer(5);
    session.word_filter = row.text(6);
    session.created_at = row.integer(7);
    return session;
}

std::vector<app::LiveSession> read_sessions(Statement& statement) {
    std::vector<app::LiveSession> sessions;
    while (statement.step()) sessions.push_back(read_session(statement));
    return sessions;
}

// The settings columns in the order bind_settings binds them, from index 1 on.
void bind_settings(Statement& statement, int first,
                   const domain::live::QuestionSettings& settings) {
    statement.bind(first, domain::live::to_slug(settings.kind))
        .bind(first + 1, settings.prompt)
        .bind(first + 2, join_lines(settings.options))
        .bind(first + 3, settings.multiple)
        .bind(first + 4, settings.scale_min)
        .bind(first + 5, settings.scale_max)
        .bind(first + 6, settings.scale_min_label)
        .bind(first + 7, settings.scale_max_label)
        .bind(first + 8, settings.correct_option)
        .bind(first + 9, settings.time_limit_seconds)
        .bind(first + 10, settings.words_per_participant)
        .bind(first + 11, settings.approve_first);
}

}  // namespace

std::optional<app::LiveSession> SqliteQueries::live_session(std::int64_t id) {
    auto statement = db_.prepare("SELECT " + session_columns + " FROM live_sessions WHERE id = ?");
    statement->bind(1, id);
    if (!statement->step()) return std::nullopt;
    return read_session(*statement);
}

std::optional<app::LiveSession> SqliteQueries::live_session_by_code(const std::string& join_code) {
    auto statement = db_.prepare("SELECT " + session_columns +
                                 " FROM live_sessions WHERE join_code = ? AND state != 'ended'");
    statement->bind(1, join_code);
    if (!statement->step()) return std::nullopt;
    return read_session(*statement);
}

std::vector<app::LiveSession> SqliteQueries::live_sessions(std::int64_t event_id) {
    auto statement = db_.prepare("SELECT " + session_columns +
                                 " FROM live_sessions WHERE event_id = ? ORDER BY id");
    statement->bind(1, event_id);
    return read_sessions(*statement);
}

std::vector<app::LiveQuestion> SqliteQueries::live_questions(std::int64_t session_id) {
    auto statement = db_.prepare(
        "SELECT id, session_id, position, kind, prompt, options, multiple, scale_min, scale_max, "
        "scale_min_label, scale_max_label, correct_option, time_limit_seconds, "
        "words_per_participant, approve_first, state, opened_at_ms, results_shown "
        "FROM live_questions WHERE session_id = ? ORDER BY position, id");
    statement->bind(1, session_id);
    std::vector<app::LiveQuestion> questions;
    while (statement->step()) {
        app::LiveQuestion question;
        question.id = statement->integer(0);
        question.session_id = statement->integer(1);
        question.position = static_cast<int>(statement->integer(2));
        auto& settings = question.settings;
        settings.kind = domain::live::question_kind_from_slug(statement->text(3))
                            .value_or(domain::live::QuestionKind::open);
        settings.prompt = statement->text(4);
        settings.options = split_lines(statement->text(5));
        settings.multiple = statement->integer(6) != 0;
        settings.scale_min = static_cast<int>(statement->integer(7));
        settings.scale_max = static_cast<int>(statement->integer(8));
        settings.scale_min_label = statement->text(9);
        settings.scale_max_label = statement->text(10);
        settings.correct_option = static_cast<int>(statement->integer(11));
        settings.time_limit_seconds = static_cast<int>(statement->integer(12));
        settings.words_per_participant = static_cast<int>(statement->integer(13));
        settings.approve_first = statement->integer(14) != 0;
        question.state = app::live_question_state_from_slug(statement->text(15))
                             .value_or(app::LiveQuestionState::closed);
        question.opened_at_ms = statement->optional_integer(16);
        question.results_shown = statement->integer(17) != 0;
        questions.push_back(std::move(question));
    }
    return questions;
}

std::vector<app::LiveParticipant> SqliteQueries::live_participants(std::int64_t session_id) {
    auto statement = db_.prepare(
        "SELECT id, session_id, token_hash, group_id, registration_id, nickname, joined_at "
        "FROM live_participants WHERE session_id = ? ORDER BY id");
    statement->bind(1, session_id);
    std::vector<app::LiveParticipant> participants;
    while (statement->step()) {
        app::LiveParticipant participant;
        participant.id = statement->integer(0);
        participant.session_id = statement->integer(1);
        participant.token_hash = statement->text(2);
        participant.group_id = statement->optional_integer(3).value_or(0);
        participant.registration_id = statement->optional_integer(4);
        participant.nickname = statement->text(5);
        participant.joined_at = statement->integer(6);
        participants.push_back(std::move(participant));
    }
    return participants;
}

std::vector<app::LiveAnswer> SqliteQueries::live_answers(std::int64_t session_id) {
    auto statement = db_.prepare(
        "SELECT a.id, a.question_id, a.participant_id, a.group_id, a.client_id, a.options, "
        "a.number, a.words, a.text, a.upvote, a.elapsed_ms, a.received_at FROM live_answers a "
        "JOIN live_questions q ON q.id = a.question_id WHERE q.session_id = ? ORDER BY a.id");
    statement->bind(1, session_id);
    std::vector<app::LiveAnswer> answers;
    while (statement->step()) {
        app::LiveAnswer answer;
        answer.id = statement->integer(0);
        answer.question_id = statement->integer(1);
        answer.participant_id = statement->integer(2);
        answer.group_id = statement->integer(3);
        answer.client_id = statement->text(4);
        answer.value.options = split_numbers(statement->text(5));
        if (const auto number = statement->optional_integer(6)) {
            answer.value.number = static_cast<int>(*number);
        }
        answer.value.words = split_lines(statement->text(7));
        answer.value.text = statement->text(8);
        answer.value.upvote = statement->optional_integer(9);
        answer.elapsed_ms = statement->integer(10);
        answer.received_at = statement->integer(11);
        answers.push_back(std::move(answer));
    }
    return answers;
}

std::vector<app::LiveModeration> SqliteQueries::live_moderation(std::int64_t session_id) {
    auto statement = db_.prepare(
        "SELECT m.question_id, m.action, m.subject, m.target, m.at FROM live_moderation m "
        "JOIN live_questions q ON q.id = m.question_id WHERE q.session_id = ? ORDER BY m.id");
    statement->bind(1, session_id);
    std::vector<app::LiveModeration> moderation;
    while (statement->step()) {
        const auto action = app::moderation_action_from_slug(statement->text(1));
        if (!action) continue;
        moderation.push_back({statement->integer(0), *action, statement->text(2),
                              statement->text(3), statement->integer(4)});
    }
    return moderation;
}

std::int64_t SqliteQueries::max_live_answer_id() {
    auto statement = db_.prepare("SELECT COALESCE(MAX(id), 0) FROM live_answers");
    statement->step();
    return statement->integer(0);
}

std::int64_t SqliteQueries::max_live_participant_id() {
    auto statement = db_.prepare("SELECT COALESCE(MAX(id), 0) FROM live_participants");
    statement->step();
    return statement->integer(0);
}

void SqliteQueries::insert_live_session(app::LiveSession& session, time::Timestamp now) {
    auto statement = db_.prepare(
        "INSERT INTO live_sessions (event_id, title, join_code, state, current_question_id, "
        "word_filter, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    statement->bind(1, session.event_id)
        .bind(2, session.title)
        .bind(3, session.join_code)
        .bind(4, app::to_slug(session.state))
        .bind(5, session.current_question_id)
        .bind(6, session.word_filter)
        .bind(7, now)
        .bind(8, now);
    statement->run();
    session.id = db_.last_insert_id();
    session.created_at = now;
}

void SqliteQueries::update_live_session(const app::LiveSession& session, time::Timestamp now) {
    auto statement = db_.prepare(
        "UPDATE live_sessions SET title = ?, join_code = ?, state = ?, current_question_id = ?, "
        "word_filter = ?, updated_at = ? WHERE id = ?");
    statement->bind(1, session.title)
        .bind(2, session.join_code)
        .bind(3, app::to_slug(session.state))
        .bind(4, session.current_question_id)
        .bind(5, session.word_filter)
        .bind(6, now)
        .bind(7, session.id);
    statement->run();
}

void SqliteQueries::delete_live_session(std::int64_t id) {
    auto statement = db_.prepare("DELETE FROM live_sessions WHERE id = ?");
    statement->bind(1, id);
    statement->run();
}

void SqliteQueries::insert_live_question(app::LiveQuestion& question) {
    auto statement = db_.prepare(
        "INSERT INTO live_questions (kind, prompt, options, multiple, scale_min, scale_max, "
        "scale_min_label, scale_max_label, correct_option, time_limit_seconds, "
        "words_per_participant, approve_first, session_id, position, state, opened_at_ms, "
        "results_shown) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    bind_settings(*statement, 1, question.settings);
    statement->bind(13, question.session_id)
        .bind(14, question.position)
        .bind(15, app::to_slug(question.state))
        .bind(16, question.opened_at_ms)
        .bind(17, question.results_shown);
    statement->run();
    question.id = db_.last_insert_id();
}

void SqliteQueries::update_live_question(const app::LiveQuestion& question) {
    auto statement = db_.prepare(
        "UPDATE live_questions SET kind = ?, prompt = ?, options = ?, multiple = ?, "
        "scale_min = ?, scale_max = ?, scale_min_label = ?, scale_max_label = ?, "
        "correct_option = ?, time_limit_seconds = ?, words_per_participant = ?, "
        "approve_first = ?, position = ?, state = ?, opened_at_ms = ?, results_shown = ? "
        "WHERE id = ?");
    bind_settings(*statement, 1, question.settings);
    statement->bind(13, question.position)
        .bind(14, app::to_slug(question.state))
        .bind(15, question.opened_at_ms)
        .bind(16, question.results_shown)
        .bind(17, question.id);
    statement->run();
}

void SqliteQueries::delete_live_question(std::int64_t id) {
    auto statement = db_.prepare("DELETE FROM live_questions WHERE id = ?");
    statement->bind(1, id);
    statement->run();
}

void SqliteQueries::insert_live_participants(
    const std::vector<app::LiveParticipant>& participants) {
    auto statement = db_.prepare(
        "INSERT INTO live_participants (id, session_id, token_hash, group_id, registration_id, "
        "nickname, joined_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    for (const auto& participant : participants) {
        statement->bind(1, participant.id)
            .bind(2, participant.session_id)
            .bind(3, participant.token_hash)
            .bind(4, group_or_null(participant.group_id))
            .bind(5, participant.registration_id)
            .bind(6, participant.nickname)
            .bind(7, participant.joined_at);
        statement->run();
        statement->reset();
    }
}

void SqliteQueries::update_live_participant(const app::LiveParticipant& participant) {
    auto statement = db_.prepare(
        "UPDATE live_participants SET group_id = ?, registration_id = ?, nickname = ? "
        "WHERE id = ?");
    statement->bind(1, group_or_null(participant.group_id))
        .bind(2, participant.registration_id)
        .bind(3, participant.nickname)
        .bind(4, participant.id);
    statement->run();
}

void SqliteQueries::insert_live_answers(const std::vector<app::LiveAnswer>& answers) {
    auto statement = db_.prepare(
        "INSERT INTO live_answers (id, question_id, participant_id, group_id, client_id, "
        "options, number, words, text, upvote, elapsed_ms, received_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (const auto& answer : answers) {
        statement->bind(1, answer.id)
            .bind(2, answer.question_id)
            .bind(3, answer.participant_id)
            .bind(4, answer.group_id)
            .bind(5, answer.client_id)
            .bind(6, join_numbers(answer.value.options))
            .bind(7, answer.value.number ? std::optional<std::int64_t>(*answer.value.number)
                                         : std::nullopt)
            .bind(8, join_lines(answer.value.words))
            .bind(9, answer.value.text)
            .bind(10, answer.value.upvote)
            .bind(11, answer.elapsed_ms)
            .bind(12, answer.received_at);
        statement->run();
        statement->reset();
    }
}

void SqliteQueries::insert_live_moderation(const app::LiveModeration& moderation) {
    auto statement = db_.prepare(
        "INSERT INTO live_moderation (question_id, action, subject, target, at) "
        "VALUES (?, ?, ?, ?, ?)");
    statement->bind(1, moderation.question_id)
        .bind(2, app::to_slug(moderation.action))
        .bind(3, moderation.subject)
        .bind(4, moderation.target)
        .bind(5, moderation.at);
    statement->run();
}

}  // namespace kc::storage::sqlite
