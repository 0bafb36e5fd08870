#include "core/time.hpp"

#include <cstdio>

#include "core/text.hpp"

namespace kc::time {

namespace {

constexpr Timestamp seconds_per_day = 86'400;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap_year(year) ? 29 : days[month - 1];
}

// 01:00 UTC on the last Sunday of the month: when EU clocks change.
Timestamp last_sunday_one_utc(int year, int month) {
    const int last_day = days_in_month(year, month);
    const std::int64_t days = days_from_civil(year, month, last_day);
    const int weekday_of_last =
        static_cast<int>(((days % 7) + 11) % 7);  // 1970-01-01 was a Thursday
    return (days - weekday_of_last) * seconds_per_day + 3'600;
}

std::optional<int> take_number(std::string_view text, std::size_t& position, std::size_t digits) {
    if (position + digits > text.size()) return std::nullopt;
    const auto value = text::parse_integer(text.substr(position, digits), 0, 9999);
    if (!value) return std::nullopt;
    position += digits;
    return static_cast<int>(*value);
}

bool take_char(std::string_view text, std::size_t& position, char expected) {
    if (position >= text.size() || text[position] != expected) return false;
    ++position;
    return true;
}

}  // namespace

std::int64_t days_from_civil(int year, int month, int day) {
    // Howard Hinnant's algorithm.
    const int y = year - (month <= 2);
    const std::int64_t era = floor_div(y, 400);
    const auto year_of_era = static_cast<unsigned>(y - era * 400);
    const auto day_of_year =
        static_cast<unsigned>((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1);
    const unsigned day_of_era =
        year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146'097 + static_cast<std::int64_t>(day_of_era) - 719'468;
}

LocalDateTime civil_from_seconds(Timestamp utc_seconds) {
    const std::int64_t days = floor_div(utc_seconds, seconds_per_day);
    const std::int64_t seconds_of_day = utc_seconds - days * seconds_per_day;
    const std::int64_t z = days + 719'468;
    const std::int64_t era = floor_div(z, 146'097);
    const auto day_of_era = static_cast<unsigned>(z - era * 146'097);
    const unsigned year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146'096) / 365;
    const unsigned day_of_year =
        day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const unsigned mp = (5 * day_of_year + 2) / 153;
    LocalDateTime result;
    result.day = static_cast<int>(day_of_year - (153 * mp + 2) / 5 + 1);
    result.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    result.year =
        static_cast<int>(static_cast<std::int64_t>(year_of_era) + era * 400 + (result.month <= 2));
    result.hour = static_cast<int>(seconds_of_day / 3600);
    result.minute = static_cast<int>(seconds_of_day % 3600 / 60);
    result.second = static_cast<int>(seconds_of_day % 60);
    return result;
}

int weekday(Timestamp utc_seconds, int offset_seconds) {
    const std::int64_t days = floor_div(utc_seconds + offset_seconds, seconds_per_day);
    return static_cast<int>(((days % 7) + 11) % 7);
}

int amsterdam_offset_seconds(Timestamp utc_seconds) {
    const int year = civil_from_seconds(utc_seconds).year;
    const bool summer =
        utc_seconds >= last_sunday_one_utc(year, 3) && utc_seconds < last_sunday_one_utc(year, 10);
    return summer ? 7'200 : 3'600;
}

LocalDateTime to_amsterdam(Timestamp utc_seconds) {
    return civil_from_seconds(utc_seconds + amsterdam_offset_seconds(utc_seconds));
}

Timestamp from_amsterdam(const LocalDateTime& local) {
    const Timestamp as_if_utc =
        days_from_civil(local.year, local.month, local.day) * seconds_per_day + local.hour * 3'600 +
        local.minute * 60 + local.second;
    const Timestamp summer_reading = as_if_utc - 7'200;
    if (amsterdam_offset_seconds(summer_reading) == 7'200) return summer_reading;
    return as_if_utc - 3'600;
}

bool is_valid(const LocalDateTime& local) {
    return local.year >= 1900 && local.year <= 9999 && local.month >= 1 && local.month <= 12 &&
           local.day >= 1 && local.day <= days_in_month(local.year, local.month) &&
           local.hour >= 0 && local.hour <= 23 && local.minute >= 0 && local.minute <= 59 &&
           local.second >= 0 && local.second <= 59;
}

std::optional<Timestamp> parse_iso8601(std::string_view text) {
    std::size_t position = 0;
    LocalDateTime local;
    const auto year = take_number(text, position, 4);
    if (!year || !take_char(text, position, '-')) return std::nullopt;
    const auto month = take_number(text, position, 2);
    if (!month || !take_char(text, position, '-')) return std::nullopt;
    const auto day = take_number(text, position, 2);
    if (!day) return std::nullopt;
    if (!take_char(text, position, 'T') && !take_char(text, position, ' ')) return std::nullopt;
    const auto hour = take_number(text, position, 2);
    if (!hour || !take_char(text, position, ':')) return std::nullopt;
    const auto minute = take_number(text, position, 2);
    if (!minute) return std::nullopt;
    int second = 0;
    if (take_char(text, position, ':')) {
        const auto parsed_second = take_number(text, position, 2);
        if (!parsed_second) return std::nullopt;
        second = *parsed_second;
    }
    local = {*year, *month, *day, *hour, *minute, second};
    if (!is_valid(local)) return std::nullopt;
    if (position == text.size()) return from_amsterdam(local);

    const Timestamp as_if_utc =
        days_from_civil(local.year, local.month, local.day) * seconds_per_day + local.hour * 3'600 +
        local.minute * 60 + local.second;
    if (take_char(text, position, 'Z')) {
        return position == text.size() ? std::optional<Timestamp>(as_if_utc) : std::nullopt;
    }
    int sign = 0;
    if (take_char(text, position, '+')) {
        sign = 1;
    } else if (take_char(text, position, '-')) {
        sign = -1;
    } else {
        return std::nullopt;
    }
    const auto offset_hours = take_number(text, position, 2);
    if (!offset_hours || !take_char(text, position, ':')) return std::nullopt;
    const auto offset_minutes = take_number(text, position, 2);
    if (!offset_minutes || position != text.size() || *offset_hours > 14 || *offset_minutes > 59) {
        return std::nullopt;
    }
    return as_if_utc - sign * (*offset_hours * 3'600 + *offset_minutes * 60);
}

std::string format_iso8601_amsterdam(Timestamp utc_seconds) {
    const int offset = amsterdam_offset_seconds(utc_seconds);
    const LocalDateTime l = civil_from_seconds(utc_seconds + offset);
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d+%02d:00", l.year, l.month,
                  l.day, l.hour, l.minute, l.second, offset / 3'600);
    return buffer;
}

std::string format_ical_utc(Timestamp utc_seconds) {
    const LocalDateTime l = civil_from_seconds(utc_seconds);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d%02d%02dT%02d%02d%02dZ", l.year, l.month, l.day,
                  l.hour, l.minute, l.second);
    return buffer;
}

std::string format_ical_amsterdam(Timestamp utc_seconds) {
    const LocalDateTime l = to_amsterdam(utc_seconds);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d%02d%02dT%02d%02d%02d", l.year, l.month, l.day,
                  l.hour, l.minute, l.second);
    return buffer;
}

std::string format_date_input(Timestamp utc_seconds) {
    const LocalDateTime l = to_amsterdam(utc_seconds);
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", l.year, l.month, l.day);
    return buffer;
}

std::string format_time_input(Timestamp utc_seconds) {
    const LocalDateTime l = to_amsterdam(utc_seconds);
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "%02d:%02d", l.hour, l.minute);
    return buffer;
}

}  // namespace kc::time
