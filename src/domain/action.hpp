#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/field_error.hpp"
#include "core/time.hpp"

// Actions: what a café's participants and partners agreed to do afterwards ("doorpakken"),
// with an owner organisation, a due date and a history that the public can follow.
namespace kc::domain {

enum class ActionStatus { open, in_progress, done, dropped };

std::string_view to_slug(ActionStatus status);
std::optional<ActionStatus> action_status_from_slug(std::string_view slug);
const std::vector<ActionStatus>& all_action_statuses();

// Done and dropped actions are finished: they are never overdue.
bool is_finished(ActionStatus status);

// One change in an action's life: its status from then on and a short update ("De gemeente
// heeft de folder laten vertalen"). A change without a new status is a plain update.
struct ActionUpdate {
    time::Timestamp at = 0;
    ActionStatus status = ActionStatus::open;
    std::string text;
    std::string by_name;  // who recorded it, as shown then
};

// What an organiser fills in for a new action. Dates are "YYYY-MM-DD" (Amsterdam calendar
// day), which also sort as text.
struct ActionDraft {
    std::string description;
    std::string owner;    // the organisation that carries it, free text
    std::string contact;  // someone there to ask; never shown on public pages
    std::string due_on;
};

struct Action {
    std::int64_t id = 0;
    std::int64_t event_id = 0;
    std::int64_t werkplaats_id = 0;
    ActionDraft draft;
    ActionStatus status = ActionStatus::open;
    time::Timestamp created_at = 0;
    time::Timestamp updated_at = 0;
    // Oldest first; the first entry is the action's creation.
    std::vector<ActionUpdate> history;
};

struct ActionLimits {
    static constexpr std::size_t description = 500;
    static constexpr std::size_t owner = 150;
    static constexpr std::size_t contact = 200;
    static constexpr std::size_t update = 500;
    // Enough for years of monthly updates; keeps one action's page bounded.
    static constexpr std::size_t history = 200;
};

// The calendar day "YYYY-MM-DD" if `text` is one (a real date, four-digit year), else nullopt.
std::optional<std::string> parse_day(std::string_view text);
// Today in Amsterdam as "YYYY-MM-DD".
std::string day_of(time::Timestamp instant);

// Checks a new action: description and owner required, contact optional, a real due date.
FieldErrors validate(const ActionDraft& draft);

// Whether an action is late: its due day is before `today` and it is not finished.
bool is_overdue(const Action& action, std::string_view today);

// What a status change needs. Forward moves are free (open → in progress → done, or dropped
// on the way); staying in the same status is a plain update and needs its text. Taking a
// finished action up again (reopening) and dropping one need an update that says why, so the
// public history never shows an unexplained turn. A done action is not dropped afterwards,
// nor a dropped one done: it is reopened first. Nothing moves back from in progress to open.
enum class TransitionCheck { allowed, needs_update, not_allowed };
TransitionCheck check_transition(ActionStatus from, ActionStatus to, std::string_view update);

// Whether going from `from` to `to` takes up a finished action again.
bool is_reopening(ActionStatus from, ActionStatus to);

// Checks a status change with its update text; field errors "status" and "update".
FieldErrors validate_change(ActionStatus from, ActionStatus to, std::string_view update);

}  // namespace kc::domain
