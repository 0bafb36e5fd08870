#include <gtest/gtest.h>

#include "domain/world_cafe.hpp"
#include "field_error_checks.hpp"

namespace kc::domain {
namespace {

WorldCafe two_tables() {
    WorldCafe cafe;
    cafe.round_questions = {"Wat werkt?", "Wat mist?"};
    cafe.tables = {{1, "Oranje", 6, 10, {}},
                   {2, "Blauw", 6, std::nullopt, {"", "Wat mist bij jongeren?"}}};
    return cafe;
}

using test_support::has_error;

TEST(WorldCafe, ATableAsksItsOwnQuestionOrTheRounds) {
    const auto cafe = two_tables();
    EXPECT_EQ(cafe.question_at(cafe.tables[0], 2), "Wat mist?");
    EXPECT_EQ(cafe.question_at(cafe.tables[1], 1), "Wat werkt?");
    EXPECT_EQ(cafe.question_at(cafe.tables[1], 2), "Wat mist bij jongeren?");
}

TEST(WorldCafe, ARouteMarksTheRoundGoingOnAndTheNextOne) {
    auto cafe = two_tables();
    const std::vector<Seat> seats = {{2, 7, 2}, {1, 7, 1}, {1, 8, 2}, {2, 8, 1}};
    auto route = route_of(cafe, seats, 7);
    ASSERT_EQ(route.size(), 2u);
    EXPECT_EQ(route[0].round, 1);
    EXPECT_EQ(route[0].table, "Oranje");
    EXPECT_EQ(route[1].question, "Wat mist bij jongeren?");
    EXPECT_FALSE(route[0].is_now) << "nothing has started yet";
    EXPECT_TRUE(route[0].is_next);

    cafe.started_rounds = 1;
    route = route_of(cafe, seats, 7);
    EXPECT_TRUE(route[0].is_now);
    EXPECT_FALSE(route[0].is_next);
    EXPECT_TRUE(route[1].is_next);

    cafe.started_rounds = 2;
    route = route_of(cafe, seats, 7);
    EXPECT_TRUE(route[1].is_now);
    EXPECT_FALSE(route[1].is_next) << "the last round has no next one";
    EXPECT_TRUE(route_of(cafe, seats, 9).empty());
}

TEST(WorldCafe, GoalsHaveSlugsAndEveryGoalCountsOnce) {
    for (const CafeGoal goal : default_goal_order())
        EXPECT_EQ(cafe_goal_from_slug(to_slug(goal)), goal);
    EXPECT_FALSE(cafe_goal_from_slug("fastest"));
    auto cafe = two_tables();
    cafe.goal_order = {CafeGoal::resident_at_every_table, CafeGoal::no_repeat_meetings,
                       CafeGoal::no_table_revisits,       CafeGoal::organisations_spread,
                       CafeGoal::balanced_group_mix,      CafeGoal::keep_seats};
    EXPECT_TRUE(validate(cafe).empty());
    cafe.goal_order.back() = CafeGoal::no_repeat_meetings;
    EXPECT_TRUE(has_error(validate(cafe), "goals", "error.goal_order"));
}

TEST(WorldCafe, ValidSetUpPasses) { EXPECT_TRUE(validate(two_tables()).empty()); }

TEST(WorldCafe, RefusesImpossibleSetUps) {
    auto cafe = two_tables();
    cafe.tables[0].capacity = 1;
    cafe.tables[1].host_registration_id = 10;
    cafe.tables[1].name = "";
    cafe.tables[1].own_questions = {"a", "b", "c"};
    const auto errors = validate(cafe);
    EXPECT_TRUE(has_error(errors, "table_1_capacity", "error.table_capacity"));
    EXPECT_TRUE(has_error(errors, "table_2_host", "error.host_twice"));
    EXPECT_TRUE(has_error(errors, "table_2_name", "error.required"));
    EXPECT_TRUE(has_error(errors, "table_2_questions", "error.too_many"));

    WorldCafe empty;
    const auto empty_errors = validate(empty);
    EXPECT_TRUE(has_error(empty_errors, "rounds", "error.rounds_range"));
    EXPECT_TRUE(has_error(empty_errors, "tables", "error.no_tables"));
}

}  // namespace
}  // namespace kc::domain
