#pragma once

#include <chrono>
#include <cstdint>
#include <random>

#include "planner/seating_state.hpp"

namespace kc::planner {

using Clock = std::chrono::steady_clock;
using Random = std::mt19937_64;

// A plan made round by round: everyone not pinned takes, in random order, the table where
// they add the least cost given the people already seated.
Plan greedy_plan(const Model& model, Random& random);

// The lowest cost each goal can reach as far as is known: the counting bounds for repeats
// and revisits, zero for the rest.
GoalCosts goal_lower_bounds(const Model& model);

struct SearchLimits {
    Clock::time_point deadline;
    // See Options::patience. Each goal in turn gets half of it to improve before the search
    // moves on to the next.
    std::uint64_t patience = 1'000;
    // Keep working on repeated meetings until the deadline, as long as they are above their
    // bound: right for social golfer instances, where nothing else counts.
    bool persist_on_repeats = false;
};

// Tabu search over swaps of two people in one round. Each step works on the first goal in the
// model's order that is above its lower bound (and has not been given up on), tries swaps
// involving the people who cause that cost and takes the best one that is not tabu; long
// stagnation restarts from the best plan with a few random swaps. Returns the best plan seen,
// lexicographically by the goal order.
Plan tabu_search(SeatingState& state, const GoalCosts& lower_bounds, Random& random,
                 const SearchLimits& limits);

// Exchanges whole routes between people where that improves group mix, residents or the
// spread of organisations; repeats and revisits stay as they are.
void exchange_routes(SeatingState& state, Clock::time_point deadline);

}  // namespace kc::planner
