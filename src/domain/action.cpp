#include "domain/action.hpp"

#include "core/text.hpp"
#include "core/validation.hpp"

namespace kc::domain {

using validation::Lines;
using validation::Presence;

std::string_view to_slug(ActionStatus status) {
    switch (status) {
        case ActionStatus::open:
            return "open";
        case ActionStatus::in_progress:
            return "in_progress";
        case ActionStatus::done:
            return "done";
        case ActionStatus::dropped:
            return "dropped";
    }
    return {};
}

const std::vector<ActionStatus>& all_action_statuses() {
    static const std::vector<ActionStatus> statuses = {
        ActionStatus::open, ActionStatus::in_progress, ActionStatus::done, ActionStatus::dropped};
    return statuses;
}

std::optional<ActionStatus> action_status_from_slug(std::string_view slug) {
    for (const auto status : all_action_statuses()) {
        if (to_slug(status) == slug) return status;
    }
    return std::nullopt;
}

bool is_finished(ActionStatus status) {
    return status == ActionStatus::done || status == ActionStatus::dropped;
}

std::optional<std::string> parse_day(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    const auto year = text::parse_integer(text.substr(0, 4), 1000, 9999);
    const auto month = text::parse_integer(text.substr(5, 2), 1, 12);
    const auto day = text::parse_integer(text.substr(8, 2), 1, 31);
    if (!year || !month || !day) return std::nullopt;
    time::LocalDateTime local;
    local.year = static_cast<int>(*year);
    local.month = static_cast<int>(*month);
    local.day = static_cast<int>(*day);
    if (!time::is_valid(local)) return std::nullopt;
    return std::string(text);
}

std::string day_of(time::Timestamp instant) { return time::format_date_input(instant); }

FieldErrors validate(const ActionDraft& draft) {
    FieldErrors errors;
    validation::check_text(errors, "description", draft.description, Presence::required,
                           ActionLimits::description, Lines::multiple);
    validation::check_text(errors, "owner", draft.owner, Presence::required, ActionLimits::owner);
    validation::check_text(errors, "contact", draft.contact, Presence::optional,
                           ActionLimits::contact);
    if (text::trim(draft.due_on).empty()) {
        errors.push_back({"due_on", "error.required"});
    } else if (!parse_day(draft.due_on)) {
        errors.push_back({"due_on", "error.invalid_date"});
    }
    return errors;
}

bool is_overdue(const Action& action, std::string_view today) {
    return !is_finished(action.status) && action.draft.due_on < today;
}

bool is_reopening(ActionStatus from, ActionStatus to) {
    return is_finished(from) && !is_finished(to);
}

TransitionCheck check_transition(ActionStatus from, ActionStatus to, std::string_view update) {
    using enum ActionStatus;
    const bool has_update = !text::trim(update).empty();
    const bool finished_to_finished = is_finished(from) && is_finished(to) && from != to;
    if (finished_to_finished || (from == in_progress && to == open)) {
        return TransitionCheck::not_allowed;
    }
    const bool needs_reason = from == to || is_reopening(from, to) || to == dropped;
    return needs_reason && !has_update ? TransitionCheck::needs_update : TransitionCheck::allowed;
}

FieldErrors validate_change(ActionStatus from, ActionStatus to, std::string_view update) {
    FieldErrors errors;
    switch (check_transition(from, to, update)) {
        case TransitionCheck::not_allowed:
            errors.push_back({"status", "follow_up.error.action_transition"});
            break;
        case TransitionCheck::needs_update:
            errors.push_back({"update", "follow_up.error.action_update_needed"});
            break;
        case TransitionCheck::allowed:
            break;
    }
    validation::check_text(errors, "update", update, Presence::optional, ActionLimits::update,
                           Lines::multiple);
    return errors;
}

}  // namespace kc::domain
