#include <gtest/gtest.h>

#include "planner/quality.hpp"

namespace kc::planner {
namespace {

Problem golfers(int groups, int size, int rounds) {
    Problem problem;
    for (int p = 0; p < groups * size; ++p) problem.people.push_back({"p" + std::to_string(p)});
    for (int t = 0; t < groups; ++t) problem.tables.push_back({"t" + std::to_string(t), size});
    problem.rounds = rounds;
    return problem;
}

int bound_for(const Problem& problem) { return repeat_lower_bound(build_model({&problem})); }

TEST(PlannerQuality, CountingBoundForEightFourEleven) {
    EXPECT_EQ(bound_for(golfers(8, 4, 11)), 32);
}

TEST(PlannerQuality, SolvableGolferInstancesHaveBoundZero) {
    EXPECT_EQ(bound_for(golfers(8, 4, 10)), 0);
    EXPECT_EQ(bound_for(golfers(5, 3, 7)), 0);
    EXPECT_EQ(bound_for(golfers(6, 6, 3)), 0);
}

TEST(PlannerQuality, EulersOfficersMakeSixSixFourCostTwoRepeats) {
    EXPECT_EQ(bound_for(golfers(6, 6, 4)), 2);
    EXPECT_EQ(bound_for(golfers(6, 6, 5)), 3);
}

TEST(PlannerQuality, PigeonholeBoundWhenTablesAreLargerThanTheirNumber) {
    // Five tables of six: each later table seats two people from one earlier table.
    EXPECT_EQ(bound_for(golfers(5, 6, 4)), 15);
}

TEST(PlannerQuality, HostsCountInThePigeonholeBound) {
    // Six tables of five with hosts: the four movers at a table come from the five other
    // tables, so nobody has to sit with an earlier tablemate.
    Problem problem = golfers(6, 5, 3);
    for (int t = 0; t < 6; ++t) problem.people[t].host_table = t;
    EXPECT_EQ(bound_for(problem), 0);
    // Five tables of six with hosts: five movers from four other tables.
    Problem tight = golfers(5, 6, 3);
    for (int t = 0; t < 5; ++t) tight.people[t].host_table = t;
    EXPECT_EQ(bound_for(tight), 10);
}

TEST(PlannerQuality, MeasuresAHandMadePlan) {
    Problem problem;
    problem.rounds = 2;
    problem.tables = {{"A", 2}, {"B", 2}};
    problem.people = {{"Ans", "Bewoner", "Buurt"},
                      {"Bram", "Bewoner", "Buurt"},
                      {"Cor", "Gemeente", "Gemeente Rotterdam"},
                      {"Dirk", "Gemeente", ""}};
    const Model model = build_model({&problem});
    // Both residents sit together at A twice, so B never has a resident.
    Plan plan;
    plan.table_of = {{0, 0, 1, 1}, {0, 0, 1, 1}};
    const Quality quality = measure(model, plan);
    EXPECT_EQ(quality.repeats, 2);
    EXPECT_EQ(quality.most_meetings_of_one_pair, 2);
    EXPECT_EQ(quality.revisits, 4);
    EXPECT_EQ(quality.tables_without_resident, 2);
    EXPECT_EQ(quality.mix_deviation, 8);
    EXPECT_EQ(quality.organisation_clashes, 2);
    EXPECT_NE(summary_dutch(quality).find("Herhaalde ontmoetingen: 2"), std::string::npos);
    EXPECT_NE(summary_english(quality).find("Repeated meetings: 2"), std::string::npos);
}

}  // namespace
}  // namespace kc::planner
