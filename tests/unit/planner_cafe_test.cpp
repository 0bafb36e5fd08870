#include <gtest/gtest.h>

#include <chrono>
#include <random>

#include "planner/replan.hpp"
#include "planner/table_planner.hpp"

namespace kc::planner {
namespace {

using std::chrono::milliseconds;

// A random café room: unequal tables, a few residents, hosts at some tables, one person who
// stays, organisations shared by a few people.
Problem random_cafe(std::uint64_t seed) {
    std::mt19937_64 random(seed);
    const auto between = [&](int low, int high) {
        return low + static_cast<int>(random() % static_cast<std::uint64_t>(high - low + 1));
    };
    Problem problem;
    problem.rounds = between(2, 5);
    const int tables = between(3, 8);
    int seats = 0;
    for (int t = 0; t < tables; ++t) {
        problem.tables.push_back({"Tafel " + std::to_string(t + 1), between(4, 8)});
        seats += problem.tables.back().capacity;
    }
    const std::vector<std::string> groups = {
        "Bewoner", "Gemeente", "Uitvoeringspraktijk", "Student", "Docent(onderzoeker)", "Markt"};
    const int people = between(seats / 2, seats);
    for (int p = 0; p < people; ++p) {
        Person person;
        person.name = "Deelnemer " + std::to_string(p);
        // Residents are rare, as in the magazine's attendance figures.
        person.group = random() % 8 == 0 ? "Bewoner" : groups[1 + random() % (groups.size() - 1)];
        if (random() % 3 == 0) person.organisation = "Organisatie " + std::to_string(random() % 4);
        if (p < tables && random() % 2 == 0) person.host_table = p;
        if (p == tables) person.stays = true;
        problem.people.push_back(person);
    }
    return problem;
}

// The hard rules: everyone present sits at exactly one existing table per round, tables hold
// no more than their seats, hosts and people who stay do not move.
void expect_hard_rules(const Problem& problem, const Plan& plan) {
    ASSERT_EQ(static_cast<int>(plan.table_of.size()), problem.rounds);
    std::vector<int> first_table(problem.people.size(), Plan::absent);
    for (int r = 0; r < problem.rounds; ++r) {
        ASSERT_EQ(plan.table_of[r].size(), problem.people.size());
        std::vector<int> seated(problem.tables.size(), 0);
        for (std::size_t p = 0; p < problem.people.size(); ++p) {
            const int table = plan.table_of[r][p];
            ASSERT_GE(table, 0) << problem.people[p].name << " has no seat in round " << r;
            ASSERT_LT(table, static_cast<int>(problem.tables.size()));
            ++seated[table];
            const Person& person = problem.people[p];
            if (person.host_table) {
                EXPECT_EQ(table, *person.host_table);
            }
            if (r == 0) first_table[p] = table;
            if (person.stays) {
                EXPECT_EQ(table, first_table[p]) << person.name << " was moved";
            }
        }
        for (std::size_t t = 0; t < problem.tables.size(); ++t) {
            EXPECT_LE(seated[t], problem.tables[t].capacity);
        }
    }
}

TEST(PlannerCafe, HardRulesHoldOnRandomRooms) {
    for (std::uint64_t seed = 1; seed <= 30; ++seed) {
        const Problem problem = random_cafe(seed);
        Options options;
        options.seed = seed;
        options.time_limit = milliseconds(150);
        const PlanResult result = plan_tables(problem, options);
        SCOPED_TRACE("room " + std::to_string(seed));
        expect_hard_rules(problem, result.plan);
        EXPECT_GE(result.quality.repeats, result.quality.repeat_lower_bound);
    }
}

// 60 people at 10 tables of 6 with hosts, 4 rounds: each mover meets 20 people.
Problem room_of_sixty() {
    Problem problem;
    problem.rounds = 4;
    for (int t = 0; t < 10; ++t) problem.tables.push_back({"Tafel " + std::to_string(t + 1), 6});
    for (int p = 0; p < 60; ++p) {
        Person person{"P" + std::to_string(p), p % 10 == 3 ? "Bewoner" : "Gemeente"};
        if (p < 10) person.host_table = p;
        problem.people.push_back(person);
    }
    return problem;
}

TEST(PlannerCafe, ReachesNoRepeatsAndNoRevisitsInARoomThatAllowsThem) {
    const Problem problem = room_of_sixty();
    const PlanResult result = plan_tables(problem, {});
    expect_hard_rules(problem, result.plan);
    EXPECT_EQ(result.quality.repeats, 0);
    EXPECT_EQ(result.quality.revisits, 0);
    EXPECT_EQ(result.quality.tables_without_resident, 0);
}

TEST(PlannerCafe, ZeroRepeatsOnKirkmanSixSixThreeFourFourFiveAndEightFourTen) {
    for (const auto& [groups, size, rounds] :
         std::vector<std::tuple<int, int, int>>{{5, 3, 7}, {6, 6, 3}, {4, 4, 5}, {8, 4, 10}}) {
        Problem problem;
        problem.rounds = rounds;
        for (int t = 0; t < groups; ++t) problem.tables.push_back({"T", size});
        for (int p = 0; p < groups * size; ++p) problem.people.push_back({"P" + std::to_string(p)});
        problem.goal_order = {Goal::no_repeat_meetings};
        const PlanResult result = plan_tables(problem, {});
        EXPECT_EQ(result.quality.repeats, 0) << groups << "-" << size << "-" << rounds;
    }
}

TEST(PlannerCafe, SixSixFourReachesItsBoundOfTwoRepeats) {
    Problem problem;
    problem.rounds = 4;
    for (int t = 0; t < 6; ++t) problem.tables.push_back({"T", 6});
    for (int p = 0; p < 36; ++p) problem.people.push_back({"P" + std::to_string(p)});
    Options options;
    // The search stops as soon as it reaches the bound; the limit only guards a slow machine.
    options.time_limit = milliseconds(10'000);
    const PlanResult result = plan_tables(problem, options);
    EXPECT_EQ(result.quality.repeat_lower_bound, 2);
    EXPECT_EQ(result.quality.repeats, 2);
}

TEST(PlannerCafe, EightFourElevenReachesItsCountingBound) {
    Problem problem;
    problem.rounds = 11;
    for (int t = 0; t < 8; ++t) problem.tables.push_back({"T", 4});
    for (int p = 0; p < 32; ++p) problem.people.push_back({"P" + std::to_string(p)});
    problem.goal_order = {Goal::no_repeat_meetings};
    const PlanResult result = plan_tables(problem, {});
    EXPECT_EQ(result.quality.repeat_lower_bound, 32);
    EXPECT_EQ(result.quality.repeats, 32);
}

TEST(PlannerCafe, AResidentWhoStaysSitsAwayFromResidentHosts) {
    Problem problem;
    problem.rounds = 3;
    problem.tables = {{"Oranje", 8}, {"Blauw", 6}, {"Groen", 6}};
    problem.people = {{"Host Oranje", "Bewoner", "", 0},
                      {"Host Blauw", "Gemeente", "", 1},
                      {"Host Groen", "Bewoner", "", 2}};
    Person stays{"Blijft", "Bewoner"};
    stays.stays = true;
    problem.people.push_back(stays);
    for (int p = 0; p < 8; ++p) problem.people.push_back({"P" + std::to_string(p), "Student"});
    const PlanResult result = plan_tables(problem, {});
    // Oranje has the most free seats, but a second resident there would leave a table without one.
    for (int round = 0; round < 3; ++round) EXPECT_EQ(result.plan.table_of[round][3], 1);
    EXPECT_EQ(result.quality.tables_without_resident, 0);
}

TEST(PlannerCafe, SameSeedSamePlan) {
    Problem problem = room_of_sixty();
    problem.people[20].organisation = problem.people[30].organisation = "Hogeschool";
    Options options;
    options.seed = 99;
    EXPECT_EQ(plan_tables(problem, options).plan, plan_tables(problem, options).plan);
    options.seed = 100;
    EXPECT_NE(plan_tables(problem, options).plan, plan_tables(problem, {}).plan);
}

TEST(PlannerCafe, RefusesMorePeopleThanSeats) {
    Problem problem;
    problem.rounds = 2;
    problem.tables = {{"A", 2}};
    problem.people = {{"a"}, {"b"}, {"c"}};
    try {
        plan_tables(problem, {});
        FAIL() << "planned three people at two seats";
    } catch (const PlanningError& error) {
        EXPECT_NE(error.dutch().find("meer deelnemers"), std::string::npos);
    }
}

TEST(PlannerCafe, RefusesAHostAtATableThatDoesNotExist) {
    Problem problem;
    problem.rounds = 1;
    problem.tables = {{"A", 4}};
    problem.people = {{"a", "", "", 3}};
    EXPECT_THROW(plan_tables(problem, {}), PlanningError);
}

TEST(PlannerReplan, KeepsStartedRoundsSeatsWalkInsAndDropsNoShows) {
    Problem problem = random_cafe(11);
    problem.rounds = 4;
    Options first_plan;
    first_plan.time_limit = milliseconds(300);
    const PlanResult before = plan_tables(problem, first_plan);
    const int original_people = static_cast<int>(problem.people.size());
    // Two no-shows that are neither hosts nor people who stay, and two walk-ins.
    std::vector<int> no_shows;
    for (int p = original_people - 1; no_shows.size() < 2; --p) {
        if (!problem.people[p].host_table && !problem.people[p].stays) no_shows.push_back(p);
    }
    problem.people.push_back({"Inloper 1", "Bewoner"});
    problem.people.push_back({"Inloper 2", "Student", "Hogeschool"});

    ReplanRequest request{before.plan, 2, no_shows};
    Options options;
    options.patience = 100;
    const PlanResult after = replan_tables(problem, request, options);

    for (int r = 0; r < 2; ++r) {
        for (int p = 0; p < original_people; ++p) {
            EXPECT_EQ(after.plan.table_of[r][p], before.plan.table_of[r][p]);
        }
        EXPECT_EQ(after.plan.table_of[r][original_people], Plan::absent);
    }
    int kept = 0;
    int compared = 0;
    for (int r = 2; r < 4; ++r) {
        for (int p : no_shows) EXPECT_EQ(after.plan.table_of[r][p], Plan::absent);
        EXPECT_NE(after.plan.table_of[r][original_people], Plan::absent);
        EXPECT_NE(after.plan.table_of[r][original_people + 1], Plan::absent);
        for (int p = 0; p < original_people; ++p) {
            if (after.plan.table_of[r][p] == Plan::absent) continue;
            ++compared;
            kept += after.plan.table_of[r][p] == before.plan.table_of[r][p];
        }
    }
    EXPECT_TRUE(after.quality.replanned);
    EXPECT_EQ(after.quality.seats_changed, compared - kept);
    EXPECT_GE(kept * 10, compared * 8) << "kept " << kept << " of " << compared << " seats";
}

TEST(PlannerReplan, TwoHundredPeopleKeepNoRepeats) {
    Problem problem;
    problem.rounds = 5;
    for (int t = 0; t < 25; ++t) problem.tables.push_back({"Tafel " + std::to_string(t + 1), 9});
    for (int p = 0; p < 200; ++p) {
        Person person{"P" + std::to_string(p), p % 12 == 0 ? "Bewoner" : "Gemeente"};
        if (p < 25) person.host_table = p;
        problem.people.push_back(person);
    }
    const PlanResult before = plan_tables(problem, {});
    ReplanRequest request{before.plan, 1, {50, 51, 52, 53, 54, 55, 56, 57}};
    for (int i = 0; i < 6; ++i)
        problem.people.push_back({"Inloper " + std::to_string(i), "Student"});
    Options options;
    options.patience = 100;
    const PlanResult after = replan_tables(problem, request, options);
    EXPECT_EQ(after.quality.repeats, 0);
}

}  // namespace
}  // namespace kc::planner
