#include "domain/attendance_statistics.hpp"

#include <unordered_map>

#include "core/text.hpp"

namespace kc::domain {

GroupCounts& GroupCounts::operator+=(const GroupCounts& other) {
    registered += other.registered;
    waitlisted += other.waitlisted;
    checked_in += other.checked_in;
    walk_in += other.walk_in;
    no_show += other.no_show;
    new_visitors += other.new_visitors;
    returning_visitors += other.returning_visitors;
    return *this;
}

std::string visitor_key(const std::optional<std::string>& email_normalized, std::string_view name) {
    if (email_normalized) return "e:" + *email_normalized;
    return "n:" + text::ascii_lower(text::trim(name));
}

AttendanceSummary summarize_attendance(const std::vector<AttendanceFact>& facts,
                                       const std::vector<AttendanceFact>& history) {
    // The first time each visitor was present anywhere.
    std::unordered_map<std::string, time::Timestamp> first_present;
    for (const auto& fact : history) {
        if (fact.attendance != Attendance::checked_in) continue;
        auto [it, inserted] = first_present.try_emplace(fact.visitor_key, fact.event_starts_at);
        if (!inserted && fact.event_starts_at < it->second) it->second = fact.event_starts_at;
    }

    AttendanceSummary summary;
    for (const auto& fact : facts) {
        GroupCounts& counts = summary.by_group[fact.group_id];
        if (fact.status == RegistrationStatus::cancelled) continue;
        if (fact.status == RegistrationStatus::waitlisted) {
            ++counts.waitlisted;
            continue;
        }
        ++counts.registered;
        if (fact.walk_in) ++counts.walk_in;
        if (fact.attendance == Attendance::no_show) ++counts.no_show;
        if (fact.attendance == Attendance::checked_in) {
            ++counts.checked_in;
            const auto first = first_present.find(fact.visitor_key);
            const bool returning =
                first != first_present.end() && first->second < fact.event_starts_at;
            ++(returning ? counts.returning_visitors : counts.new_visitors);
        }
    }
    for (const auto& [group_id, counts] : summary.by_group) summary.total += counts;
    return summary;
}

AttendanceSummary summarize_event_attendance(const std::vector<AttendanceFact>& history,
                                             std::int64_t event_id) {
    std::vector<AttendanceFact> facts;
    for (const auto& fact : history) {
        if (fact.event_id == event_id) facts.push_back(fact);
    }
    return summarize_attendance(facts, history);
}

}  // namespace kc::domain
