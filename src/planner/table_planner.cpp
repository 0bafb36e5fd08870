#include "planner/table_planner.hpp"

#include "planner/assignment.hpp"
#include "planner/construction.hpp"
#include "planner/local_search.hpp"

namespace kc::planner {

namespace {

// The share of the time limit the cyclic construction may use before local search takes over.
constexpr int cyclic_share_divisor = 3;

// The group size when the model is a plain social golfer instance: everyone present and free
// in every round, all tables equally full, nothing earlier to respect.
std::optional<int> golfer_group_size(const Model& model) {
    if (model.previous || model.first_open_round > 0) return std::nullopt;
    const int size = model.table_size.front().front();
    for (int r = 0; r < model.rounds; ++r) {
        for (int t = 0; t < model.tables; ++t) {
            if (model.table_size[r][t] != size) return std::nullopt;
        }
        for (int p = 0; p < model.people; ++p) {
            if (!model.movable(r, p)) return std::nullopt;
        }
    }
    return size;
}

// Gives each group of each round a table, round by round, so that as few people as possible
// come back to a table they already sat at.
Plan seat_groups(const Model& model, const GroupSchedule& schedule) {
    Plan plan;
    plan.table_of.assign(model.rounds, std::vector<int>(model.people, Plan::absent));
    std::vector<std::vector<bool>> visited(model.people, std::vector<bool>(model.tables, false));
    for (int r = 0; r < model.rounds; ++r) {
        std::vector<std::vector<int>> cost(model.tables, std::vector<int>(model.tables, 0));
        for (int p = 0; p < model.people; ++p) {
            for (int t = 0; t < model.tables; ++t) cost[schedule[r][p]][t] += visited[p][t];
        }
        const std::vector<int> table_of_group = cheapest_assignment(cost);
        for (int p = 0; p < model.people; ++p) {
            const int table = table_of_group[schedule[r][p]];
            plan.table_of[r][p] = table;
            visited[p][table] = true;
        }
    }
    return plan;
}

struct Start {
    Plan plan;
    std::string method;
};

struct Constructed {
    GroupSchedule schedule;
    std::string method;
};

// A schedule without repeats from the constructions that fit; the cyclic search only when
// `search` allows it, as it may use all the time up to the deadline.
std::optional<Constructed> schedule_without_repeats(int groups, int size, int rounds,
                                                    Random& random, Clock::time_point deadline,
                                                    bool search) {
    if (auto schedule = affine_schedule(groups, size, rounds)) {
        return Constructed{std::move(*schedule), "affine geometry"};
    }
    if (auto schedule = latin_square_schedule(groups, size, rounds)) {
        return Constructed{std::move(*schedule), "orthogonal Latin squares"};
    }
    // The doubled subspaces either fit quickly or not at all; half the time is plenty.
    const Clock::time_point now = Clock::now();
    if (auto schedule =
            doubled_subspace_schedule(groups, size, rounds, random, now + (deadline - now) / 2)) {
        return Constructed{std::move(*schedule), "doubled subspaces of F2^d"};
    }
    if (!search) return std::nullopt;
    if (auto schedule = cyclic_schedule(groups, size, rounds, random, deadline)) {
        return Constructed{std::move(*schedule), "cyclic base round"};
    }
    return std::nullopt;
}

std::optional<Start> construct(const Model& model, const GoalCosts& bounds, Random& random,
                               Clock::time_point deadline) {
    const std::optional<int> size = golfer_group_size(model);
    if (!size) return std::nullopt;
    const int groups = model.tables;
    if (bounds[index_of(Goal::no_repeat_meetings)] == 0) {
        auto constructed =
            schedule_without_repeats(groups, *size, model.rounds, random, deadline, true);
        if (!constructed) return std::nullopt;
        return Start{seat_groups(model, constructed->schedule), constructed->method};
    }
    // More rounds than can be free of repeats: as many rounds as a construction gives without
    // them, and the rest added greedily. After all ten rounds of 8-4-10, for example, everyone
    // has met everyone but one, and the greedy eleventh round puts two such pairs at each table,
    // which is exactly the 32 repeats that counting shows 8-4-11 cannot go below.
    const int most_without_repeats = (groups * *size - 1) / std::max(1, *size - 1);
    for (int fewer = std::min(model.rounds - 1, most_without_repeats); fewer >= 2; --fewer) {
        auto constructed = schedule_without_repeats(groups, *size, fewer, random, deadline, false);
        if (!constructed) continue;
        add_rounds_greedily(constructed->schedule, groups, model.rounds);
        return Start{seat_groups(model, constructed->schedule),
                     constructed->method + " and greedy rounds"};
    }
    return std::nullopt;
}

}  // namespace

PlanResult plan_model(const Model& model, const Options& options) {
    const Clock::time_point start = Clock::now();
    const Clock::time_point deadline = start + options.time_limit;
    Random random(options.seed);
    const GoalCosts bounds = goal_lower_bounds(model);

    std::optional<Start> constructed =
        construct(model, bounds, random, start + options.time_limit / cyclic_share_divisor);
    Start begin = constructed ? std::move(*constructed)
                              : Start{greedy_plan(model, random), "greedy and tabu search"};
    SeatingState state(model, std::move(begin.plan));
    const SearchLimits limits{deadline, options.patience, golfer_group_size(model).has_value()};
    state = SeatingState(model, tabu_search(state, bounds, random, limits));
    exchange_routes(state, deadline);

    return {state.plan(), measure(model, state.plan()), begin.method};
}

PlanResult plan_tables(const Problem& problem, const Options& options) {
    ModelInput input;
    input.problem = &problem;
    return plan_model(build_model(input), options);
}

}  // namespace kc::planner
