#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/text.hpp"
#include "core/time.hpp"
#include "reports/ical.hpp"

namespace kc::reports {
namespace {

// The physical lines of iCalendar text, split at CRLF; the text must end in CRLF.
std::vector<std::string> physical_lines(const std::string& ical) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < ical.size()) {
        const std::size_t end = ical.find("\r\n", start);
        if (end == std::string::npos) {
            ADD_FAILURE() << "text after the last CRLF: " << ical.substr(start);
            break;
        }
        lines.push_back(ical.substr(start, end - start));
        start = end + 2;
    }
    return lines;
}

// The content lines, with folded continuation lines joined back on (RFC 5545 3.1).
std::vector<std::string> content_lines(const std::string& ical) {
    std::vector<std::string> lines;
    for (const std::string& line : physical_lines(ical)) {
        if (!line.empty() && line.front() == ' ' && !lines.empty()) {
            lines.back() += line.substr(1);
        } else {
            lines.push_back(line);
        }
    }
    return lines;
}

// The content lines of every VEVENT, in order.
std::vector<std::vector<std::string>> vevents(const std::string& ical) {
    std::vector<std::vector<std::string>> events;
    bool inside = false;
    for (const std::string& line : content_lines(ical)) {
        if (line == "BEGIN:VEVENT") {
            events.emplace_back();
            inside = true;
        } else if (line == "END:VEVENT") {
            inside = false;
        } else if (inside) {
            events.back().push_back(line);
        }
    }
    return events;
}

bool contains(const std::vector<std::string>& lines, const std::string& line) {
    return std::find(lines.begin(), lines.end(), line) != lines.end();
}

bool has_property(const std::vector<std::string>& lines, const std::string& name) {
    return std::any_of(lines.begin(), lines.end(), [&name](const std::string& line) {
        return line.starts_with(name + ":") || line.starts_with(name + ";");
    });
}

domain::Event event_from_utc(std::int64_t id, const char* utc_start, domain::EventStatus status) {
    domain::Event event;
    event.id = id;
    event.details.title = "Verbondenheid, veerkracht; en meer";
    event.details.starts_at = *time::parse_iso8601(utc_start);
    event.details.ends_at = event.details.starts_at + 2 * 3600;
    event.details.location_name = "Inholland";
    event.details.location_address = "Posthumalaan 90, Rotterdam";
    event.details.description = "Over het omgekeerde keukentafelgesprek.";
    event.status = status;
    event.updated_at = *time::parse_iso8601("2018-09-01T08:30:00Z");
    return event;
}

const time::Timestamp now = *time::parse_iso8601("2026-11-29T12:00:00Z");

std::string calendar_of(const std::vector<domain::Event>& events) {
    std::vector<IcalEventLink> links;
    for (const domain::Event& event : events) {
        links.push_back(
            ical_event_link(event, "https://kenniscafe.test/events/" + std::to_string(event.id)));
    }
    return ical_calendar(links, "kenniscafe.test", now, "Kenniscafés Rotterdam");
}

TEST(IcalEscape, EscapesBackslashSemicolonAndComma) {
    EXPECT_EQ(ical_escape("a,b;c\\d"), "a\\,b\\;c\\\\d");
    EXPECT_EQ(ical_escape("gewoon: tekst"), "gewoon: tekst");
}

TEST(IcalEscape, TurnsEveryKindOfLineBreakIntoOneBackslashN) {
    EXPECT_EQ(ical_escape("een\ntwee"), "een\\ntwee");
    EXPECT_EQ(ical_escape("een\r\ntwee"), "een\\ntwee");
    EXPECT_EQ(ical_escape("een\rtwee"), "een\\ntwee");
    EXPECT_EQ(ical_escape("een\n\ntwee"), "een\\n\\ntwee");
}

TEST(IcalEscape, DropsControlCharactersButKeepsTabsAndUtf8) {
    EXPECT_EQ(ical_escape("a\x01z\x7F"), "az");
    EXPECT_EQ(ical_escape("a\tb"), "a\tb");
    EXPECT_EQ(ical_escape("Zoë – café"), "Zoë – café");
}

TEST(IcalFold, LeavesLinesOfAtMost75OctetsAlone) {
    EXPECT_EQ(ical_fold("kort"), "kort");
    const std::string exactly_75(75, 'x');
    EXPECT_EQ(ical_fold(exactly_75), exactly_75);
    EXPECT_EQ(ical_fold(std::string(76, 'x')), std::string(75, 'x') + "\r\n x");
}

