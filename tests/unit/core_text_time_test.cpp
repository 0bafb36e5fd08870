#include <gtest/gtest.h>

#include "core/text.hpp"
#include "core/time.hpp"

namespace kc {
namespace {

TEST(Text, RecognisesCleanUtf8) {
    EXPECT_TRUE(text::is_clean_utf8("Zoë en Anaïs", false));
    EXPECT_FALSE(text::is_clean_utf8("\xC3", false));          // truncated sequence
    EXPECT_FALSE(text::is_clean_utf8("\xC0\xAF", false));      // overlong '/'
    EXPECT_FALSE(text::is_clean_utf8("\xED\xA0\x80", false));  // surrogate
    EXPECT_FALSE(text::is_clean_utf8("een\x01twee", false));   // control character
    EXPECT_FALSE(text::is_clean_utf8("regel\nregel", false));
    EXPECT_TRUE(text::is_clean_utf8("regel\nregel", true));
}

TEST(Text, CsvFieldsAreQuotedWhenNeededAndNeverRunAsAFormula) {
    EXPECT_EQ(text::csv_field("Ans"), "Ans");
    EXPECT_EQ(text::csv_field("Jansen, Piet"), "\"Jansen, Piet\"");
    EXPECT_EQ(text::csv_field("zei \"ja\""), "\"zei \"\"ja\"\"\"");
    EXPECT_EQ(text::csv_field("twee\nregels"), "\"twee\nregels\"");
    EXPECT_EQ(text::csv_field("=SOM(A1)"), "'=SOM(A1)");
    EXPECT_EQ(text::csv_field("-1, of meer"), "\"'-1, of meer\"");
    EXPECT_EQ(text::csv_field(""), "");
    // A tab or carriage return in front can also make a spreadsheet read a formula.
    EXPECT_EQ(text::csv_field("\t=1+1"), "'\t=1+1");
    EXPECT_EQ(text::csv_field("\r=1+1"), "\"'\r=1+1\"");
    // With a semicolon as the separator, a comma needs no quotes and a semicolon does.
    EXPECT_EQ(text::csv_field("Jansen, Piet", ';'), "Jansen, Piet");
    EXPECT_EQ(text::csv_field("a;b", ';'), "\"a;b\"");
}

TEST(Text, CountsCodePointsNotBytes) {
    EXPECT_EQ(text::code_point_count("café"), 4u);
    EXPECT_EQ(text::code_point_count(""), 0u);
}

TEST(Text, HostNamesAreLowerCaseLabelsWithoutAPort) {
    EXPECT_EQ(text::normalize_host_name(" Kenniscafe.Example.NL "), "kenniscafe.example.nl");
    EXPECT_EQ(text::normalize_host_name("localhost"), "localhost");
    EXPECT_EQ(text::normalize_host_name("wsd-zhz.nl"), "wsd-zhz.nl");
    for (const char* bad : {"", "example.nl:8080", "-a.nl", "a-.nl", "a..nl", ".nl", "a.nl.",
                            "http://a.nl", "a b.nl", "a/b.nl", "caf\xc3\xa9.nl"}) {
        EXPECT_FALSE(text::normalize_host_name(bad).has_value()) << bad;
    }
    EXPECT_FALSE(text::normalize_host_name(std::string(64, 'a') + ".nl").has_value());
}

TEST(Text, SlugsAreReadable) {
    EXPECT_EQ(text::slugify("Docent(onderzoeker)"), "docent-onderzoeker");
    EXPECT_EQ(text::slugify("Sociaal ondernemer"), "sociaal-ondernemer");
    EXPECT_EQ(text::slugify("Wereldcafé"), "wereldcafe");
}

TEST(Text, NormalisesEmail) {
    EXPECT_EQ(text::normalize_email("  Anouk@Voorbeeld.NL "), "anouk@voorbeeld.nl");
    EXPECT_FALSE(text::normalize_email("anouk"));
    EXPECT_FALSE(text::normalize_email("anouk@voorbeeld"));
    EXPECT_FALSE(text::normalize_email("a@@b.nl"));
    EXPECT_FALSE(text::normalize_email("a b@c.nl"));
}

TEST(Text, ParsesWholeIntegersInRange) {
    EXPECT_EQ(text::parse_integer("42", 0, 100), 42);
    EXPECT_FALSE(text::parse_integer("42x", 0, 100));
    EXPECT_FALSE(text::parse_integer("101", 0, 100));
    EXPECT_FALSE(text::parse_integer("", 0, 100));
}

TEST(Time, AmsterdamIsOneHourAheadInWinterAndTwoInSummer) {
    // 2018-10-18 14:00 UTC is 16:00 summer time; 2018-12-06 15:00 UTC is 16:00 winter time.
    const auto summer = *time::parse_iso8601("2018-10-18T14:00:00Z");
    const auto winter = *time::parse_iso8601("2018-12-06T15:00:00Z");
    EXPECT_EQ(time::format_iso8601_amsterdam(summer), "2018-10-18T16:00:00+02:00");
    EXPECT_EQ(time::format_iso8601_amsterdam(winter), "2018-12-06T16:00:00+01:00");
}

TEST(Time, SwitchesOnTheLastSundayAtOneUtc) {
    // 2019-03-31 01:00 UTC clocks go forward; 2019-10-27 01:00 UTC they go back.
    EXPECT_EQ(time::amsterdam_offset_seconds(*time::parse_iso8601("2019-03-31T00:59:59Z")), 3600);
    EXPECT_EQ(time::amsterdam_offset_seconds(*time::parse_iso8601("2019-03-31T01:00:00Z")), 7200);
    EXPECT_EQ(time::amsterdam_offset_seconds(*time::parse_iso8601("2019-10-27T00:59:59Z")), 7200);
    EXPECT_EQ(time::amsterdam_offset_seconds(*time::parse_iso8601("2019-10-27T01:00:00Z")), 3600);
}

TEST(Time, TimeWithoutOffsetIsAmsterdamTime) {
    EXPECT_EQ(*time::parse_iso8601("2018-10-18T16:00"),
              *time::parse_iso8601("2018-10-18T14:00:00Z"));
    EXPECT_EQ(*time::parse_iso8601("2019-01-17 16:00"),
              *time::parse_iso8601("2019-01-17T15:00:00Z"));
    EXPECT_EQ(*time::parse_iso8601("2019-01-17T17:00:00+02:00"),
              *time::parse_iso8601("2019-01-17T15:00:00Z"));
}

TEST(Time, RefusesImpossibleDates) {
    EXPECT_FALSE(time::parse_iso8601("2019-02-29T10:00"));
    EXPECT_FALSE(time::parse_iso8601("2019-13-01T10:00"));
    EXPECT_FALSE(time::parse_iso8601("2019-01-01T24:00"));
    EXPECT_FALSE(time::parse_iso8601("2019-01-01"));
    EXPECT_FALSE(time::parse_iso8601("2019-01-01T10:00+2"));
    EXPECT_TRUE(time::parse_iso8601("2020-02-29T10:00"));
}

TEST(Time, FormatsICalendarForms) {
    const auto instant = *time::parse_iso8601("2018-10-18T16:00");
    EXPECT_EQ(time::format_ical_utc(instant), "20181018T140000Z");
    EXPECT_EQ(time::format_ical_amsterdam(instant), "20181018T160000");
    EXPECT_EQ(time::weekday(instant, time::amsterdam_offset_seconds(instant)), 4);  // a Thursday
}

}  // namespace
}  // namespace kc
