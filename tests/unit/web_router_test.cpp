// The router finds a page by method and path; every page of the site goes through it, so an
// id that is not one, an empty segment or a wrong suffix must find nothing rather than guess.
#include <gtest/gtest.h>

#include <string>

#include "web/router.hpp"

namespace kc::web {
namespace {

PathParams matched(std::string_view pattern, std::string_view path) {
    PathParams params;
    EXPECT_TRUE(match_path_pattern(pattern, path, params)) << pattern << " " << path;
    return params;
}

bool matches(std::string_view pattern, std::string_view path) {
    PathParams params;
    return match_path_pattern(pattern, path, params);
}

TEST(Router, AParameterTakesOneWholeSegment) {
    EXPECT_EQ(matched("/events/{id}", "/events/12").id("id"), 12);
    EXPECT_FALSE(matches("/events/{id}", "/events/"));
    EXPECT_FALSE(matches("/events/{id}", "/events"));
    EXPECT_FALSE(matches("/events/{id}", "/events/12/"));
    EXPECT_FALSE(matches("/events/{id}", "/events/12/programma"));
    EXPECT_FALSE(matches("/events/{id}", "/eventsx/12"));

    const auto both = matched("/beheer/events/{event}/tafels/{table}", "/beheer/events/3/tafels/9");
    EXPECT_EQ(both.id("event"), 3);
    EXPECT_EQ(both.id("table"), 9);
    EXPECT_EQ(both.get("table"), "9");
    EXPECT_EQ(both.get("missing"), "");
}

TEST(Router, AFixedSuffixAfterAParameterMustBeThereAndLeaveSomethingBeforeIt) {
    EXPECT_EQ(matched("/events/{id}.ics", "/events/7.ics").get("id"), "7");
    EXPECT_FALSE(matches("/events/{id}.ics", "/events/.ics"));
    EXPECT_FALSE(matches("/events/{id}.ics", "/events/7.ic"));
    EXPECT_FALSE(matches("/events/{id}.ics", "/events/7"));
    EXPECT_FALSE(matches("/events/{id}.ics", "/events/ics"));
    EXPECT_EQ(matched("/events/{id}.ics", "/events/7.ics.ics").get("id"), "7.ics");
}

TEST(Router, AnIdIsAPositiveNumberAndAnythingElseIsZero) {
    for (const char* text : {"0", "-1", "abc", "12abc", "1.5", "99999999999999999999999", " 4"}) {
        EXPECT_EQ(matched("/events/{id}", std::string("/events/") + text).id("id"), 0) << text;
    }
    EXPECT_EQ(matched("/events/{id}", "/events/9223372036854775807").id("id"),
              9'223'372'036'854'775'807);
}

TEST(Router, TheFirstRouteThatMatchesWinsAndAWrongMethodIsToldApart) {
    Router<std::string> router;
    router.add("GET", "/events/nieuw", "new form");
    router.add("GET", "/events/{id}", "event page");
    router.add("POST", "/events/{id}", "event save");

    const std::string* handler = nullptr;
    PathParams params;
    using Match = Router<std::string>::Match;
    ASSERT_EQ(router.find("GET", "/events/nieuw", handler, params), Match::found);
    EXPECT_EQ(*handler, "new form");
    ASSERT_EQ(router.find("POST", "/events/5", handler, params), Match::found);
    EXPECT_EQ(*handler, "event save");
    EXPECT_EQ(params.id("id"), 5);
    EXPECT_EQ(router.find("DELETE", "/events/5", handler, params), Match::method_not_allowed);
    EXPECT_EQ(router.find("GET", "/evenementen/5", handler, params), Match::not_found);
    EXPECT_EQ(router.find("GET", "/events/5/", handler, params), Match::not_found);
}

}  // namespace
}  // namespace kc::web
