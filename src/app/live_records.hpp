#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/time.hpp"
#include "domain/live_question.hpp"

namespace kc::app {

// A live session belongs to one event. Prepared sessions can be edited; a running one
// takes answers; an ended one keeps its results for the report.
enum class LiveSessionState { prepared, running, ended };
// A question waits until the presenter opens it, takes answers while open, and keeps its
// results once closed (a closed question can be opened again).
enum class LiveQuestionState { waiting, open, closed };

std::string_view to_slug(LiveSessionState state);
std::string_view to_slug(LiveQuestionState state);
std::optional<LiveSessionState> live_session_state_from_slug(std::string_view slug);
std::optional<LiveQuestionState> live_question_state_from_slug(std::string_view slug);

struct LiveSession {
    std::int64_t id = 0;
    std::int64_t event_id = 0;
    std::string title;
    std::string join_code;
    LiveSessionState state = LiveSessionState::prepared;
    std::optional<std::int64_t> current_question_id;
    std::string word_filter;
    time::Timestamp created_at = 0;
};

struct LiveQuestion {
    std::int64_t id = 0;
    std::int64_t session_id = 0;
    int position = 0;
    domain::live::QuestionSettings settings;
    LiveQuestionState state = LiveQuestionState::waiting;
    std::optional<std::int64_t> opened_at_ms;
    bool results_shown = false;
};

struct LiveParticipant {
    std::int64_t id = 0;
    std::int64_t session_id = 0;
    std::string token_hash;
    std::int64_t group_id = 0;  // 0: not stated
    std::optional<std::int64_t> registration_id;
    std::string nickname;
    time::Timestamp joined_at = 0;
};

struct LiveAnswer {
    std::int64_t id = 0;
    std::int64_t question_id = 0;
    std::int64_t participant_id = 0;
    std::int64_t group_id = 0;
    std::string client_id;
    domain::live::AnswerValue value;
    std::int64_t elapsed_ms = 0;
    time::Timestamp received_at = 0;
};

enum class ModerationAction { hide_word, show_word, merge_words, entry_shown, entry_hidden };
std::string_view to_slug(ModerationAction action);
std::optional<ModerationAction> moderation_action_from_slug(std::string_view slug);

struct LiveModeration {
    std::int64_t question_id = 0;
    ModerationAction action = ModerationAction::hide_word;
    std::string subject;  // a word, or an entry id
    std::string target;   // merge_words: the word merged into
    time::Timestamp at = 0;
};

}  // namespace kc::app
