#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "app/live_records.hpp"
#include "app/scope.hpp"
#include "app/store.hpp"

// Preparing live sessions: what an organiser does before and after the day. Running a
// session (opening questions, answers, moderation) is the live engine's (src/live/).
namespace kc::app {

struct LiveLimits {
    static constexpr std::size_t title = 120;
    static constexpr std::size_t word_filter = 4000;
    static constexpr std::size_t nickname = 30;
    static constexpr std::size_t questions = 50;
};

// Six characters from an alphabet without look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 8/B, 6/G),
// so that it can be read aloud and typed on a phone without doubt.
std::string generate_join_code();
// What someone typed ("kcm 47t", "KCM-47T") as a code to look up, or nullopt when it cannot
// be one.
std::optional<std::string> normalize_join_code(std::string_view typed);
// The code as shown on the screen: two groups of three ("KCM 47T").
std::string display_join_code(std::string_view code);

enum class LiveStatus { done, invalid, not_found, not_allowed };

struct LiveOutcome {
    LiveStatus status = LiveStatus::done;
    FieldErrors errors;
    std::int64_t id = 0;  // of what was created
};

// A session of the scope's event with a free join code and the default word filter.
LiveOutcome create_live_session(Transaction& tx, const EventScope& scope, std::string title,
                                time::Timestamp now);
// Title and word filter; any time, also while it runs (the engine reloads it).
LiveOutcome update_live_session(Transaction& tx, const EventScope& scope, std::int64_t session_id,
                                std::string title, std::string word_filter, time::Timestamp now);
// Only a session that is not running.
LiveOutcome delete_live_session(Transaction& tx, const EventScope& scope, std::int64_t session_id);

// Adds a question at the end, or changes one that has not been opened yet.
LiveOutcome save_live_question(Transaction& tx, const EventScope& scope, std::int64_t session_id,
                               std::optional<std::int64_t> question_id,
                               domain::live::QuestionSettings settings);
// A question that has not been opened yet.
LiveOutcome delete_live_question(Transaction& tx, const EventScope& scope, std::int64_t session_id,
                                 std::int64_t question_id);
// Swaps a question with its neighbour (-1 up, +1 down).
LiveOutcome move_live_question(Transaction& tx, const EventScope& scope, std::int64_t session_id,
                               std::int64_t question_id, int direction);

// The session, if it belongs to the scope's event.
std::optional<LiveSession> live_session_in_scope(Queries& queries, const EventScope& scope,
                                                 std::int64_t session_id);

}  // namespace kc::app
