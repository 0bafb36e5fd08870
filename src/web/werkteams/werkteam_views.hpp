#pragma once

#include <kainjow/mustache.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "app/store.hpp"
#include "domain/stakeholder_group.hpp"
#include "domain/werkteam.hpp"
#include "web/i18n.hpp"
#include "web/visit.hpp"

namespace kc::web {

// How much of its werkteams a page shows: the lists of teams and of a team's meetings are
// paged (`?page=`, `?limit=` up to max_per_page); a team makes a handful of products and has
// a handful of cafés a year, so those show the latest up to a bound, with their total.
struct WerkteamBounds {
    std::size_t teams_per_page;
    std::size_t meetings_per_page;
    std::size_t max_per_page;
    std::size_t products_shown;
    std::size_t events_shown;
};
inline constexpr WerkteamBounds organiser_bounds{25, 10, 100, 50, 50};
// Public pages stay well under 100 KB even with the longest texts a meeting may hold.
inline constexpr WerkteamBounds public_bounds{20, 10, 50, 30, 30};

// The title of a theme, or "" for none.
std::string theme_title(app::Queries& queries, std::optional<std::int64_t> theme_id);

// "1 februari 2019" / "1 February 2019" for a calendar date "YYYY-MM-DD".
std::string calendar_date_text(std::string_view date, const Catalogue& texts);

// "sinds 1 februari 2019" or "1 februari 2019 – 31 december 2021".
std::string werkteam_period(const domain::Werkteam& werkteam, const Catalogue& texts);

// A team's name, period, description and theme (theme_title may be empty) as template data.
kainjow::mustache::data werkteam_data(const domain::Werkteam& werkteam,
                                      const std::string& theme_title, const Catalogue& texts);

// The page of a Werkplaats's teams that the visit asks for: {teams, has_teams, paging}.
kainjow::mustache::data team_list_data(const Visit& visit, app::Queries& queries,
                                       std::int64_t werkplaats_id, const WerkteamBounds& bounds);

// The name of a group of the Werkplaats, or "" for an unknown one.
std::string group_name(const std::vector<domain::StakeholderGroup>& groups, std::int64_t id);

// A meeting's format, date, place, summary and attendance per group ("Bewoner 8, Gemeente 3").
kainjow::mustache::data meeting_data(const domain::WerkteamMeeting& meeting,
                                     const std::vector<domain::StakeholderGroup>& groups,
                                     const Catalogue& texts);

// A product's title, kind, date and link.
kainjow::mustache::data product_data(const domain::WerkteamProduct& product,
                                     const Catalogue& texts);

// The public view of the members: per stakeholder group how many, the organisations they
// come from (each once), and the names of those who agreed to be named.
kainjow::mustache::data public_members_data(const std::vector<domain::WerkteamMember>& members,
                                            const std::vector<domain::StakeholderGroup>& groups,
                                            const Catalogue& texts);

}  // namespace kc::web
