#include "app/themes.hpp"

namespace kc::app {

namespace {

std::optional<domain::Theme> own_theme(Transaction& tx, std::int64_t werkplaats_id,
                                       std::int64_t theme_id) {
    auto theme = tx.theme(theme_id);
    if (!theme || theme->werkplaats_id != werkplaats_id) return std::nullopt;
    return theme;
}

ThemeChangeOutcome invalid(FieldErrors errors) {
    return {ThemeChangeResult::invalid, std::move(errors), 0};
}

}  // namespace

ThemeChangeOutcome propose_theme(Transaction& tx, std::int64_t werkplaats_id,
                                 const ThemeProposal& proposal, domain::ThemeSource source,
                                 time::Timestamp now) {
    domain::Theme theme;
    theme.werkplaats_id = werkplaats_id;
    theme.title = proposal.title;
    theme.description = proposal.description;
    theme.place = proposal.place;
    theme.source = source;
    theme.proposed_at = now;
    theme.status_changed_at = now;
    if (auto errors = domain::validate(theme); !errors.empty()) return invalid(std::move(errors));
    return {ThemeChangeResult::done, {}, tx.insert_theme(theme)};
}

ThemeChangeOutcome edit_theme(Transaction& tx, std::int64_t werkplaats_id, std::int64_t theme_id,
                              const ThemeProposal& text) {
    auto theme = own_theme(tx, werkplaats_id, theme_id);
    if (!theme) return {};
    theme->title = text.title;
    theme->description = text.description;
    theme->place = text.place;
    if (auto errors = domain::validate(*theme); !errors.empty()) return invalid(std::move(errors));
    tx.update_theme(*theme);
    return {ThemeChangeResult::done, {}, theme_id};
}

ThemeChangeOutcome move_theme(Transaction& tx, std::int64_t werkplaats_id, std::int64_t theme_id,
                              const ThemeMove& move, time::Timestamp now) {
    auto theme = own_theme(tx, werkplaats_id, theme_id);
    if (!theme) return {};
    const bool scheduled = move.status == domain::ThemeStatus::scheduled;
    if (scheduled && move.event_id) {
        const auto event = tx.event(*move.event_id);
        if (!event || event->werkplaats_id != werkplaats_id) {
            return invalid({{"event_id", "theme.error.event_unknown"}});
        }
    }
    const auto previous_event = theme->event_id;
    const bool changed = domain::is_allowed_move(theme->status, move.status) ||
                         (scheduled && move.event_id != previous_event);
    theme->status = move.status;
    theme->event_id = scheduled ? move.event_id : std::nullopt;
    theme->decline_reason =
        move.status == domain::ThemeStatus::declined ? move.decline_reason : std::string();
    if (auto errors = domain::validate(*theme); !errors.empty()) return invalid(std::move(errors));
    if (!changed) return {ThemeChangeResult::done, {}, theme_id};
    theme->status_changed_at = now;
    tx.update_theme(*theme);
    if (previous_event && previous_event != theme->event_id) {
        tx.set_event_theme(*previous_event, std::nullopt);
    }
    if (theme->event_id) tx.set_event_theme(*theme->event_id, theme_id);
    return {ThemeChangeResult::done, {}, theme_id};
}

SupportResult support_theme(Transaction& tx, std::int64_t werkplaats_id, std::int64_t theme_id,
                            const std::string& supporter_key, time::Timestamp now) {
    const auto theme = own_theme(tx, werkplaats_id, theme_id);
    if (!theme || theme->status == domain::ThemeStatus::declined ||
        theme->status == domain::ThemeStatus::scheduled) {
        return SupportResult::not_found;
    }
    return tx.add_theme_support(theme_id, supporter_key, now) ? SupportResult::counted
                                                              : SupportResult::already_supported;
}

}  // namespace kc::app
