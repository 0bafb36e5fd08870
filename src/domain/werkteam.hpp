#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/field_error.hpp"
#include "core/time.hpp"
#include "domain/event.hpp"

namespace kc::domain {

// A werkteam: residents, practitioners, municipalities, students and researchers who work on
// one theme for months or years, meeting in several learning formats and making products.
// Dates are calendar dates "YYYY-MM-DD" (a team starts on a day, not at an instant).
struct Werkteam {
    std::int64_t id = 0;
    std::int64_t werkplaats_id = 0;
    std::string name;
    std::optional<std::int64_t> theme_id;
    std::string description;
    std::string started_on;
    std::optional<std::string> ended_on;  // absent while the team is at work
};

// What a member does in the team: a trekker leads it, a lid takes part.
enum class MemberRole { trekker, member };

struct WerkteamMember {
    std::int64_t id = 0;
    std::int64_t werkteam_id = 0;
    std::string name;
    std::int64_t group_id = 0;  // a stakeholder group of the Werkplaats; 0 when not known
    std::string organisation;
    MemberRole role = MemberRole::member;
    // Personal data for the team's contact only: never shown on a public page.
    std::string email;
    // The member agreed to be named on the public page; otherwise only her stakeholder group
    // and organisation are shown there.
    bool name_public = false;
};

// How many people of one stakeholder group came to a meeting.
struct GroupAttendance {
    std::int64_t group_id = 0;
    int count = 0;

    bool operator==(const GroupAttendance&) const = default;
};

// A meeting of the team in one of the learning formats (a focus group, a mirror meeting,
// a case discussion, ...): the event types, since a café is one of them too.
struct WerkteamMeeting {
    std::int64_t id = 0;
    std::int64_t werkteam_id = 0;
    EventType format = EventType::werkteam_meeting;
    std::string held_on;
    std::string place;
    std::string summary;
    std::vector<GroupAttendance> attendance;  // optional: empty when nobody counted
};

// What a team makes; a link to where it can be read or fetched.
enum class ProductKind { guide, advice, case_collection, method, article, video, other };

struct WerkteamProduct {
    std::int64_t id = 0;
    std::int64_t werkteam_id = 0;
    std::string title;
    ProductKind kind = ProductKind::guide;
    std::string link;  // optional; http(s) only
    std::string published_on;
};

std::string_view to_slug(MemberRole role);
std::string_view to_slug(ProductKind kind);
std::optional<MemberRole> member_role_from_slug(std::string_view slug);
std::optional<ProductKind> product_kind_from_slug(std::string_view slug);
const std::vector<ProductKind>& all_product_kinds();

// Limits on what a werkteam holds; longer input is refused, never cut off.
struct WerkteamLimits {
    static constexpr std::size_t name = 150;
    static constexpr std::size_t description = 5'000;
    static constexpr std::size_t member_name = 100;
    static constexpr std::size_t organisation = 150;
    static constexpr std::size_t email = 254;
    static constexpr std::size_t place = 150;
    static constexpr std::size_t summary = 5'000;
    static constexpr std::size_t product_title = 200;
    static constexpr std::size_t link = 1'000;
    static constexpr int attendance_per_group = 10'000;
    static constexpr std::size_t members = 200;
};

// True for a real calendar date written "YYYY-MM-DD".
bool is_calendar_date(std::string_view text);

// Checks a werkteam: a name, a start date, an end date (when given) not before it.
FieldErrors validate(const Werkteam& werkteam);
// Checks a member: a name, an e-mail address that looks like one when given. Whether the
// group belongs to the Werkplaats is for the caller, who knows its groups.
FieldErrors validate(const WerkteamMember& member);
// Checks a meeting: a date, sizes, counts between 1 and the limit, each group once.
FieldErrors validate(const WerkteamMeeting& meeting);
// Checks a product: a title, a date, a link that starts with http:// or https:// when given.
FieldErrors validate(const WerkteamProduct& product);

// Whether the team is still at work on `today` ("YYYY-MM-DD").
bool is_active(const Werkteam& werkteam, std::string_view today);

}  // namespace kc::domain
