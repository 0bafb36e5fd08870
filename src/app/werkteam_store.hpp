#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/paging.hpp"
#include "domain/event.hpp"
#include "domain/werkteam.hpp"

namespace kc::app {

struct WerkteamFilter {
    std::int64_t werkplaats_id = 0;
    std::optional<std::int64_t> theme_id;
};

// A person's place in a team, found by her e-mail address (the AVG's right to see and erase).
struct WerkteamMembership {
    domain::WerkteamMember member;
    std::string werkteam_name;
};

// The werkteam reads; `Queries` extends this (src/storage/sqlite/sqlite_werkteams.cpp).
class WerkteamQueries {
  public:
    virtual ~WerkteamQueries() = default;

    virtual std::optional<domain::Werkteam> werkteam(std::int64_t id) = 0;
    // The teams at work first, then the ended ones; the most recently started first.
    virtual Page<domain::Werkteam> werkteams(const WerkteamFilter& filter,
                                             const PageRequest& page) = 0;
    // A team's members, trekkers first, then by name; a team holds at most
    // WerkteamLimits::members of them.
    virtual std::vector<domain::WerkteamMember> werkteam_members(std::int64_t werkteam_id) = 0;
    // The places in the Werkplaats's teams of whoever has this (normalised) e-mail address.
    virtual std::vector<WerkteamMembership> werkteam_memberships_by_email(
        std::int64_t werkplaats_id, const std::string& email) = 0;
    // The latest meeting first, each with its attendance per group.
    virtual Page<domain::WerkteamMeeting> werkteam_meetings(std::int64_t werkteam_id,
                                                            const PageRequest& page) = 0;
    // The latest product first.
    virtual Page<domain::WerkteamProduct> werkteam_products(std::int64_t werkteam_id,
                                                            const PageRequest& page) = 0;
    // The events that belong to the team, the latest first; `published_only` keeps the
    // drafts out, for the public.
    virtual Page<domain::Event> werkteam_events(std::int64_t werkteam_id, bool published_only,
                                                const PageRequest& page) = 0;
    // The team an event belongs to, if any.
    virtual std::optional<std::int64_t> event_werkteam(std::int64_t event_id) = 0;
};

// The werkteam writes; `Transaction` extends this. Removals name the team as well as the
// thing removed and report whether it was found there, so a form cannot reach another
// team's members, meetings or products.
class WerkteamWrites {
  public:
    virtual ~WerkteamWrites() = default;

    virtual std::int64_t insert_werkteam(const domain::Werkteam& werkteam, time::Timestamp now) = 0;
    virtual void update_werkteam(const domain::Werkteam& werkteam, time::Timestamp now) = 0;
    virtual std::int64_t insert_werkteam_member(const domain::WerkteamMember& member) = 0;
    virtual bool delete_werkteam_member(std::int64_t werkteam_id, std::int64_t member_id) = 0;
    // With its attendance per group.
    virtual std::int64_t insert_werkteam_meeting(const domain::WerkteamMeeting& meeting) = 0;
    virtual bool delete_werkteam_meeting(std::int64_t werkteam_id, std::int64_t meeting_id) = 0;
    virtual std::int64_t insert_werkteam_product(const domain::WerkteamProduct& product) = 0;
    virtual bool delete_werkteam_product(std::int64_t werkteam_id, std::int64_t product_id) = 0;
    // Puts an event in a team, or takes it out of its team with nullopt.
    virtual void set_event_werkteam(std::int64_t event_id,
                                    std::optional<std::int64_t> werkteam_id) = 0;
    // Erases the e-mail addresses of the members of a Werkplaats's teams that ended before
    // `ended_before` ("YYYY-MM-DD"); returns how many were erased.
    virtual int erase_werkteam_member_emails(std::int64_t werkplaats_id,
                                             const std::string& ended_before) = 0;
};

}  // namespace kc::app
