#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "domain/registration.hpp"
#include "domain/stakeholder_group.hpp"

namespace kc::domain {

// One registration as the statistics see it. `visitor_key` identifies a person
// across events (their normalised e-mail, or else their lower-cased name), so new
// and returning visitors can be told apart. A fact rebuilt from anonymous counts
// after erasure (src/domain/anonymisation.hpp) has no registration and no key.
struct AttendanceFact {
    std::int64_t event_id = 0;
    time::Timestamp event_starts_at = 0;
    std::int64_t group_id = 0;
    RegistrationStatus status = RegistrationStatus::registered;
    Attendance attendance = Attendance::unknown;
    bool walk_in = false;
    std::string visitor_key;
    // Present at an earlier event whose registrations were erased: returning.
    bool seen_before = false;
    std::int64_t registration_id = 0;
};

struct GroupCounts {
    int registered = 0;  // holds a place (includes walk-ins)
    int waitlisted = 0;
    int checked_in = 0;  // present, including walk-ins
    int walk_in = 0;
    int no_show = 0;
    int new_visitors = 0;        // present for the first time at any event
    int returning_visitors = 0;  // present and seen at an earlier event

    GroupCounts& operator+=(const GroupCounts& other);
};

struct AttendanceSummary {
    std::map<std::int64_t, GroupCounts> by_group;  // keyed by group id
    GroupCounts total;
};

// Counts facts per group. `history` holds attendance facts of all events (it may
// include `facts`); a present visitor is returning when the history has them
// present at an event that started earlier.
AttendanceSummary summarize_attendance(const std::vector<AttendanceFact>& facts,
                                       const std::vector<AttendanceFact>& history);

// Counts the facts of one event, telling new from returning visitors by `history`.
AttendanceSummary summarize_event_attendance(const std::vector<AttendanceFact>& history,
                                             std::int64_t event_id);

// When each visitor was first present, by visitor key; facts without a key are left out.
using FirstPresence = std::unordered_map<std::string, time::Timestamp>;
FirstPresence first_presence(const std::vector<AttendanceFact>& history);

// Whether a present visitor had been present before: at an earlier event of the
// history, or at an erased one.
bool is_returning(const AttendanceFact& fact, const FirstPresence& first);

// The key that identifies a visitor across events.
std::string visitor_key(const std::optional<std::string>& email_normalized, std::string_view name);

}  // namespace kc::domain
