#include <gtest/gtest.h>

#include <regex>

#include "reports/ical.hpp"
#include "reports/svg_chart.hpp"

namespace kc::reports {
namespace {

domain::Event event_at(const char* local_start) {
    domain::Event event;
    event.id = 7;
    event.details.title = "Verbondenheid, veerkracht; en meer";
    event.details.starts_at = *time::parse_iso8601(local_start);
    event.details.ends_at = event.details.starts_at + 7200;
    event.status = domain::EventStatus::published;
    return event;
}

TEST(Ical, EscapesText) {
    EXPECT_EQ(ical_escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    EXPECT_EQ(ical_escape("regel\r\nregel"), "regel\\nregel");
}

TEST(Ical, FoldsLongLinesWithoutBreakingUtf8) {
    std::string line = "DESCRIPTION:";
    for (int i = 0; i < 60; ++i) line += "é";
    const std::string folded = ical_fold(line);
    std::size_t start = 0;
    std::string unfolded;
    while (start <= folded.size()) {
        const auto end = folded.find("\r\n", start);
        const std::string piece = folded.substr(start, end == std::string::npos ? std::string::npos : end - start);
        EXPECT_LE(piece.size(), 75u);
        unfolded += start == 0 ? piece : piece.substr(1);
        if (end == std::string::npos) break;
        start = end + 2;
    }
    EXPECT_EQ(unfolded, line);
    EXPECT_EQ(ical_fold("kort"), "kort");
}

TEST(Ical, WritesLocalTimesWithTheAmsterdamZoneInSummerAndWinter) {
    const auto summer = event_at("2018-10-18T16:00");
    auto winter = event_at("2018-12-06T16:00");
    winter.id = 9;
    winter.status = domain::EventStatus::cancelled;
    const std::string calendar = ical_calendar({{&summer, "https://x/events/7", "Inholland, Rotterdam", ""},
                                                {&winter, "https://x/events/9", "", "Tekst"}},
                                               "kenniscafe.test", *time::parse_iso8601("2026-11-29T12:00:00Z"),
                                               "Kenniscafés");
    EXPECT_NE(calendar.find("DTSTART;TZID=Europe/Amsterdam:20181018T160000\r\n"), std::string::npos);
    EXPECT_NE(calendar.find("DTSTART;TZID=Europe/Amsterdam:20181206T160000\r\n"), std::string::npos);
    EXPECT_NE(calendar.find("DTSTAMP:20261129T120000Z\r\n"), std::string::npos);
    EXPECT_NE(calendar.find("UID:event-7@kenniscafe.test\r\n"), std::string::npos);
    EXPECT_NE(calendar.find("SUMMARY:Verbondenheid\\, veerkracht\\; en meer\r\n"), std::string::npos);
    EXPECT_NE(calendar.find("LOCATION:Inholland\\, Rotterdam\r\n"), std::string::npos);
    EXPECT_NE(calendar.find("BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam\r\n"), std::string::npos);
    EXPECT_NE(calendar.find("STATUS:CANCELLED"), std::string::npos);
    EXPECT_EQ(calendar.rfind("END:VCALENDAR\r\n"), calendar.size() - 15);
    // Every line ends in CRLF: no bare line feeds.
    for (std::size_t i = 0; i < calendar.size(); ++i) {
        if (calendar[i] == '\n') {
            ASSERT_EQ(calendar[i - 1], '\r');
        }
    }
}

TEST(SvgChart, EscapesLabelsAndScalesBars) {
    BarChart chart;
    chart.title = "Bezoekers <per> groep";
    chart.bars = {{"Gemeente & co", {20}}, {"Bewoner", {10}}};
    const std::string svg = svg_bar_chart(chart);
    EXPECT_NE(svg.find("Bezoekers &lt;per&gt; groep"), std::string::npos);
    EXPECT_NE(svg.find("Gemeente &amp; co"), std::string::npos);
    EXPECT_EQ(svg.find("<per>"), std::string::npos);
    std::smatch match;
    std::vector<double> widths;
    std::string rest = svg;
    while (std::regex_search(rest, match, std::regex("<rect x=\"[0-9.]+\" y=\"[0-9.]+\" width=\"([0-9.]+)\""))) {
        widths.push_back(std::stod(match[1]));
        rest = match.suffix();
    }
    ASSERT_EQ(widths.size(), 2u);
    EXPECT_NEAR(widths[0], 2 * widths[1], 0.2);
    EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
}

TEST(SvgChart, StacksSeriesWithALegend) {
    BarChart chart;
    chart.series_names = {"Nieuw", "Terugkerend"};
    chart.bars = {{"Student", {3, 1}}};
    const std::string svg = svg_bar_chart(chart);
    EXPECT_NE(svg.find("Nieuw"), std::string::npos);
    EXPECT_NE(svg.find(">4</text>"), std::string::npos) << "the total is shown";
}

TEST(SvgChart, EmptyAndZeroChartsRender) {
    EXPECT_NE(svg_bar_chart(BarChart{}).find("</svg>"), std::string::npos);
    BarChart zeros;
    zeros.bars = {{"Markt", {0}}};
    const std::string svg = svg_bar_chart(zeros);
    EXPECT_EQ(svg.find("nan"), std::string::npos);
    EXPECT_NE(svg.find(">0</text>"), std::string::npos);
}

}  // namespace
}  // namespace kc::reports
