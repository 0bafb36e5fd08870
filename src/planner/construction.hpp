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

// Doubles a design on half the players: the quotient points are the vectors of F_2^d, each
// round the cosets of a subspace of dimension k (group size 2^k) so that every difference of
// points lies in at most two of the chosen subspaces, and each quotient point stands for two
// players. A system of linear equations over GF(2) decides how each coset splits into two groups
// so that no pair of players meets twice. This gives 8-4-10, the original social golfer
// problem, which has no affine or cyclic structure of the kinds above, in milliseconds.
std::optional<GroupSchedule> doubled_subspace_schedule(int groups, int size, int rounds,
                                                       Random& random, Clock::time_point deadline);

// Adds rounds to `schedule` until it has `rounds` of them, each group built from a first
// player who is still free and then, one by one, the free player who met the group least.
void add_rounds_greedily(GroupSchedule& schedule, int groups, int rounds);

// Searches for a few base rounds whose cyclic shifts make the whole schedule: with m shifts the
// players are m * k points (x, c) with x in Z_m plus up to `groups` fixed points, and shift t
// moves (x, c) to (x + t, c). Only pair differences matter, so the search space is the base
// rounds alone, which makes, for example, Kirkman's 5-3-7 and 8-4-9 quick to find. Returns a
// schedule without repeats, or nothing when the deadline passes first.
std::optional<GroupSchedule> cyclic_schedule(int groups, int size, int rounds, Random& random,
                                             Clock::time_point deadline);

}  // namespace kc::planner
