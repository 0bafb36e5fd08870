#include <gtest/gtest.h>

#include <set>

#include "planner/construction.hpp"

namespace kc::planner {
namespace {

// Every round must split the players into the given number of groups of equal size.
void expect_well_formed(const GroupSchedule& schedule, int groups, int size, int rounds) {
    ASSERT_EQ(static_cast<int>(schedule.size()), rounds);
    for (const auto& round : schedule) {
        ASSERT_EQ(static_cast<int>(round.size()), groups * size);
        std::vector<int> count(groups, 0);
        for (int group : round) {
            ASSERT_GE(group, 0);
            ASSERT_LT(group, groups);
            ++count[group];
        }
        for (int c : count) EXPECT_EQ(c, size);
    }
}

TEST(PlannerConstruction, AffinePlanesAndSpacesHaveNoRepeats) {
    for (const auto& [groups, size, rounds] : std::vector<std::tuple<int, int, int>>{
             {4, 4, 5}, {7, 7, 8}, {8, 8, 9}, {9, 3, 13}, {3, 3, 4}}) {
        const auto schedule = affine_schedule(groups, size, rounds);
        ASSERT_TRUE(schedule) << groups << "-" << size << "-" << rounds;
        expect_well_formed(*schedule, groups, size, rounds);
        EXPECT_EQ(schedule_repeats(*schedule, groups), 0) << groups << "-" << size << "-" << rounds;
    }
}

TEST(PlannerConstruction, AffineNeedsAPrimePowerAndEnoughDirections) {
    EXPECT_FALSE(affine_schedule(6, 6, 3));
    EXPECT_FALSE(affine_schedule(8, 4, 9));
    EXPECT_FALSE(affine_schedule(4, 4, 6));
}

TEST(PlannerConstruction, OrthogonalLatinSquaresOfOrderTenGiveTenTenFour) {
    const auto schedule = latin_square_schedule(10, 10, 4);
    ASSERT_TRUE(schedule);
    expect_well_formed(*schedule, 10, 10, 4);
    EXPECT_EQ(schedule_repeats(*schedule, 10), 0);
}

TEST(PlannerConstruction, CyclicSearchFindsKirkmanAndOthersQuickly) {
    for (const auto& [groups, size, rounds] :
         std::vector<std::tuple<int, int, int>>{{5, 3, 7}, {6, 3, 8}, {6, 6, 3}, {6, 4, 7}}) {
        Random random(1);
        const auto schedule =
            cyclic_schedule(groups, size, rounds, random, Clock::now() + std::chrono::seconds(5));
        ASSERT_TRUE(schedule) << groups << "-" << size << "-" << rounds;
        expect_well_formed(*schedule, groups, size, rounds);
        EXPECT_EQ(schedule_repeats(*schedule, groups), 0);
    }
}

TEST(PlannerConstruction, DoubledSubspacesGiveTheOriginalSocialGolferProblem) {
    // 8-4-10 uses all ten rounds that 32 players in fours can have, 32-4-42 all 42 rounds that
    // 128 players can have.
    for (const auto& [groups, size, rounds] :
         std::vector<std::tuple<int, int, int>>{{8, 4, 10}, {8, 4, 7}, {16, 4, 20}, {32, 4, 42}}) {
        Random random(3);
        const auto schedule = doubled_subspace_schedule(groups, size, rounds, random,
                                                        Clock::now() + std::chrono::seconds(20));
        ASSERT_TRUE(schedule) << groups << "-" << size << "-" << rounds;
        expect_well_formed(*schedule, groups, size, rounds);
        EXPECT_EQ(schedule_repeats(*schedule, groups), 0) << groups << "-" << size << "-" << rounds;
    }
}

TEST(PlannerConstruction, DoubledSubspacesNeedPowersOfTwoAndFewEnoughRounds) {
    Random random(3);
    const auto deadline = Clock::now() + std::chrono::seconds(20);
    EXPECT_FALSE(doubled_subspace_schedule(8, 4, 11, random, deadline));
    EXPECT_FALSE(doubled_subspace_schedule(6, 6, 3, random, deadline));
    EXPECT_FALSE(doubled_subspace_schedule(10, 4, 10, random, deadline));
    EXPECT_FALSE(doubled_subspace_schedule(16, 2, 3, random, deadline));
}

TEST(PlannerConstruction, GreedyRoundsPairUpThoseWhoHaveNotMet) {
    Random random(5);
    auto schedule =
        doubled_subspace_schedule(8, 4, 10, random, Clock::now() + std::chrono::seconds(20));
    ASSERT_TRUE(schedule);
    add_rounds_greedily(*schedule, 8, 11);
    expect_well_formed(*schedule, 8, 4, 11);
    // Two pairs who have not met at each table: four repeats per table.
    EXPECT_EQ(schedule_repeats(*schedule, 8), 32);
}

TEST(PlannerConstruction, RepeatsAreCounted) {
    // Two players together in all three rounds: two meetings beyond the first.
    const GroupSchedule schedule = {{0, 0, 1, 1}, {0, 0, 1, 1}, {0, 1, 0, 1}};
    EXPECT_EQ(schedule_repeats(schedule, 2), 2);
}

}  // namespace
}  // namespace kc::planner
