#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/field_error.hpp"
#include "core/time.hpp"

namespace kc::domain {

// The learning formats a Werkplaats runs; the kenniscafé is the main one.
enum class EventType {
    kenniscafe,
    focus_group,
    mirror_meeting,
    case_discussion,
    workshop,
    learning_circle,
    werkteam_meeting,
    theme_day,
};

// How a programme item is run.
enum class WorkForm {
    talk,
    personal_stories,
    statements,
    online_quiz,
    live_poll,
    debate,
    world_cafe,
    guided_fantasy,
    table_conversations,
    case_work,
    break_time,
};

enum class EventStatus { draft, published, cancelled, held };

// Stable identifiers used in storage, URLs, JSON and translation keys.
std::string_view to_slug(EventType type);
std::string_view to_slug(WorkForm form);
std::string_view to_slug(EventStatus status);
std::optional<EventType> event_type_from_slug(std::string_view slug);
std::optional<WorkForm> work_form_from_slug(std::string_view slug);
std::optional<EventStatus> event_status_from_slug(std::string_view slug);
const std::vector<EventType>& all_event_types();
const std::vector<WorkForm>& all_work_forms();

struct ProgrammeItem {
    std::string time;  // "16:15", local wall-clock time
    std::string title;
    WorkForm work_form = WorkForm::talk;
};

struct Speaker {
    std::string name;
    std::string role;  // e.g. "lector Hogeschool Inholland"
};

// What an organiser fills in to create or change an event.
struct EventDetails {
    std::string title;
    std::string theme;
    EventType type = EventType::kenniscafe;
    std::string description;
    time::Timestamp starts_at = 0;
    time::Timestamp ends_at = 0;
    std::string location_name;
    std::string location_address;
    std::string accessibility;
    int capacity = 0;  // places; 0 means no limit
    std::vector<std::int64_t> partner_ids;
    std::vector<Speaker> speakers;
    std::vector<ProgrammeItem> programme;
};

struct Event {
    std::int64_t id = 0;
    std::int64_t werkplaats_id = 0;
    EventDetails details;
    EventStatus status = EventStatus::draft;
    // The theme on the agenda this event takes up (src/domain/theme.hpp), if any.
    std::optional<std::int64_t> theme_id;
    time::Timestamp created_at = 0;
    time::Timestamp updated_at = 0;
};

// Limits on what an event may hold; longer input is refused, never cut off.
struct EventLimits {
    static constexpr std::size_t title = 150;
    static constexpr std::size_t theme = 150;
    static constexpr std::size_t description = 5'000;
    static constexpr std::size_t location_name = 150;
    static constexpr std::size_t location_address = 300;
    static constexpr std::size_t accessibility = 1'000;
    static constexpr std::size_t speaker_field = 150;
    static constexpr std::size_t programme_title = 200;
    static constexpr int capacity = 100'000;
    static constexpr std::size_t speakers = 20;
    static constexpr std::size_t programme_items = 40;
};

// Checks an event's details; empty when it is acceptable.
FieldErrors validate(const EventDetails& details);

// Whether a public visitor may register: published, not started, not cancelled.
bool is_open_for_registration(const Event& event, time::Timestamp now);

}  // namespace kc::domain