TEST(IcalFold, KeepsLinesWithin75OctetsWithoutSplittingUtf8) {
    // Two-, three- and four-octet sequences, so some of them straddle the 75th octet.
    std::string line = "DESCRIPTION:";
    for (int i = 0; i < 40; ++i) line += "é€😀a";
    const std::string folded = ical_fold(line) + "\r\n";
    const std::vector<std::string> lines = physical_lines(folded);
    ASSERT_GT(lines.size(), 3u);
    for (const std::string& physical : lines) {
        EXPECT_LE(physical.size(), 75u);
        EXPECT_TRUE(text::is_clean_utf8(physical, false)) << physical;
    }
    for (std::size_t i = 1; i < lines.size(); ++i) EXPECT_EQ(lines[i].front(), ' ');
    EXPECT_EQ(content_lines(folded), std::vector<std::string>{line});
}

TEST(IcalCalendar, HasTheCalendarPropertiesAndOnlyCrlfLineEnds) {
    const std::string ical =
        calendar_of({event_from_utc(7, "2018-10-18T14:00:00Z", domain::EventStatus::published)});
    const std::vector<std::string> lines = content_lines(ical);
    ASSERT_GE(lines.size(), 8u);
    EXPECT_EQ(lines.front(), "BEGIN:VCALENDAR");
    EXPECT_EQ(lines.back(), "END:VCALENDAR");
    EXPECT_EQ(lines[1], "VERSION:2.0");
    EXPECT_TRUE(has_property(lines, "PRODID"));
    EXPECT_TRUE(contains(lines, "CALSCALE:GREGORIAN"));
    EXPECT_TRUE(contains(lines, "METHOD:PUBLISH"));
    EXPECT_TRUE(contains(lines, "X-WR-CALNAME:Kenniscafés Rotterdam"));
    EXPECT_TRUE(contains(lines, "X-WR-TIMEZONE:Europe/Amsterdam"));
    ASSERT_TRUE(ical.ends_with("END:VCALENDAR\r\n"));
    for (std::size_t i = 0; i < ical.size(); ++i) {
        if (ical[i] == '\n') {
            ASSERT_TRUE(i > 0 && ical[i - 1] == '\r') << "bare LF at " << i;
        }
        if (ical[i] == '\r') {
            ASSERT_TRUE(i + 1 < ical.size() && ical[i + 1] == '\n') << "bare CR at " << i;
        }
    }
}

TEST(IcalCalendar, DefinesTheAmsterdamTimezoneWithTheEuRule) {
    const std::string ical = calendar_of({});
    const std::string expected =
        "BEGIN:VTIMEZONE\r\n"
        "TZID:Europe/Amsterdam\r\n"
        "BEGIN:DAYLIGHT\r\n"
        "TZOFFSETFROM:+0100\r\n"
        "TZOFFSETTO:+0200\r\n"
        "TZNAME:CEST\r\n"
        "DTSTART:19700329T020000\r\n"
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
        "END:DAYLIGHT\r\n"
        "BEGIN:STANDARD\r\n"
        "TZOFFSETFROM:+0200\r\n"
        "TZOFFSETTO:+0100\r\n"
        "TZNAME:CET\r\n"
        "DTSTART:19701025T030000\r\n"
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
        "END:STANDARD\r\n"
        "END:VTIMEZONE\r\n";
    EXPECT_NE(ical.find(expected), std::string::npos) << ical;
    EXPECT_TRUE(vevents(ical).empty());
    // The DTSTART of each rule must be the last Sunday of its month, as the RRULE says.
    EXPECT_EQ(time::weekday(*time::parse_iso8601("1970-03-29T12:00:00Z"), 0), 0);
    EXPECT_EQ(time::weekday(*time::parse_iso8601("1970-10-25T12:00:00Z"), 0), 0);
}

TEST(IcalCalendar, WritesSummerAndWinterTimesAsAmsterdamWallClock) {
    // 14:00 UTC on 18 October 2018 is 16:00 summer time (CEST, +2); 15:00 UTC on
    // 6 December 2018 is 16:00 winter time (CET, +1).
    const std::string ical =
        calendar_of({event_from_utc(7, "2018-10-18T14:00:00Z", domain::EventStatus::published),
                     event_from_utc(9, "2018-12-06T15:00:00Z", domain::EventStatus::published)});
    const auto events = vevents(ical);
    ASSERT_EQ(events.size(), 2u);
    EXPECT_TRUE(contains(events[0], "DTSTART;TZID=Europe/Amsterdam:20181018T160000"));
    EXPECT_TRUE(contains(events[0], "DTEND;TZID=Europe/Amsterdam:20181018T180000"));
    EXPECT_TRUE(contains(events[1], "DTSTART;TZID=Europe/Amsterdam:20181206T160000"));
    EXPECT_TRUE(contains(events[1], "DTEND;TZID=Europe/Amsterdam:20181206T180000"));
}

