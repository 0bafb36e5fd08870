#include <gtest/gtest.h>

#include <string>

#include "web/json_body.hpp"

namespace kc::web {
namespace {

using validation::Presence;

std::string problem_of(std::string_view content_type, std::string_view body) {
    std::string problem;
    EXPECT_FALSE(parse_json_object(content_type, body, problem));
    return problem;
}

TEST(WebJsonBody, ReadsAnObjectSentAsJson) {
    std::string problem;
    const auto body = parse_json_object("application/json; charset=utf-8",
                                        R"({"name": "Sanne Kuipers", "group": "Bewoner",
                                            "consent_photos": false})",
                                        problem);
    ASSERT_TRUE(body);
    EXPECT_EQ(body->size(), 3u);
    EXPECT_TRUE(problem.empty());
}

TEST(WebJsonBody, RefusesAnotherContentType) {
    EXPECT_EQ(problem_of("text/plain", R"({"name": "Sanne"})"), "error.json_type");
    EXPECT_EQ(problem_of("", R"({"name": "Sanne"})"), "error.json_type");
}

TEST(WebJsonBody, RefusesWhatIsNotOneObject) {
    EXPECT_EQ(problem_of("application/json", ""), "error.bad_json");
    EXPECT_EQ(problem_of("application/json", "[1, 2]"), "error.bad_json");
    EXPECT_EQ(problem_of("application/json", R"("tekst")"), "error.bad_json");
    EXPECT_EQ(problem_of("application/json", R"({"name": "Sanne",})"), "error.bad_json");
    EXPECT_EQ(problem_of("application/json", R"({"name": "Sanne"} {})"), "error.bad_json");
    EXPECT_EQ(problem_of("application/json", "{\"name\": \"\xC3\x28\"}"), "error.bad_json");
}

std::string nested(std::size_t depth) {
    std::string body = "{\"a\":";
    for (std::size_t level = 1; level < depth; ++level) body += "[";
    body += "1";
    for (std::size_t level = 1; level < depth; ++level) body += "]";
    return body + "}";
}

TEST(WebJsonBody, RefusesNestingDeeperThanTheLimit) {
    std::string problem;
    EXPECT_TRUE(parse_json_object("application/json", nested(JsonBodyLimits::depth), problem));
    EXPECT_EQ(problem_of("application/json", nested(JsonBodyLimits::depth + 1)), "error.bad_json");
    // Deep nesting is refused before it can exhaust the stack.
    EXPECT_EQ(problem_of("application/json", nested(10'000)), "error.bad_json");
}

// Found by fuzzing: 1e400 was read as infinity, which serialises to "Infinity", not JSON.
TEST(WebJsonBody, RefusesNumbersBeyondTheRangeOfADouble) {
    EXPECT_EQ(problem_of("application/json", R"({"capacity": 1e400})"), "error.bad_json");
    EXPECT_EQ(problem_of("application/json", R"({"a": [{"b": -1e400}]})"), "error.bad_json");
    std::string problem;
    const auto body = parse_json_object(
        "application/json", R"({"a": 1e308, "b": 1e-400, "c": 18446744073709551615})", problem);
    ASSERT_TRUE(body);
    EXPECT_EQ(body->at("b").as_double(), 0.0);
}

TEST(WebJsonBody, RefusesABodyOverTheSizeLimit) {
    const std::string filler(JsonBodyLimits::bytes, ' ');
    EXPECT_EQ(problem_of("application/json", "{}" + filler), "error.json_too_large");
    std::string problem;
    EXPECT_TRUE(parse_json_object("application/json",
                                  "{}" + filler.substr(0, JsonBodyLimits::bytes - 2), problem));
}

TEST(WebJsonBody, StringMembersWithTheirErrors) {
    std::string problem;
    const auto body = parse_json_object(
        "application/json", R"({"name": "Sanne", "email": null, "group": 3, "dietary": ""})",
        problem);
    ASSERT_TRUE(body);
    FieldErrors errors;
    EXPECT_EQ(string_member(*body, "name", Presence::required, errors), "Sanne");
    EXPECT_EQ(string_member(*body, "email", Presence::optional, errors), "");
    EXPECT_EQ(string_member(*body, "dietary", Presence::required, errors), "");
    EXPECT_TRUE(errors.empty());

    EXPECT_EQ(string_member(*body, "group", Presence::optional, errors), "");
    EXPECT_EQ(string_member(*body, "email", Presence::required, errors), "");
    EXPECT_EQ(string_member(*body, "organisation", Presence::required, errors), "");
    EXPECT_EQ(string_member(*body, "accessibility", Presence::optional, errors), "");
    EXPECT_EQ(errors, (FieldErrors{{"group", "error.not_text"},
                                   {"email", "error.required"},
                                   {"organisation", "error.required"}}));
}

}  // namespace
}  // namespace kc::web
