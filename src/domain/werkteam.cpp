#include "domain/werkteam.hpp"

#include <set>

#include "core/slug_table.hpp"
#include "core/text.hpp"
#include "core/validation.hpp"

namespace kc::domain {

namespace {

constexpr SlugTable<MemberRole, 2> member_role_slugs{{{
    {MemberRole::trekker, "trekker"},
    {MemberRole::member, "lid"},
}}};

constexpr SlugTable<ProductKind, 7> product_kind_slugs{{{
    {ProductKind::guide, "handreiking"},
    {ProductKind::advice, "advies"},
    {ProductKind::case_collection, "casusboek"},
    {ProductKind::method, "werkvorm"},
    {ProductKind::article, "artikel"},
    {ProductKind::video, "video"},
    {ProductKind::other, "anders"},
}}};

using validation::Lines;
using validation::Presence;

void check_date(FieldErrors& errors, std::string_view field, std::string_view date) {
    if (!is_calendar_date(date)) errors.push_back({std::string(field), "error.invalid_date"});
}

}  // namespace

std::string_view to_slug(MemberRole role) { return member_role_slugs.slug(role); }
std::string_view to_slug(ProductKind kind) { return product_kind_slugs.slug(kind); }
std::optional<MemberRole> member_role_from_slug(std::string_view slug) {
    return member_role_slugs.value(slug);
}
std::optional<ProductKind> product_kind_from_slug(std::string_view slug) {
    return product_kind_slugs.value(slug);
}
const std::vector<ProductKind>& all_product_kinds() {
    static const std::vector<ProductKind> kinds = product_kind_slugs.values();
    return kinds;
}

bool is_calendar_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    for (const std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
        if (text[i] < '0' || text[i] > '9') return false;
    }
    const auto number = [&](std::size_t from, std::size_t length) {
        int value = 0;
        for (std::size_t i = from; i < from + length; ++i) value = value * 10 + (text[i] - '0');
        return value;
    };
    const time::LocalDateTime day{number(0, 4), number(5, 2), number(8, 2), 0, 0, 0};
    return day.year >= 1900 && time::is_valid(day);
}

FieldErrors validate(const Werkteam& werkteam) {
    FieldErrors errors;
    validation::check_text(errors, "name", werkteam.name, Presence::required, WerkteamLimits::name);
    validation::check_text(errors, "description", werkteam.description, Presence::optional,
                           WerkteamLimits::description, Lines::multiple);
    check_date(errors, "started_on", werkteam.started_on);
    if (werkteam.ended_on) {
        if (!is_calendar_date(*werkteam.ended_on)) {
            errors.push_back({"ended_on", "error.invalid_date"});
        } else if (is_calendar_date(werkteam.started_on) &&
                   *werkteam.ended_on < werkteam.started_on) {
            // "YYYY-MM-DD" sorts as the calendar does.
            errors.push_back({"ended_on", "werkteams.error.ends_before_start"});
        }
    }
    return errors;
}

FieldErrors validate(const WerkteamMember& member) {
    FieldErrors errors;
    validation::check_text(errors, "name", member.name, Presence::required,
                           WerkteamLimits::member_name);
    validation::check_text(errors, "organisation", member.organisation, Presence::optional,
                           WerkteamLimits::organisation);
    const std::size_t before = errors.size();
    validation::check_text(errors, "email", member.email, Presence::optional,
                           WerkteamLimits::email);
    if (errors.size() == before && !text::trim(member.email).empty() &&
        !text::normalize_email(member.email)) {
        errors.push_back({"email", "error.invalid_email"});
    }
    return errors;
}

FieldErrors validate(const WerkteamMeeting& meeting) {
    FieldErrors errors;
    check_date(errors, "held_on", meeting.held_on);
    validation::check_text(errors, "place", meeting.place, Presence::optional,
                           WerkteamLimits::place);
    validation::check_text(errors, "summary", meeting.summary, Presence::optional,
                           WerkteamLimits::summary, Lines::multiple);
    std::set<std::int64_t> groups;
    for (const auto& counted : meeting.attendance) {
        const std::string field = "attendance_" + std::to_string(counted.group_id);
        if (counted.count < 1 || counted.count > WerkteamLimits::attendance_per_group) {
            errors.push_back(
                {field, "werkteams.error.count_range", WerkteamLimits::attendance_per_group});
        } else if (!groups.insert(counted.group_id).second) {
            errors.push_back({field, "werkteams.error.group_twice"});
        }
    }
    return errors;
}

FieldErrors validate(const WerkteamProduct& product) {
    FieldErrors errors;
    validation::check_text(errors, "title", product.title, Presence::required,
                           WerkteamLimits::product_title);
    check_date(errors, "published_on", product.published_on);
    const std::size_t before = errors.size();
    validation::check_text(errors, "link", product.link, Presence::optional, WerkteamLimits::link);
    const std::string link = text::ascii_lower(product.link);
    if (errors.size() == before && !product.link.empty() &&
        ((!link.starts_with("https://") && !link.starts_with("http://")) ||
         product.link.find_first_of(" \"<>") != std::string::npos)) {
        errors.push_back({"link", "error.invalid_url"});
    }
    return errors;
}

bool is_active(const Werkteam& werkteam, std::string_view today) {
    return werkteam.started_on <= today && (!werkteam.ended_on || *werkteam.ended_on >= today);
}

}  // namespace kc::domain
