#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/field_error.hpp"
#include "core/time.hpp"

namespace kc::domain {

// Where a theme stands on the agenda. Proposed themes wait for the organisers; an adopted
// one will get a café; a scheduled one has its café; a declined one shows why.
enum class ThemeStatus { proposed, adopted, scheduled, declined };

// Who brought the theme in: anyone through the public form, a participant through the
// evaluation after a café, or an organiser.
enum class ThemeSource { public_form, evaluation, organiser };

std::string_view to_slug(ThemeStatus status);
std::string_view to_slug(ThemeSource source);
std::optional<ThemeStatus> theme_status_from_slug(std::string_view slug);
std::optional<ThemeSource> theme_source_from_slug(std::string_view slug);
const std::vector<ThemeStatus>& all_theme_statuses();

struct Theme {
    std::int64_t id = 0;
    std::int64_t werkplaats_id = 0;
    std::string title;
    std::string description;
    std::string place;
    ThemeStatus status = ThemeStatus::proposed;
    ThemeSource source = ThemeSource::public_form;
    std::string decline_reason;
    // The café that takes the theme up; set exactly when the status is scheduled.
    std::optional<std::int64_t> event_id;
    time::Timestamp proposed_at = 0;
    time::Timestamp status_changed_at = 0;
    std::int64_t supporters = 0;
};

// Limits on what a proposal may hold; longer input is refused, never cut off.
struct ThemeLimits {
    static constexpr std::size_t title = 150;
    static constexpr std::size_t description = 2'000;
    static constexpr std::size_t place = 150;
    static constexpr std::size_t decline_reason = 1'000;
};

// Checks the text of a theme; empty when it is acceptable. A declined theme needs its
// reason, because the public sees it.
FieldErrors validate(const Theme& theme);

// Whether the organisers may move a theme from `from` to `to`. Every status may be reached
// from every other (an adopted theme may still be declined, a declined one reconsidered),
// but scheduling needs a café and the same status is no move.
bool is_allowed_move(ThemeStatus from, ThemeStatus to);

// A title for a theme proposed in free text elsewhere (the evaluation's "what next?"): the
// first line, trimmed and cut at a word boundary within the title limit; empty when nothing
// is left.
std::string theme_title_from_text(std::string_view text);

}  // namespace kc::domain
