#include "domain/anonymisation.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace kc::domain {

namespace {

using CountKey = std::tuple<std::int64_t, std::int64_t, RegistrationStatus, Attendance, bool, bool>;

}  // namespace

ErasurePlan plan_erasure(const std::vector<AttendanceFact>& history,
                         const std::set<std::int64_t>& erase) {
    const FirstPresence first = first_presence(history);
    std::vector<AttendanceFact> erased;
    std::map<CountKey, AnonymousCount> counts;
    for (const auto& fact : history) {
        if (fact.registration_id == 0 || erase.count(fact.registration_id) == 0) continue;
        erased.push_back(fact);
        const bool returning =
            fact.attendance == Attendance::checked_in && is_returning(fact, first);
        const CountKey key{fact.event_id,   fact.group_id, fact.status,
                           fact.attendance, fact.walk_in,  returning};
        auto [it, inserted] = counts.try_emplace(key);
        if (inserted) {
            it->second.fact = fact;
            it->second.fact.visitor_key.clear();
            it->second.fact.registration_id = 0;
            it->second.fact.seen_before = returning;
        }
        ++it->second.people;
    }

    ErasurePlan plan;
    for (auto& [key, count] : counts) plan.counts.push_back(count);
    // Registrations that stay, of someone present at an erased event before theirs, must
    // remember that presence.
    const FirstPresence first_erased = first_presence(erased);
    for (const auto& fact : history) {
        if (fact.registration_id == 0 || erase.count(fact.registration_id) != 0) continue;
        if (fact.seen_before || fact.visitor_key.empty()) continue;
        const auto found = first_erased.find(fact.visitor_key);
        if (found != first_erased.end() && found->second < fact.event_starts_at) {
            plan.mark_seen_before.push_back(fact.registration_id);
        }
    }
    return plan;
}

void append_anonymous_facts(std::vector<AttendanceFact>& facts, const AnonymousCount& count) {
    facts.insert(facts.end(), static_cast<std::size_t>(std::max(count.people, 0)), count.fact);
}

}  // namespace kc::domain
