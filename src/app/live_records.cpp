#include "app/live_records.hpp"

#include <array>
#include <utility>

namespace kc::app {

namespace {

template <typename Enum, std::size_t count>
std::optional<Enum> from_slug(const std::array<std::pair<Enum, std::string_view>, count>& slugs,
                              std::string_view slug) {
    for (const auto& [value, name] : slugs) {
        if (name == slug) return value;
    }
    return std::nullopt;
}

template <typename Enum, std::size_t count>
std::string_view to_slug_of(const std::array<std::pair<Enum, std::string_view>, count>& slugs,
                            Enum value) {
    for (const auto& [candidate, name] : slugs) {
        if (candidate == value) return name;
    }
    return {};
}

constexpr std::array<std::pair<LiveSessionState, std::string_view>, 3> session_states{{
    {LiveSessionState::prepared, "prepared"},
    {LiveSessionState::running, "running"},
    {LiveSessionState::ended, "ended"},
}};

constexpr std::array<std::pair<LiveQuestionState, std::string_view>, 3> question_states{{
    {LiveQuestionState::waiting, "waiting"},
    {LiveQuestionState::open, "open"},
    {LiveQuestionState::closed, "closed"},
}};

constexpr std::array<std::pair<ModerationAction, std::string_view>, 5> moderation_actions{{
    {ModerationAction::hide_word, "hide_word"},
    {ModerationAction::show_word, "show_word"},
    {ModerationAction::merge_words, "merge_words"},
    {ModerationAction::entry_shown, "entry_shown"},
    {ModerationAction::entry_hidden, "entry_hidden"},
}};

}  // namespace

std::string_view to_slug(LiveSessionState state) { return to_slug_of(session_states, state); }
std::string_view to_slug(LiveQuestionState state) { return to_slug_of(question_states, state); }
std::string_view to_slug(ModerationAction action) { return to_slug_of(moderation_actions, action); }

std::optional<LiveSessionState> live_session_state_from_slug(std::string_view slug) {
    return from_slug(session_states, slug);
}
std::optional<LiveQuestionState> live_question_state_from_slug(std::string_view slug) {
    return from_slug(question_states, slug);
}
std::optional<ModerationAction> moderation_action_from_slug(std::string_view slug) {
    return from_slug(moderation_actions, slug);
}

}  // namespace kc::app
