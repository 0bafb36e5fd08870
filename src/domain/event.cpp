#include "domain/event.hpp"

#include <array>
#include <string>
#include <utility>

#include "core/slug_table.hpp"
#include "core/validation.hpp"

namespace kc::domain {

namespace {

using validation::Lines;
using validation::Presence;

constexpr SlugTable<EventType, 8> event_type_slugs{{{
    {EventType::kenniscafe, "kenniscafe"},
    {EventType::focus_group, "focusgroep"},
    {EventType::mirror_meeting, "spiegelbijeenkomst"},
    {EventType::case_discussion, "casuistiek"},
    {EventType::workshop, "workshop"},
    {EventType::learning_circle, "leerkring"},
    {EventType::werkteam_meeting, "werkteam"},
    {EventType::theme_day, "themadag"},
}}};

constexpr SlugTable<WorkForm, 11> work_form_slugs{{{
    {WorkForm::talk, "lezing"},
    {WorkForm::personal_stories, "persoonlijke-verhalen"},
    {WorkForm::statements, "stellingen"},
    {WorkForm::online_quiz, "online-quiz"},
    {WorkForm::live_poll, "live-peiling"},
    {WorkForm::debate, "debat"},
    {WorkForm::world_cafe, "wereldcafe"},
    {WorkForm::guided_fantasy, "geleide-fantasie"},
    {WorkForm::table_conversations, "tafelgesprekken"},
    {WorkForm::case_work, "casus"},
    {WorkForm::break_time, "pauze"},
}}};

constexpr SlugTable<EventStatus, 4> status_slugs{{{
    {EventStatus::draft, "draft"},
    {EventStatus::published, "published"},
    {EventStatus::cancelled, "cancelled"},
    {EventStatus::held, "held"},
}}};

bool is_clock_time(std::string_view value) {
    if (value.size() != 5 || value[2] != ':') return false;
    const auto digit = [&](std::size_t i) { return value[i] >= '0' && value[i] <= '9'; };
    if (!digit(0) || !digit(1) || !digit(3) || !digit(4)) return false;
    const int hours = (value[0] - '0') * 10 + (value[1] - '0');
    const int minutes = (value[3] - '0') * 10 + (value[4] - '0');
    return hours < 24 && minutes < 60;
}

}  // namespace

std::string_view to_slug(EventType type) { return event_type_slugs.slug(type); }
std::string_view to_slug(WorkForm form) { return work_form_slugs.slug(form); }
std::string_view to_slug(EventStatus status) { return status_slugs.slug(status); }

std::optional<EventType> event_type_from_slug(std::string_view slug) {
    return event_type_slugs.value(slug);
}
std::optional<WorkForm> work_form_from_slug(std::string_view slug) {
    return work_form_slugs.value(slug);
}
std::optional<EventStatus> event_status_from_slug(std::string_view slug) {
    return status_slugs.value(slug);
}

const std::vector<EventType>& all_event_types() {
    static const std::vector<EventType> types = event_type_slugs.values();
    return types;
}

const std::vector<WorkForm>& all_work_forms() {
    static const std::vector<WorkForm> forms = work_form_slugs.values();
    return forms;
}

FieldErrors validate(const EventDetails& details) {
    FieldErrors errors;
    validation::check_text(errors, "title", details.title, Presence::required, EventLimits::title);
    validation::check_text(errors, "theme", details.theme, Presence::optional, EventLimits::theme);
    validation::check_text(errors, "description", details.description, Presence::optional,
                           EventLimits::description, Lines::multiple);
    validation::check_text(errors, "location_name", details.location_name, Presence::required,
                           EventLimits::location_name);
    validation::check_text(errors, "location_address", details.location_address, Presence::optional,
                           EventLimits::location_address);
    validation::check_text(errors, "accessibility", details.accessibility, Presence::optional,
                           EventLimits::accessibility, Lines::multiple);
    if (details.starts_at <= 0) {
        errors.push_back({"starts_at", "error.invalid_datetime"});
    } else if (details.ends_at <= details.starts_at) {
        errors.push_back({"ends_at", "error.ends_before_start"});
    } else if (details.ends_at - details.starts_at > 7 * 24 * 3600) {
        errors.push_back({"ends_at", "error.too_long_event"});
    }
    if (details.capacity < 0 || details.capacity > EventLimits::capacity) {
        errors.push_back({"capacity", "error.capacity_range", EventLimits::capacity});
    }
    if (details.speakers.size() > EventLimits::speakers) {
        errors.push_back({"speakers", "error.too_many", EventLimits::speakers});
    }
    for (std::size_t i = 0; i < details.speakers.size(); ++i) {
        const std::string prefix = "speakers[" + std::to_string(i) + "].";
        validation::check_text(errors, prefix + "name", details.speakers[i].name,
                               Presence::required, EventLimits::speaker_field);
        validation::check_text(errors, prefix + "role", details.speakers[i].role,
                               Presence::optional, EventLimits::speaker_field);
    }
    if (details.programme.size() > EventLimits::programme_items) {
        errors.push_back({"programme", "error.too_many", EventLimits::programme_items});
    }
    for (std::size_t i = 0; i < details.programme.size(); ++i) {
        const std::string prefix = "programme[" + std::to_string(i) + "].";
        if (!is_clock_time(details.programme[i].time)) {
            errors.push_back({prefix + "time", "error.invalid_time"});
        }
        validation::check_text(errors, prefix + "title", details.programme[i].title,
                               Presence::required, EventLimits::programme_title);
    }
    return errors;
}

bool is_open_for_registration(const Event& event, time::Timestamp now) {
    return event.status == EventStatus::published && now < event.details.starts_at;
}

}  // namespace kc::domain
