#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/time.hpp"
#include "domain/event.hpp"

namespace kc::reports {

// One event as it goes into a calendar, with the texts the caller prepared. The
// event must outlive the call; empty texts leave their property out.
struct IcalEventLink {
    const domain::Event* event = nullptr;
    std::string url;            // the event's public page
    std::string location_text;  // shown as LOCATION, e.g. "Inholland, Posthumalaan 90, Rotterdam"
    std::string description;    // shown as DESCRIPTION
};

// The usual link for an event: its location name and address as the location, and
// its description followed by its URL, because several calendar apps never show the
// URL property itself.
IcalEventLink ical_event_link(const domain::Event& event, std::string url);

// An iCalendar (RFC 5545) VCALENDAR with a Europe/Amsterdam VTIMEZONE and one VEVENT
// per event: escaped text, lines folded at 75 octets, CRLF line ends. `host` makes
// the UIDs ("event-7@host") globally unique; `now` is the DTSTAMP. Serves both the
// .ics of one event and the agenda feed.
std::string ical_calendar(const std::vector<IcalEventLink>& events, std::string_view host,
                          time::Timestamp now, std::string_view calendar_name);

// RFC 5545 TEXT escaping: backslash, semicolon and comma get a backslash, every line
// break (CRLF, CR or LF) becomes "\n", and other control characters are dropped.
std::string ical_escape(std::string_view text);

// Folds one content line (without its CRLF) into lines of at most 75 octets, never
// splitting a UTF-8 sequence; each continuation line starts with a space.
std::string ical_fold(std::string_view line);

}  // namespace kc::reports
