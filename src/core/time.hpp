#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kc::time {

// Seconds since 1970-01-01T00:00:00Z. All instants are stored and compared in UTC;
// Europe/Amsterdam is only how they are read and shown, because every Werkplaats
// is in the Netherlands.
using Timestamp = std::int64_t;

struct LocalDateTime {
    int year = 1970;
    int month = 1;  // 1..12
    int day = 1;    // 1..31
    int hour = 0;
    int minute = 0;
    int second = 0;
};

// Days since 1970-01-01 of a proleptic Gregorian date, and back.
std::int64_t days_from_civil(int year, int month, int day);
LocalDateTime civil_from_seconds(Timestamp utc_seconds);

// 0 = Sunday ... 6 = Saturday.
int weekday(Timestamp utc_seconds, int offset_seconds);

// The offset of Europe/Amsterdam from UTC at an instant: +1 h in winter, +2 h in
// summer (EU rule: from the last Sunday of March 01:00 UTC to the last Sunday of
// October 01:00 UTC).
int amsterdam_offset_seconds(Timestamp utc_seconds);

LocalDateTime to_amsterdam(Timestamp utc_seconds);

// The instant a wall-clock time in Amsterdam denotes. In the autumn overlap the
// earlier (summer time) instant is chosen; in the spring gap the time is read with
// the winter offset, so it lands one hour later, as clocks do.
Timestamp from_amsterdam(const LocalDateTime& local);

// True when the fields form a real calendar date and time.
bool is_valid(const LocalDateTime& local);

// Parses "YYYY-MM-DDTHH:MM[:SS]" optionally followed by "Z" or "+HH:MM"/"-HH:MM";
// a space may replace the "T". Without an offset the time is Amsterdam time.
std::optional<Timestamp> parse_iso8601(std::string_view text);

// "2018-10-18T16:00:00+02:00", in Amsterdam time with its offset.
std::string format_iso8601_amsterdam(Timestamp utc_seconds);

// "20181018T140000Z" (iCalendar UTC form).
std::string format_ical_utc(Timestamp utc_seconds);

// "20181018T160000" (iCalendar local form, used with TZID=Europe/Amsterdam).
std::string format_ical_amsterdam(Timestamp utc_seconds);

// "2018-10-18" and "16:00" in Amsterdam time, as HTML date and time inputs use them.
std::string format_date_input(Timestamp utc_seconds);
std::string format_time_input(Timestamp utc_seconds);

}  // namespace kc::time
