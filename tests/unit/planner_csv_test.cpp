#include <gtest/gtest.h>

#include "planner/csv.hpp"

namespace kc::planner {
namespace {

using Rows = std::vector<std::vector<std::string>>;

TEST(PlannerCsv, QuotesCommasLineBreaksAndDoubledQuotes) {
    const std::string text =
        "\xEF\xBB\xBFname,group\r\n\"Jansen, Piet\",Bewoner\r\n\"Zeg "
        "\"\"hoi\"\"\",\"twee\nregels\"\n\n";
    EXPECT_EQ(
        parse_csv(text),
        (Rows{{"name", "group"}, {"Jansen, Piet", "Bewoner"}, {"Zeg \"hoi\"", "twee\nregels"}}));
}

TEST(PlannerCsv, LastLineWithoutNewlineAndEmptyFields) {
    EXPECT_EQ(parse_csv("a,,c\n,,"), (Rows{{"a", "", "c"}, {"", "", ""}}));
}

TEST(PlannerCsv, UnclosedQuoteNamesItsLine) {
    try {
        parse_csv("name\nok\n\"never closed\n");
        FAIL();
    } catch (const CsvError& error) {
        EXPECT_EQ(error.dutch(), "regel 3: een aanhalingsteken wordt niet gesloten.");
    }
}

TEST(PlannerCsv, TextAfterClosingQuoteIsRefused) {
    EXPECT_THROW(parse_csv("\"a\"b,c\n"), CsvError);
}

TEST(PlannerCsv, PeopleWithColumnsInAnyOrder) {
    const auto people = parse_people_csv(
        "host_table,organisation,name,group,email,stays\n"
        "2,Gemeente Rotterdam,Cor,Gemeente,cor@example.nl,\n"
        ",,Ans,Bewoner,,ja\n",
        3);
    ASSERT_EQ(people.size(), 2u);
    EXPECT_EQ(people[0].name, "Cor");
    EXPECT_EQ(people[0].organisation, "Gemeente Rotterdam");
    EXPECT_EQ(people[0].host_table, 1);
    EXPECT_FALSE(people[0].stays);
    EXPECT_EQ(people[1].group, "Bewoner");
    EXPECT_FALSE(people[1].host_table);
    EXPECT_TRUE(people[1].stays);
}

std::string dutch_error(const std::string& text, int tables = 4) {
    try {
        parse_people_csv(text, tables);
    } catch (const CsvError& error) {
        return error.dutch();
    }
    return "no error";
}

TEST(PlannerCsv, PeopleFileErrorsSayWhatIsWrong) {
    EXPECT_EQ(dutch_error("name,group,host_table\nAns,Bewoner,\n"),
              "de kolom \"organisation\" ontbreekt; verwacht de kop "
              "name,group,organisation,host_table.");
    EXPECT_EQ(dutch_error("name,group,organisation,host_table\nAns,Bewoner,,5\n"),
              "regel 2: host_table \"5\" is geen tafel; de tafels zijn 1 tot en met 4.");
    EXPECT_EQ(dutch_error("name,group,organisation,host_table\nAns,Bewoner,,twee\n"),
              "regel 2: host_table \"twee\" is geen tafel; de tafels zijn 1 tot en met 4.");
    EXPECT_EQ(dutch_error("name,group,organisation,host_table\nAns,Bewoner,,\nAns,Student,,\n"),
              "regel 3: de naam Ans komt twee keer voor.");
    EXPECT_EQ(dutch_error("name,group,organisation,host_table\n,Bewoner,,\n"),
              "regel 2: de naam ontbreekt.");
    EXPECT_EQ(dutch_error("name,group,organisation,host_table\nAns,,,\n"),
              "regel 2: de groep van Ans ontbreekt.");
    EXPECT_EQ(dutch_error(""),
              "het bestand is leeg; verwacht de kop name,group,organisation,host_table.");
}

TEST(PlannerCsv, PlanIsWrittenByRoundAndTableWithQuotedNames) {
    Problem problem;
    problem.rounds = 2;
    problem.tables = {{"A", 2}, {"B", 2}};
    problem.people = {{"Jansen, Piet"}, {"Ans"}, {"Bram"}};
    Plan plan;
    plan.table_of = {{1, 0, 0}, {0, 1, Plan::absent}};
    EXPECT_EQ(write_plan_csv(problem, plan),
              "round,table,name\n1,1,Ans\n1,1,Bram\n1,2,\"Jansen, Piet\"\n2,1,\"Jansen, Piet\"\n"
              "2,2,Ans\n");
}

}  // namespace
}  // namespace kc::planner
