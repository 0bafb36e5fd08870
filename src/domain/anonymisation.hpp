#pragma once

#include <cstdint>
#include <set>
#include <vector>

#include "domain/attendance_statistics.hpp"

namespace kc::domain {

// What is left of erased registrations: how many people of one group had one status and
// attendance at one event, walked in or not, and were new or returning. `fact` stands for
// each of them: it has no registration and no visitor key, and `seen_before` says whether
// they were returning. Nobody can be found in it or linked across events (anonymous in the
// sense of the AVG, recital 26), yet every attendance statistic comes out the same.
struct AnonymousCount {
    AttendanceFact fact;
    int people = 0;
};

// How to erase registrations without changing any statistic.
struct ErasurePlan {
    // The erased registrations as counts, to add to those already stored.
    std::vector<AnonymousCount> counts;
    // Registrations that stay, of people present at an erased event before theirs: they
    // keep counting as returning through their `seen_before` mark, not through a link.
    std::vector<std::int64_t> mark_seen_before;
};

// Plans erasing the registrations `erase` from `history`, the attendance facts of every
// event of one Werkplaats (including earlier anonymous facts). After the counts are stored,
// the marks set and the registrations deleted, summarize_attendance gives the same result
// for every event, group and period as before.
ErasurePlan plan_erasure(const std::vector<AttendanceFact>& history,
                         const std::set<std::int64_t>& erase);

// Adds `count.people` facts without registration or key, so that the statistics count
// stored anonymous counts exactly as they counted the registrations they replace.
void append_anonymous_facts(std::vector<AttendanceFact>& facts, const AnonymousCount& count);

}  // namespace kc::domain
