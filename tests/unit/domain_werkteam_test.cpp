#include <gtest/gtest.h>

#include "domain/werkteam.hpp"
#include "field_error_checks.hpp"

namespace kc::domain {
namespace {

using test_support::has_error;

Werkteam valid_team() {
    Werkteam team;
    team.name = "Werkteam informele en formele zorg";
    team.description = "Mantelzorgers, wijkteams en de gemeente\nzoeken samen naar wat werkt.";
    team.started_on = "2019-02-01";
    return team;
}

TEST(WerkteamValidation, AcceptsATeamAtWorkAndAnEndedOne) {
    EXPECT_TRUE(validate(valid_team()).empty());
    auto ended = valid_team();
    ended.ended_on = "2019-02-01";
    EXPECT_TRUE(validate(ended).empty()) << "a team may end on the day it started";
}

TEST(WerkteamValidation, RefusesAMissingNameAndBadDates) {
    auto team = valid_team();
    team.name = "  ";
    team.started_on = "2019-02-30";
    team.ended_on = "01-03-2019";
    const auto errors = validate(team);
    EXPECT_TRUE(has_error(errors, "name", "error.required"));
    EXPECT_TRUE(has_error(errors, "started_on", "error.invalid_date"));
    EXPECT_TRUE(has_error(errors, "ended_on", "error.invalid_date"));
}

TEST(WerkteamValidation, RefusesAnEndBeforeTheStart) {
    auto team = valid_team();
    team.ended_on = "2019-01-31";
    EXPECT_TRUE(has_error(validate(team), "ended_on", "werkteams.error.ends_before_start"));
}

TEST(WerkteamValidation, RefusesOverlongTextAndUnreadableBytes) {
    auto team = valid_team();
    team.name = std::string(WerkteamLimits::name + 1, 'x');
    team.description = "kapot \xff teken";
    const auto errors = validate(team);
    EXPECT_TRUE(has_error(errors, "name", "error.too_long"));
    EXPECT_TRUE(has_error(errors, "description", "error.invalid_text"));
}

TEST(CalendarDate, KnowsRealDatesOnly) {
    EXPECT_TRUE(is_calendar_date("2020-02-29"));
    EXPECT_FALSE(is_calendar_date("2019-02-29"));
    EXPECT_FALSE(is_calendar_date("2019-13-01"));
    EXPECT_FALSE(is_calendar_date("2019-1-01"));
    EXPECT_FALSE(is_calendar_date("2019-01-01T10:00"));
    EXPECT_FALSE(is_calendar_date("abcd-ef-gh"));
    EXPECT_FALSE(is_calendar_date(""));
}

TEST(WerkteamMemberValidation, NeedsANameAndARealAddressWhenOneIsGiven) {
    WerkteamMember member;
    member.name = "Fatima";
    member.organisation = "Wijkteam Feijenoord";
    EXPECT_TRUE(validate(member).empty()) << "an e-mail address is optional";
    member.email = "fatima@voorbeeld";
    EXPECT_TRUE(has_error(validate(member), "email", "error.invalid_email"));
    member.email = "fatima@voorbeeld.nl";
    member.name = "";
    const auto errors = validate(member);
    EXPECT_TRUE(has_error(errors, "name", "error.required"));
    EXPECT_EQ(errors.size(), 1u);
}

TEST(WerkteamMeetingValidation, ChecksTheDateAndTheCountsPerGroup) {
    WerkteamMeeting meeting;
    meeting.format = EventType::mirror_meeting;
    meeting.held_on = "2019-06-12";
    meeting.attendance = {{1, 4}, {2, 7}};
    EXPECT_TRUE(validate(meeting).empty());
    meeting.attendance = {{1, 0}, {2, 3}, {2, 5}};
    meeting.held_on = "12 juni";
    const auto errors = validate(meeting);
    EXPECT_TRUE(has_error(errors, "held_on", "error.invalid_date"));
    EXPECT_TRUE(has_error(errors, "attendance_1", "werkteams.error.count_range"));
    EXPECT_TRUE(has_error(errors, "attendance_2", "werkteams.error.group_twice"));
}

TEST(WerkteamProductValidation, TakesOnlyWebLinks) {
    WerkteamProduct product;
    product.title = "Handreiking samenwerken met mantelzorgers";
    product.published_on = "2020-03-01";
    EXPECT_TRUE(validate(product).empty()) << "a link is optional";
    for (const std::string link :
         {"https://werkplaats.example/handreiking.pdf", "HTTP://werkplaats.example/"}) {
        product.link = link;
        EXPECT_TRUE(validate(product).empty()) << link;
    }
    for (const std::string link : {"javascript:alert(1)", "ftp://example.nl/x",
                                   "https://example.nl/a b", "werkplaats.example"}) {
        product.link = link;
        EXPECT_TRUE(has_error(validate(product), "link", "error.invalid_url")) << link;
    }
}

TEST(WerkteamSlugs, RoundTripAndRefuseUnknownOnes) {
    for (const auto kind : all_product_kinds()) {
        EXPECT_EQ(product_kind_from_slug(to_slug(kind)), kind);
    }
    EXPECT_EQ(member_role_from_slug("trekker"), MemberRole::trekker);
    EXPECT_EQ(member_role_from_slug("lid"), MemberRole::member);
    EXPECT_FALSE(member_role_from_slug("baas"));
    EXPECT_FALSE(product_kind_from_slug(""));
}

TEST(WerkteamActivity, ATeamIsActiveFromItsStartUntilItsEnd) {
    auto team = valid_team();
    EXPECT_FALSE(is_active(team, "2019-01-31"));
    EXPECT_TRUE(is_active(team, "2026-11-30"));
    team.ended_on = "2021-12-31";
    EXPECT_TRUE(is_active(team, "2021-12-31"));
    EXPECT_FALSE(is_active(team, "2022-01-01"));
}

}  // namespace
}  // namespace kc::domain
