#pragma once

// Werkteams as use cases: a Werkplaats's long-running teams, their members, meetings,
// products and the events that belong to them. Every function takes the Werkplaats and
// touches only its teams, groups, themes and events; a team, theme, group or event of
// another Werkplaats is simply not found.

#include <cstdint>
#include <optional>

#include "app/store.hpp"

namespace kc::app {

enum class WerkteamResult { done, invalid, not_found };

struct WerkteamOutcome {
    WerkteamResult result = WerkteamResult::not_found;
    FieldErrors errors;  // catalogue keys, fields named as in the domain structs
    std::int64_t id = 0;
};

// A team of the Werkplaats, or nothing.
std::optional<domain::Werkteam> own_werkteam(Queries& queries, std::int64_t werkplaats_id,
                                             std::int64_t werkteam_id);

// Creates a team (werkteam.werkplaats_id is set here); its theme, when given, must be one of
// the Werkplaats's.
WerkteamOutcome create_werkteam(Transaction& tx, std::int64_t werkplaats_id,
                                domain::Werkteam werkteam, time::Timestamp now);
// Changes the team named by werkteam.id.
WerkteamOutcome update_werkteam(Transaction& tx, std::int64_t werkplaats_id,
                                domain::Werkteam werkteam, time::Timestamp now);

// Adds a member whose group, when given, is one of the Werkplaats's; at most
// WerkteamLimits::members per team.
WerkteamOutcome add_werkteam_member(Transaction& tx, std::int64_t werkplaats_id,
                                    std::int64_t werkteam_id, domain::WerkteamMember member);
// Adds a meeting whose attendance counts name groups of the Werkplaats.
WerkteamOutcome add_werkteam_meeting(Transaction& tx, std::int64_t werkplaats_id,
                                     std::int64_t werkteam_id, domain::WerkteamMeeting meeting);
WerkteamOutcome add_werkteam_product(Transaction& tx, std::int64_t werkplaats_id,
                                     std::int64_t werkteam_id, domain::WerkteamProduct product);

// What a removal takes out of a team.
enum class WerkteamPart { member, meeting, product };

// Removes a member, meeting or product of the team; not_found when the team does not hold it.
WerkteamOutcome remove_from_werkteam(Transaction& tx, std::int64_t werkplaats_id,
                                     std::int64_t werkteam_id, WerkteamPart part,
                                     std::int64_t part_id);

// Puts an event of the Werkplaats in the team (moving it from another team if it was in one).
WerkteamOutcome link_event(Transaction& tx, std::int64_t werkplaats_id, std::int64_t werkteam_id,
                           std::int64_t event_id);
// Takes an event of this team out of it.
WerkteamOutcome unlink_event(Transaction& tx, std::int64_t werkplaats_id, std::int64_t werkteam_id,
                             std::int64_t event_id);

}  // namespace kc::app
