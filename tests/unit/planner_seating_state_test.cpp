#include <gtest/gtest.h>

#include <random>

#include "planner/local_search.hpp"
#include "planner/quality.hpp"
#include "planner/seating_state.hpp"

namespace kc::planner {
namespace {

// A small café room with every feature the costs look at: residents, other groups,
// organisations, hosts, someone who stays and unequal tables.
Problem mixed_room() {
    Problem problem;
    problem.rounds = 4;
    problem.tables = {{"Oranje", 6}, {"Blauw", 5}, {"Groen", 6}, {"Geel", 4}};
    const char* groups[] = {"Bewoner", "Gemeente", "Student", "Markt", "Bewoner", "Gemeente"};
    const char* organisations[] = {"", "Gemeente Rotterdam", "Hogeschool", "", "Buurtwerk"};
    for (int i = 0; i < 19; ++i) {
        Person person{"Persoon " + std::to_string(i), groups[i % 6], organisations[i % 5]};
        if (i < 2) person.host_table = i;
        if (i == 7) person.stays = true;
        problem.people.push_back(person);
    }
    return problem;
}

TEST(PlannerSeatingState, IncrementalCostsMatchAFreshMeasureAfterRandomSwaps) {
    const Problem problem = mixed_room();
    const Model model = build_model({&problem});
    Random random(42);
    SeatingState state(model, greedy_plan(model, random));
    EXPECT_EQ(state.costs(), measure(model, state.plan()).costs());
    for (int step = 0; step < 500; ++step) {
        const int round = static_cast<int>(random() % model.rounds);
        const int a = static_cast<int>(random() % model.people);
        const int b = static_cast<int>(random() % model.people);
        if (!model.movable(round, a) || !model.movable(round, b) ||
            state.table_of(round, a) == state.table_of(round, b)) {
            continue;
        }
        GoalCosts expected = state.costs();
        const GoalCosts delta = state.swap_delta(round, a, b);
        for (int goal = 0; goal < goal_count; ++goal) expected[goal] += delta[goal];
        state.apply_swap(round, a, b);
        ASSERT_EQ(state.costs(), expected);
        ASSERT_EQ(state.costs(), measure(model, state.plan()).costs()) << "after step " << step;
    }
}

TEST(PlannerSeatingState, RouteSwapsKeepMeetingsAndRevisitsAndPredictTheirDelta) {
    Problem problem = mixed_room();
    for (Person& person : problem.people) {
        person.host_table.reset();
        person.stays = false;
    }
    const Model model = build_model({&problem});
    Random random(7);
    SeatingState state(model, greedy_plan(model, random));
    for (int step = 0; step < 200; ++step) {
        const int a = static_cast<int>(random() % model.people);
        const int b = static_cast<int>(random() % model.people);
        if (!state.can_swap_routes(a, b)) continue;
        GoalCosts expected = state.costs();
        const GoalCosts delta = state.route_swap_delta(a, b);
        for (int goal = 0; goal < goal_count; ++goal) expected[goal] += delta[goal];
        state.apply_route_swap(a, b);
        ASSERT_EQ(state.costs(), expected);
        EXPECT_EQ(delta[index_of(Goal::no_repeat_meetings)], 0);
        EXPECT_EQ(delta[index_of(Goal::no_table_revisits)], 0);
    }
    EXPECT_EQ(state.costs(), measure(model, state.plan()).costs());
}

}  // namespace
}  // namespace kc::planner