TEST(IcalCalendar, WritesTheEventProperties) {
    const std::string ical =
        calendar_of({event_from_utc(7, "2018-10-18T14:00:00Z", domain::EventStatus::published)});
    const auto events = vevents(ical);
    ASSERT_EQ(events.size(), 1u);
    const std::vector<std::string>& event = events[0];
    EXPECT_TRUE(contains(event, "UID:event-7@kenniscafe.test"));
    EXPECT_TRUE(contains(event, "DTSTAMP:20261129T120000Z"));
    EXPECT_TRUE(contains(event, "LAST-MODIFIED:20180901T083000Z"));
    EXPECT_TRUE(contains(event, "SUMMARY:Verbondenheid\\, veerkracht\\; en meer"));
    EXPECT_TRUE(contains(event, "LOCATION:Inholland\\, Posthumalaan 90\\, Rotterdam"));
    EXPECT_TRUE(contains(event,
                         "DESCRIPTION:Over het omgekeerde keukentafelgesprek.\\n\\n"
                         "https://kenniscafe.test/events/7"));
    EXPECT_TRUE(contains(event, "URL:https://kenniscafe.test/events/7"));
    EXPECT_TRUE(contains(event, "STATUS:CONFIRMED"));
}

TEST(IcalCalendar, MarksCancelledEventsCancelled) {
    const std::string ical =
        calendar_of({event_from_utc(7, "2018-10-18T14:00:00Z", domain::EventStatus::held),
                     event_from_utc(8, "2018-12-06T15:00:00Z", domain::EventStatus::cancelled)});
    const auto events = vevents(ical);
    ASSERT_EQ(events.size(), 2u);
    EXPECT_TRUE(contains(events[0], "STATUS:CONFIRMED"));
    EXPECT_TRUE(contains(events[1], "STATUS:CANCELLED"));
    EXPECT_FALSE(contains(events[1], "STATUS:CONFIRMED"));
}

TEST(IcalCalendar, FoldsLongTextAndUnfoldsToTheEscapedOriginal) {
    domain::Event event = event_from_utc(7, "2018-10-18T14:00:00Z", domain::EventStatus::published);
    std::string description;
    for (int i = 0; i < 30; ++i) description += "Bewoners, wijkteams én gemeente; samen.\n";
    const std::vector<IcalEventLink> links = {
        {&event, "https://kenniscafe.test/events/7", "Huis van de Wijk", description}};
    const std::string ical = ical_calendar(links, "kenniscafe.test", now, "Agenda");
    for (const std::string& line : physical_lines(ical)) {
        EXPECT_LE(line.size(), 75u) << line;
        EXPECT_TRUE(text::is_clean_utf8(line, false)) << line;
    }
    EXPECT_TRUE(contains(vevents(ical)[0], "DESCRIPTION:" + ical_escape(description)));
}

TEST(IcalCalendar, LeavesOutEmptyTextsAndAnEndBeforeTheStart) {
    domain::Event event = event_from_utc(7, "2018-10-18T14:00:00Z", domain::EventStatus::published);
    event.details.ends_at = event.details.starts_at;
    const std::vector<IcalEventLink> links = {{&event, "https://kenniscafe.test/events/7", "", ""}};
    const auto events = vevents(ical_calendar(links, "kenniscafe.test", now, "Agenda"));
    ASSERT_EQ(events.size(), 1u);
    EXPECT_FALSE(has_property(events[0], "LOCATION"));
    EXPECT_FALSE(has_property(events[0], "DESCRIPTION"));
    EXPECT_FALSE(has_property(events[0], "DTEND"));
    EXPECT_TRUE(has_property(events[0], "DTSTART"));
}

TEST(IcalCalendar, ControlCharactersInUrlAndHostCannotStartNewProperties) {
    domain::Event event = event_from_utc(7, "2018-10-18T14:00:00Z", domain::EventStatus::published);
    const std::vector<IcalEventLink> links = {
        {&event, "https://kenniscafe.test/\r\nATTENDEE:mailto:x@example.org", "", ""}};
    const std::string ical = ical_calendar(links, "host\r\nORGANIZER:x", now, "Agenda");
    for (const std::string& line : content_lines(ical)) {
        EXPECT_FALSE(line.starts_with("ATTENDEE")) << line;
        EXPECT_FALSE(line.starts_with("ORGANIZER")) << line;
    }
}

TEST(IcalLink, JoinsLocationNameAndAddress) {
    domain::Event event = event_from_utc(7, "2018-10-18T14:00:00Z", domain::EventStatus::published);
    EXPECT_EQ(ical_event_link(event, "u").location_text, "Inholland, Posthumalaan 90, Rotterdam");
    event.details.location_address.clear();
    EXPECT_EQ(ical_event_link(event, "u").location_text, "Inholland");
    event.details.description.clear();
    const IcalEventLink link = ical_event_link(event, "https://kenniscafe.test/events/7");
    EXPECT_EQ(link.description, "https://kenniscafe.test/events/7");
    EXPECT_EQ(link.event, &event);
}

}  // namespace
}  // namespace kc::reports
