#include "domain/theme.hpp"

#include "core/slug_table.hpp"
#include "core/text.hpp"
#include "core/validation.hpp"

namespace kc::domain {

namespace {

using validation::Lines;
using validation::Presence;

constexpr SlugTable<ThemeStatus, 4> status_slugs{{{
    {ThemeStatus::proposed, "proposed"},
    {ThemeStatus::adopted, "adopted"},
    {ThemeStatus::scheduled, "scheduled"},
    {ThemeStatus::declined, "declined"},
}}};

constexpr SlugTable<ThemeSource, 3> source_slugs{{{
    {ThemeSource::public_form, "public_form"},
    {ThemeSource::evaluation, "evaluation"},
    {ThemeSource::organiser, "organiser"},
}}};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

}  // namespace

std::string_view to_slug(ThemeStatus status) { return status_slugs.slug(status); }
std::string_view to_slug(ThemeSource source) { return source_slugs.slug(source); }
std::optional<ThemeStatus> theme_status_from_slug(std::string_view slug) {
    return status_slugs.value(slug);
}
std::optional<ThemeSource> theme_source_from_slug(std::string_view slug) {
    return source_slugs.value(slug);
}

const std::vector<ThemeStatus>& all_theme_statuses() {
    static const std::vector<ThemeStatus> statuses = status_slugs.values();
    return statuses;
}

FieldErrors validate(const Theme& theme) {
    FieldErrors errors;
    validation::check_text(errors, "title", theme.title, Presence::required, ThemeLimits::title);
    validation::check_text(errors, "description", theme.description, Presence::optional,
                           ThemeLimits::description, Lines::multiple);
    validation::check_text(errors, "place", theme.place, Presence::optional, ThemeLimits::place);
    validation::check_text(
        errors, "decline_reason", theme.decline_reason,
        theme.status == ThemeStatus::declined ? Presence::required : Presence::optional,
        ThemeLimits::decline_reason, Lines::multiple);
    if (theme.status == ThemeStatus::scheduled && !theme.event_id) {
        errors.push_back({"event_id", "theme.error.event_required"});
    }
    return errors;
}

bool is_allowed_move(ThemeStatus from, ThemeStatus to) { return from != to; }

std::string theme_title_from_text(std::string_view text) {
    const auto line_end = text.find('\n');
    std::string line = text::trim(text.substr(0, line_end));
    if (!text::is_clean_utf8(line, false)) return {};
    if (text::code_point_count(line) <= ThemeLimits::title) return line;
    // Cut at the last space before the limit, so that no word is broken in half.
    std::size_t cut = 0;
    std::size_t points = 0;
    std::size_t last_space = std::string::npos;
    while (cut < line.size() && points < ThemeLimits::title) {
        if (is_space(line[cut])) last_space = cut;
        cut += text::decode_code_point(line, cut).length;
        ++points;
    }
    if (last_space != std::string::npos && last_space > 0) cut = last_space;
    return text::trim(std::string_view(line).substr(0, cut));
}

}  // namespace kc::domain
