#pragma once

#include <vector>

#include "planner/table_planner.hpp"

namespace kc::planner {

// What changed at the door. The problem given with it lists everyone: the people of the
// previous plan first, in the same order, then the walk-ins.
struct ReplanRequest {
    // The plan so far; rows may be shorter than the problem's people (walk-ins are missing).
    Plan previous;
    // Rounds that have started; they are kept exactly as they were.
    int started_rounds = 0;
    // People (indices into the problem) who are not there for the remaining rounds.
    std::vector<int> no_shows;
};

// Re-plans only the rounds that have not started, keeping seats where the goal order allows:
// with the default order a seat only changes to avoid a repeated meeting, to make room for
// walk-ins, or to even out tables that no-shows left much emptier than others.
PlanResult replan_tables(const Problem& problem, const ReplanRequest& request,
                         const Options& options);

}  // namespace kc::planner
