#include "app/live_records.hpp"

#include "core/slug_table.hpp"

namespace kc::app {

namespace {

constexpr SlugTable<LiveSessionState, 3> session_states{{{
    {LiveSessionState::prepared, "prepared"},
    {LiveSessionState::running, "running"},
    {LiveSessionState::ended, "ended"},
}}};

constexpr SlugTable<LiveQuestionState, 3> question_states{{{
    {LiveQuestionState::waiting, "waiting"},
    {LiveQuestionState::open, "open"},
    {LiveQuestionState::closed, "closed"},
}}};

constexpr SlugTable<ModerationAction, 5> moderation_actions{{{
    {ModerationAction::hide_word, "hide_word"},
    {ModerationAction::show_word, "show_word"},
    {ModerationAction::merge_words, "merge_words"},
    {ModerationAction::entry_shown, "entry_shown"},
    {ModerationAction::entry_hidden, "entry_hidden"},
}}};

}  // namespace

std::string_view to_slug(LiveSessionState state) { return session_states.slug(state); }
std::string_view to_slug(LiveQuestionState state) { return question_states.slug(state); }
std::string_view to_slug(ModerationAction action) { return moderation_actions.slug(action); }

std::optional<LiveSessionState> live_session_state_from_slug(std::string_view slug) {
    return session_states.value(slug);
}
std::optional<LiveQuestionState> live_question_state_from_slug(std::string_view slug) {
    return question_states.value(slug);
}
std::optional<ModerationAction> moderation_action_from_slug(std::string_view slug) {
    return moderation_actions.value(slug);
}

}  // namespace kc::app
