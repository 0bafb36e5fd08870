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

FirstPresence first_presence(const std::vector<AttendanceFact>& history) {
    FirstPresence first;
    for (const auto& fact : history) {
        if (fact.attendance != Attendance::checked_in || fact.visitor_key.empty()) continue;
        auto [it, inserted] = first.try_emplace(fact.visitor_key, fact.event_starts_at);
        if (!inserted && fact.event_starts_at < it->second) it->second = fact.event_starts_at;
    }
    return first;
}

bool is_returning(const AttendanceFact& fact, const FirstPresence& first) {
    if (fact.seen_before) return true;
    const auto found = first.find(fact.visitor_key);
    return found != first.end() && found->second < fact.event_starts_at;
}

AttendanceSummary summarize_attendance(const std::vector<AttendanceFact>& facts,
                                       const std::vector<AttendanceFact>& history) {
    const FirstPresence first_present = first_presence(history);

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
            ++(is_returning(fact, first_present) ? counts.returning_visitors : counts.new_visitors);
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
