#include "reports/ical.hpp"

#include <algorithm>
#include <array>
#include <iterator>

namespace kc::reports {

namespace {

constexpr std::size_t max_line_octets = 75;

// The EU rule Europe/Amsterdam has followed since 1996: summer time from the last
// Sunday of March 02:00 to the last Sunday of October 03:00 local time. Calendar
// apps need it to place the local DTSTART and DTEND on the right instant.
constexpr std::array<std::string_view, 17> amsterdam_timezone_lines = {
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Amsterdam",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
};

bool is_control(char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 || byte == 0x7F;
}

// The number of octets of the UTF-8 sequence that starts with `lead`; a stray
// continuation byte counts as one, so malformed input still folds.
std::size_t utf8_sequence_length(unsigned char lead) {
    if (lead >= 0xF0) return 4;
    if (lead >= 0xE0) return 3;
    if (lead >= 0xC0) return 2;
    return 1;
}

// URIs and host names are not TEXT and are not escaped, but a control character
// in them would end the content line early, so it is dropped.
std::string without_controls(std::string_view value) {
    std::string cleaned;
    cleaned.reserve(value.size());
    std::copy_if(value.begin(), value.end(), std::back_inserter(cleaned),
                 [](char c) { return !is_control(c); });
    return cleaned;
}

void add_line(std::string& out, std::string_view line) {
    out += ical_fold(line);
    out += "\r\n";
}

void add_text_property(std::string& out, std::string_view name, std::string_view text) {
    if (text.empty()) return;
    add_line(out, std::string(name) + ":" + ical_escape(text));
}

// Writes a local wall-clock time, which calendar apps resolve with the VTIMEZONE above.
void add_local_time(std::string& out, std::string_view name, time::Timestamp instant) {
    add_line(out,
             std::string(name) + ";TZID=Europe/Amsterdam:" + time::format_ical_amsterdam(instant));
}

void add_event(std::string& out, const IcalEventLink& link, std::string_view host,
               const std::string& stamp) {
    const domain::Event& event = *link.event;
    add_line(out, "BEGIN:VEVENT");
    add_line(out, "UID:event-" + std::to_string(event.id) + "@" + without_controls(host));
    add_line(out, "DTSTAMP:" + stamp);
    add_local_time(out, "DTSTART", event.details.starts_at);
    // Without a DTEND a calendar app reads the event as ending when it starts, which
    // is better than an end before the start, which apps reject.
    if (event.details.ends_at > event.details.starts_at) {
        add_local_time(out, "DTEND", event.details.ends_at);
    }
    if (event.updated_at > 0) {
        add_line(out, "LAST-MODIFIED:" + time::format_ical_utc(event.updated_at));
    }
    add_line(out, "SUMMARY:" + ical_escape(event.details.title));
    add_text_property(out, "LOCATION", link.location_text);
    add_text_property(out, "DESCRIPTION", link.description);
    if (!link.url.empty()) add_line(out, "URL:" + without_controls(link.url));
    add_line(out, event.status == domain::EventStatus::cancelled ? "STATUS:CANCELLED"
                                                                 : "STATUS:CONFIRMED");
    add_line(out, "END:VEVENT");
}

}  // namespace

IcalEventLink ical_event_link(const domain::Event& event, std::string url) {
    const domain::EventDetails& details = event.details;
    std::string location = details.location_name;
    if (!location.empty() && !details.location_address.empty()) location += ", ";
    location += details.location_address;
    std::string description = details.description;
    if (!description.empty() && !url.empty()) description += "\n\n";
    description += url;
    return {&event, std::move(url), std::move(location), std::move(description)};
}

std::string ical_escape(std::string_view text) {
    std::string escaped;
    escaped.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\\' || c == ';' || c == ',') {
            escaped.push_back('\\');
            escaped.push_back(c);
        } else if (c == '\r' || c == '\n') {
            // A CRLF pair is one line break, not two.
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            escaped += "\\n";
        } else if (c == '\t' || !is_control(c)) {
            escaped.push_back(c);
        }
    }
    return escaped;
}

std::string ical_fold(std::string_view line) {
    std::string folded;
    folded.reserve(line.size() + line.size() / max_line_octets * 3);
    std::size_t octets_on_line = 0;
    for (std::size_t i = 0; i < line.size();) {
        const std::size_t length =
            std::min(utf8_sequence_length(static_cast<unsigned char>(line[i])), line.size() - i);
        if (octets_on_line + length > max_line_octets) {
            folded += "\r\n ";
            octets_on_line = 1;  // The leading space counts towards the limit.
        }
        folded.append(line.substr(i, length));
        octets_on_line += length;
        i += length;
    }
    return folded;
}

std::string ical_calendar(const std::vector<IcalEventLink>& events, std::string_view host,
                          time::Timestamp now, std::string_view calendar_name) {
    std::string out;
    add_line(out, "BEGIN:VCALENDAR");
    add_line(out, "VERSION:2.0");
    add_line(out, "PRODID:-//Kenniscafe//Kenniscafe agenda//NL");
    add_line(out, "CALSCALE:GREGORIAN");
    add_line(out, "METHOD:PUBLISH");
    add_text_property(out, "X-WR-CALNAME", calendar_name);
    add_line(out, "X-WR-TIMEZONE:Europe/Amsterdam");
    for (const std::string_view line : amsterdam_timezone_lines) add_line(out, line);
    const std::string stamp = time::format_ical_utc(now);
    for (const IcalEventLink& link : events) add_event(out, link, host, stamp);
    add_line(out, "END:VCALENDAR");
    return out;
}

}  // namespace kc::reports
