#include "app/live.hpp"

#include <sodium.h>

#include <algorithm>

#include "core/text.hpp"

namespace kc::app {

namespace {

constexpr std::string_view join_code_alphabet = "ACDEFHJKMNPRTUVWXY3479";
constexpr std::size_t join_code_length = 6;
// A clash among a few thousand sessions is rare in 113 million codes; this many tries make
// a failure practically impossible.
constexpr int join_code_attempts = 20;

bool question_was_opened(const LiveQuestion& question) {
    return question.state != LiveQuestionState::waiting;
}

std::optional<LiveQuestion> find_question(Queries& queries, std::int64_t session_id,
                                          std::int64_t question_id) {
    for (auto& question : queries.live_questions(session_id)) {
        if (question.id == question_id) return question;
    }
    return std::nullopt;
}

LiveOutcome invalid(std::string field, std::string key, long long limit = 0) {
    return {LiveStatus::invalid, {{std::move(field), std::move(key), limit}}, 0};
}

FieldErrors check_title(const std::string& title) {
    if (title.empty()) return {{"title", "live.error.title_required", 0}};
    if (!text::is_clean_utf8(title, false) || text::code_point_count(title) > LiveLimits::title) {
        return {{"title", "live.error.title_too_long", static_cast<long long>(LiveLimits::title)}};
    }
    return {};
}

}  // namespace

std::string generate_join_code() {
    std::string code;
    for (std::size_t index = 0; index < join_code_length; ++index) {
        code += join_code_alphabet[randombytes_uniform(
            static_cast<std::uint32_t>(join_code_alphabet.size()))];
    }
    return code;
}

std::optional<std::string> normalize_join_code(std::string_view typed) {
    std::string code;
    for (const char character : typed) {
        if (character == ' ' || character == '-' || character == '.') continue;
        const char upper = character >= 'a' && character <= 'z'
                               ? static_cast<char>(character - 'a' + 'A')
                               : character;
        if (join_code_alphabet.find(upper) == std::string_view::npos) return std::nullopt;
        code += upper;
    }
    if (code.size() != join_code_length) return std::nullopt;
    return code;
}

std::string display_join_code(std::string_view code) {
    if (code.size() != join_code_length) return std::string(code);
    return std::string(code.substr(0, 3)) + " " + std::string(code.substr(3));
}

std::optional<LiveSession> live_session_in_scope(Queries& queries, const EventScope& scope,
                                                 std::int64_t session_id) {
    if (!event_in_scope(queries, scope)) return std::nullopt;
    auto session = queries.live_session(session_id);
    if (!session || session->event_id != scope.event_id) return std::nullopt;
    return session;
}

LiveOutcome create_live_session(Transaction& tx, const EventScope& scope, std::string title,
                                time::Timestamp now) {
    if (!event_in_scope(tx, scope)) return {LiveStatus::not_found, {}, 0};
    title = text::trim(title);
    if (auto errors = check_title(title); !errors.empty()) {
        return {LiveStatus::invalid, std::move(errors), 0};
    }
    LiveSession session;
    session.event_id = scope.event_id;
    session.title = std::move(title);
    session.word_filter = std::string(domain::live::default_dutch_word_filter());
    for (int attempt = 0; attempt < join_code_attempts; ++attempt) {
        session.join_code = generate_join_code();
        if (!tx.live_session_by_code(session.join_code)) break;
    }
    tx.insert_live_session(session, now);
    return {LiveStatus::done, {}, session.id};
}

LiveOutcome update_live_session(Transaction& tx, const EventScope& scope, std::int64_t session_id,
                                std::string title, std::string word_filter, time::Timestamp now) {
    auto session = live_session_in_scope(tx, scope, session_id);
    if (!session) return {LiveStatus::not_found, {}, 0};
    title = text::trim(title);
    if (auto errors = check_title(title); !errors.empty()) {
        return {LiveStatus::invalid, std::move(errors), 0};
    }
    if (!text::is_clean_utf8(word_filter, true) || word_filter.size() > LiveLimits::word_filter) {
        return invalid("word_filter", "live.error.word_filter_too_long",
                       static_cast<long long>(LiveLimits::word_filter));
    }
    session->title = std::move(title);
    session->word_filter = domain::live::WordFilter(word_filter).to_text();
    tx.update_live_session(*session, now);
    return {LiveStatus::done, {}, session->id};
}

LiveOutcome delete_live_session(Transaction& tx, const EventScope& scope, std::int64_t session_id) {
    auto session = live_session_in_scope(tx, scope, session_id);
    if (!session) return {LiveStatus::not_found, {}, 0};
    if (session->state == LiveSessionState::running) return {LiveStatus::not_allowed, {}, 0};
    tx.delete_live_session(session_id);
    return {LiveStatus::done, {}, session_id};
}

LiveOutcome save_live_question(Transaction& tx, const EventScope& scope, std::int64_t session_id,
                               std::optional<std::int64_t> question_id,
                               domain::live::QuestionSettings settings) {
    auto session = live_session_in_scope(tx, scope, session_id);
    if (!session) return {LiveStatus::not_found, {}, 0};
    if (auto errors = domain::live::validate(settings); !errors.empty()) {
        return {LiveStatus::invalid, std::move(errors), 0};
    }
    auto questions = tx.live_questions(session_id);
    if (question_id) {
        auto question = find_question(tx, session_id, *question_id);
        if (!question) return {LiveStatus::not_found, {}, 0};
        if (question_was_opened(*question)) return {LiveStatus::not_allowed, {}, 0};
        question->settings = std::move(settings);
        tx.update_live_question(*question);
        return {LiveStatus::done, {}, question->id};
    }
    if (questions.size() >= LiveLimits::questions) {
        return invalid("prompt", "live.error.too_many_questions",
                       static_cast<long long>(LiveLimits::questions));
    }
    LiveQuestion question;
    question.session_id = session_id;
    question.position = questions.empty() ? 1 : questions.back().position + 1;
    question.settings = std::move(settings);
    tx.insert_live_question(question);
    return {LiveStatus::done, {}, question.id};
}

LiveOutcome delete_live_question(Transaction& tx, const EventScope& scope, std::int64_t session_id,
                                 std::int64_t question_id) {
    if (!live_session_in_scope(tx, scope, session_id)) return {LiveStatus::not_found, {}, 0};
    auto question = find_question(tx, session_id, question_id);
    if (!question) return {LiveStatus::not_found, {}, 0};
    if (question_was_opened(*question)) return {LiveStatus::not_allowed, {}, 0};
    tx.delete_live_question(question_id);
    return {LiveStatus::done, {}, question_id};
}

LiveOutcome move_live_question(Transaction& tx, const EventScope& scope, std::int64_t session_id,
                               std::int64_t question_id, int direction) {
    if (!live_session_in_scope(tx, scope, session_id)) return {LiveStatus::not_found, {}, 0};
    auto questions = tx.live_questions(session_id);
    const auto found = std::find_if(questions.begin(), questions.end(),
                                    [&](const LiveQuestion& q) { return q.id == question_id; });
    if (found == questions.end()) return {LiveStatus::not_found, {}, 0};
    const auto index = static_cast<std::ptrdiff_t>(found - questions.begin());
    const auto other = index + (direction < 0 ? -1 : 1);
    if (other < 0 || other >= static_cast<std::ptrdiff_t>(questions.size())) {
        return {LiveStatus::done, {}, question_id};
    }
    auto& moved = questions[static_cast<std::size_t>(index)];
    auto& neighbour = questions[static_cast<std::size_t>(other)];
    std::swap(moved.position, neighbour.position);
    // Positions may be equal after deletions; make the order strict.
    if (moved.position == neighbour.position) moved.position += direction < 0 ? -1 : 1;
    tx.update_live_question(moved);
    tx.update_live_question(neighbour);
    return {LiveStatus::done, {}, question_id};
}

}  // namespace kc::app
