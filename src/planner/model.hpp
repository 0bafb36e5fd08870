#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "planner/problem.hpp"

namespace kc::planner {

// The goals as cost components, in a fixed order so that arrays can be indexed by them.
inline constexpr int goal_count = 6;
using GoalCosts = std::array<std::int64_t, goal_count>;
constexpr int index_of(Goal goal) { return static_cast<int>(goal); }

// A Problem turned into numbers for planning: groups and organisations become indices, every
// seat that may not move is pinned, and the number of people at each table in each round is
// settled before the search, so that the search only has to swap people.
struct Model {
    static constexpr int none = -1;

    int people = 0;
    int tables = 0;
    int rounds = 0;
    std::vector<int> capacity;

    std::vector<int> group_of;  // per person; none when unknown
    int group_count = 0;
    int resident_group = none;         // none when nobody in the room is a resident
    std::vector<int> organisation_of;  // per person; none when unknown

    // present[round][person]: whether the person takes part in that round.
    std::vector<std::vector<bool>> present;
    // pinned[round][person]: the table a person must sit at in that round, or none.
    std::vector<std::vector<int>> pinned;
    // Hosts and people who stay may sit at the same table every round.
    std::vector<bool> may_revisit;
    // table_size[round][table]: how many people sit there.
    std::vector<std::vector<int>> table_size;

    // Rounds before this one are frozen (already started) and are not planned again.
    int first_open_round = 0;
    // When re-planning: the earlier plan whose seats should be kept where possible.
    std::optional<Plan> previous;

    // The goals that count, most important first.
    std::vector<Goal> goal_order;

    // People present per round, counted once the model is built.
    std::vector<int> attendance;

    int present_count(int round) const { return attendance[round]; }
    bool movable(int round, int person) const {
        return present[round][person] && pinned[round][person] == none;
    }
    // Compares costs goal by goal in the goal order: negative when `a` is better, zero when
    // equal on every goal that counts, positive when `b` is better.
    int compare(const GoalCosts& a, const GoalCosts& b) const;
};

// Per round, the balanced number of people per table: fixed people first, then everyone else
// poured into the table that is least full relative to its capacity. Throws PlanningError when
// the people do not fit.
std::vector<int> balanced_table_sizes(const std::vector<int>& capacity,
                                      const std::vector<int>& fixed_per_table, int people);

struct ModelInput {
    const Problem* problem = nullptr;
    // Optional presence per round and person; everyone is present when empty.
    std::vector<std::vector<bool>> present;
    // Optional table sizes per round; balanced when empty.
    std::vector<std::vector<int>> table_size;
    // Optional: rounds before first_open_round are copied from `previous` and pinned.
    std::optional<Plan> previous;
    int first_open_round = 0;
};

// Validates the problem and builds its model. Tables for people who stay without a chosen
// table are picked here, spreading them over the tables with the most free seats.
Model build_model(const ModelInput& input);

}  // namespace kc::planner
