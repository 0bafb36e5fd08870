#pragma once

#include <optional>
#include <vector>

#include "planner/local_search.hpp"

namespace kc::planner {

// group_of[round][player] for `groups` groups of `size` players: the social golfer form of a
// plan, before groups are given tables.
using GroupSchedule = std::vector<std::vector<int>>;

// Pair meetings beyond the first in a schedule.
int schedule_repeats(const GroupSchedule& schedule, int groups);

// Parallel classes of lines of the affine geometry AG(d, q): when the group size q is a prime
// power and there are q^d players, up to (q^d - 1) / (q - 1) rounds without a repeat. This
// covers 4-4-5, 7-7-8 and every other q-q-(q+1).
std::optional<GroupSchedule> affine_schedule(int groups, int size, int rounds);

// Rows, columns and a pair of orthogonal Latin squares of order 10: 10-10-4 without a repeat,
// the case where no affine plane exists.
std::optional<GroupSchedule> latin_square_schedule(int groups, int size, int rounds);

// Searches for a few base rounds whose cyclic shifts make the whole schedule: with m shifts the
// players are m * k points (x, c) with x in Z_m plus up to `groups` fixed points, and shift t
// moves (x, c) to (x + t, c). Only pair differences matter, so the search space is the base
// rounds alone, which makes, for example, Kirkman's 5-3-7 and 8-4-9 quick to find. Returns a
// schedule without repeats, or nothing when the deadline passes first.
std::optional<GroupSchedule> cyclic_schedule(int groups, int size, int rounds, Random& random,
                                             Clock::time_point deadline);

}  // namespace kc::planner
