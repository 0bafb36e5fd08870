#include "web/werkteams/werkteam_views.hpp"

#include <map>
#include <set>

#include "web/paging_view.hpp"
#include "web/view_helpers.hpp"

namespace kc::web {

namespace {

using kainjow::mustache::data;

int digits(std::string_view text) {
    int value = 0;
    for (const char c : text) value = value * 10 + (c - '0');
    return value;
}

}  // namespace

std::string theme_title(app::Queries& queries, std::optional<std::int64_t> theme_id) {
    if (!theme_id) return {};
    const auto theme = queries.theme(*theme_id);
    return theme ? theme->title : std::string();
}

std::string calendar_date_text(std::string_view date, const Catalogue& texts) {
    if (!domain::is_calendar_date(date)) return std::string(date);
    return std::to_string(digits(date.substr(8, 2))) + " " +
           texts.text("date.month_" + std::to_string(digits(date.substr(5, 2)))) + " " +
           std::string(date.substr(0, 4));
}

std::string werkteam_period(const domain::Werkteam& werkteam, const Catalogue& texts) {
    const std::string start = calendar_date_text(werkteam.started_on, texts);
    if (!werkteam.ended_on) return texts.text("werkteams.since") + " " + start;
    return start + " – " + calendar_date_text(*werkteam.ended_on, texts);
}

data werkteam_data(const domain::Werkteam& werkteam, const std::string& theme_title,
                   const Catalogue& texts) {
    data values(data::type::object);
    values.set("id", std::to_string(werkteam.id));
    values.set("name", werkteam.name);
    values.set("period", werkteam_period(werkteam, texts));
    values.set("has_ended", werkteam.ended_on.has_value());
    set_if_present(values, "description", werkteam.description);
    set_if_present(values, "theme_title", theme_title);
    return values;
}

data team_list_data(const Visit& visit, app::Queries& queries, std::int64_t werkplaats_id,
                    const WerkteamBounds& bounds) {
    const auto page =
        queries.werkteams({werkplaats_id, std::nullopt},
                          page_request(visit, bounds.teams_per_page, bounds.max_per_page));
    data teams(data::type::list);
    for (const auto& werkteam : page.items) {
        teams.push_back(
            werkteam_data(werkteam, theme_title(queries, werkteam.theme_id), *visit.texts));
    }
    data values(data::type::object);
    values.set("teams", teams);
    values.set("has_teams", page.total > 0);
    values.set("paging", pagination_data(visit, page.total, page.request));
    return values;
}

std::string group_name(const std::vector<domain::StakeholderGroup>& groups, std::int64_t id) {
    for (const auto& group : groups) {
        if (group.id == id) return group.name;
    }
    return {};
}

data meeting_data(const domain::WerkteamMeeting& meeting,
                  const std::vector<domain::StakeholderGroup>& groups, const Catalogue& texts) {
    data values(data::type::object);
    values.set("id", std::to_string(meeting.id));
    values.set("format", texts.text("event_type." + std::string(domain::to_slug(meeting.format))));
    values.set("date", calendar_date_text(meeting.held_on, texts));
    values.set("held_on", meeting.held_on);
    set_if_present(values, "place", meeting.place);
    set_if_present(values, "summary", meeting.summary);
    std::string attendance;
    int total = 0;
    for (const auto& counted : meeting.attendance) {
        if (!attendance.empty()) attendance += ", ";
        attendance += group_name(groups, counted.group_id) + " " + std::to_string(counted.count);
        total += counted.count;
    }
    values.set("has_attendance", total > 0);
    values.set("attendance", attendance);
    values.set("attendance_total", std::to_string(total));
    return values;
}

data product_data(const domain::WerkteamProduct& product, const Catalogue& texts) {
    data values(data::type::object);
    values.set("id", std::to_string(product.id));
    values.set("title", product.title);
    values.set("kind", texts.text("werkteams.kind." + std::string(domain::to_slug(product.kind))));
    values.set("date", calendar_date_text(product.published_on, texts));
    values.set("published_on", product.published_on);
    set_if_present(values, "link", product.link);
    return values;
}

data public_members_data(const std::vector<domain::WerkteamMember>& members,
                         const std::vector<domain::StakeholderGroup>& groups,
                         const Catalogue& texts) {
    std::map<std::int64_t, int> per_group;
    std::set<std::string> organisations;
    data named(data::type::list);
    for (const auto& member : members) {
        ++per_group[member.group_id];
        if (!member.organisation.empty()) organisations.insert(member.organisation);
        if (member.name_public) {
            data item(data::type::object);
            item.set("name", member.name);
            item.set("role",
                     texts.text("werkteams.role." + std::string(domain::to_slug(member.role))));
            set_if_present(item, "organisation", member.organisation);
            named.push_back(item);
        }
    }
    data by_group(data::type::list);
    // In the Werkplaats's order of groups; members without a group come last.
    for (const auto& group : groups) {
        const auto found = per_group.find(group.id);
        if (found == per_group.end()) continue;
        data item(data::type::object);
        item.set("group", group.name);
        item.set("count", std::to_string(found->second));
        by_group.push_back(item);
    }
    if (const auto unknown = per_group.find(0); unknown != per_group.end()) {
        data item(data::type::object);
        item.set("group", texts.text("werkteams.no_group"));
        item.set("count", std::to_string(unknown->second));
        by_group.push_back(item);
    }
    std::string organisation_list;
    for (const auto& organisation : organisations) {
        if (!organisation_list.empty()) organisation_list += ", ";
        organisation_list += organisation;
    }
    data values(data::type::object);
    values.set("member_count", std::to_string(members.size()));
    values.set("has_members", !members.empty());
    values.set("by_group", by_group);
    values.set("organisations", organisation_list);
    values.set("has_organisations", !organisations.empty());
    values.set("named", named);
    values.set("has_named", !named.is_empty_list());
    return values;
}

}  // namespace kc::web
