#include "app/werkteams.hpp"

#include <algorithm>

namespace kc::app {

namespace {

WerkteamOutcome invalid(FieldErrors errors) {
    return {WerkteamResult::invalid, std::move(errors), 0};
}

WerkteamOutcome done(std::int64_t id) { return {WerkteamResult::done, {}, id}; }

bool is_own_group(Queries& queries, std::int64_t werkplaats_id, std::int64_t group_id) {
    const auto groups = queries.groups(werkplaats_id);
    return std::any_of(groups.begin(), groups.end(),
                       [&](const auto& group) { return group.id == group_id; });
}

bool is_own_theme(Queries& queries, std::int64_t werkplaats_id, std::int64_t theme_id) {
    const auto theme = queries.theme(theme_id);
    return theme && theme->werkplaats_id == werkplaats_id;
}

FieldErrors check_werkteam(Queries& queries, const domain::Werkteam& werkteam) {
    auto errors = domain::validate(werkteam);
    if (werkteam.theme_id && !is_own_theme(queries, werkteam.werkplaats_id, *werkteam.theme_id)) {
        errors.push_back({"theme_id", "error.choose_option"});
    }
    return errors;
}

std::optional<domain::Event> own_event(Queries& queries, std::int64_t werkplaats_id,
                                       std::int64_t event_id) {
    auto event = queries.event(event_id);
    if (!event || event->werkplaats_id != werkplaats_id) return std::nullopt;
    return event;
}

std::int64_t insert_part(Transaction& tx, const domain::WerkteamMember& member) {
    return tx.insert_werkteam_member(member);
}
std::int64_t insert_part(Transaction& tx, const domain::WerkteamMeeting& meeting) {
    return tx.insert_werkteam_meeting(meeting);
}
std::int64_t insert_part(Transaction& tx, const domain::WerkteamProduct& product) {
    return tx.insert_werkteam_product(product);
}

// Adds a member, meeting or product to a team of the Werkplaats once it passes its
// validation and `check`, which adds what only the store can tell (a group of the
// Werkplaats, room in the team).
template <typename Part, typename Check>
WerkteamOutcome add_part(Transaction& tx, std::int64_t werkplaats_id, std::int64_t werkteam_id,
                         Part part, Check check) {
    if (!own_werkteam(tx, werkplaats_id, werkteam_id)) return {};
    part.werkteam_id = werkteam_id;
    auto errors = domain::validate(part);
    check(part, errors);
    if (!errors.empty()) return invalid(std::move(errors));
    return done(insert_part(tx, part));
}

}  // namespace

std::optional<domain::Werkteam> own_werkteam(Queries& queries, std::int64_t werkplaats_id,
                                             std::int64_t werkteam_id) {
    auto werkteam = queries.werkteam(werkteam_id);
    if (!werkteam || werkteam->werkplaats_id != werkplaats_id) return std::nullopt;
    return werkteam;
}

WerkteamOutcome create_werkteam(Transaction& tx, std::int64_t werkplaats_id,
                                domain::Werkteam werkteam, time::Timestamp now) {
    werkteam.werkplaats_id = werkplaats_id;
    auto errors = check_werkteam(tx, werkteam);
    if (!errors.empty()) return invalid(std::move(errors));
    return done(tx.insert_werkteam(werkteam, now));
}

WerkteamOutcome update_werkteam(Transaction& tx, std::int64_t werkplaats_id,
                                domain::Werkteam werkteam, time::Timestamp now) {
    if (!own_werkteam(tx, werkplaats_id, werkteam.id)) return {};
    werkteam.werkplaats_id = werkplaats_id;
    auto errors = check_werkteam(tx, werkteam);
    if (!errors.empty()) return invalid(std::move(errors));
    tx.update_werkteam(werkteam, now);
    return done(werkteam.id);
}

WerkteamOutcome add_werkteam_member(Transaction& tx, std::int64_t werkplaats_id,
                                    std::int64_t werkteam_id, domain::WerkteamMember member) {
    return add_part(
        tx, werkplaats_id, werkteam_id, std::move(member),
        [&](const domain::WerkteamMember& checked, FieldErrors& errors) {
            if (checked.group_id != 0 && !is_own_group(tx, werkplaats_id, checked.group_id)) {
                errors.push_back({"group_id", "error.choose_group"});
            }
            if (tx.werkteam_members(werkteam_id).size() >= domain::WerkteamLimits::members) {
                errors.push_back({"name", "error.too_many", domain::WerkteamLimits::members});
            }
        });
}

WerkteamOutcome add_werkteam_meeting(Transaction& tx, std::int64_t werkplaats_id,
                                     std::int64_t werkteam_id, domain::WerkteamMeeting meeting) {
    return add_part(tx, werkplaats_id, werkteam_id, std::move(meeting),
                    [&](const domain::WerkteamMeeting& checked, FieldErrors& errors) {
                        for (const auto& counted : checked.attendance) {
                            if (!is_own_group(tx, werkplaats_id, counted.group_id)) {
                                errors.push_back({"attendance", "error.choose_group"});
                                return;
                            }
                        }
                    });
}

WerkteamOutcome add_werkteam_product(Transaction& tx, std::int64_t werkplaats_id,
                                     std::int64_t werkteam_id, domain::WerkteamProduct product) {
    return add_part(tx, werkplaats_id, werkteam_id, std::move(product),
                    [](const domain::WerkteamProduct&, FieldErrors&) {});
}

WerkteamOutcome remove_from_werkteam(Transaction& tx, std::int64_t werkplaats_id,
                                     std::int64_t werkteam_id, WerkteamPart part,
                                     std::int64_t part_id) {
    if (!own_werkteam(tx, werkplaats_id, werkteam_id)) return {};
    bool removed = false;
    switch (part) {
        case WerkteamPart::member:
            removed = tx.delete_werkteam_member(werkteam_id, part_id);
            break;
        case WerkteamPart::meeting:
            removed = tx.delete_werkteam_meeting(werkteam_id, part_id);
            break;
        case WerkteamPart::product:
            removed = tx.delete_werkteam_product(werkteam_id, part_id);
            break;
    }
    return removed ? done(part_id) : WerkteamOutcome{};
}

WerkteamOutcome link_event(Transaction& tx, std::int64_t werkplaats_id, std::int64_t werkteam_id,
                           std::int64_t event_id) {
    if (!own_werkteam(tx, werkplaats_id, werkteam_id)) return {};
    if (!own_event(tx, werkplaats_id, event_id)) {
        return invalid({{"event_id", "error.event_not_found"}});
    }
    tx.set_event_werkteam(event_id, werkteam_id);
    return done(event_id);
}

WerkteamOutcome unlink_event(Transaction& tx, std::int64_t werkplaats_id, std::int64_t werkteam_id,
                             std::int64_t event_id) {
    if (!own_werkteam(tx, werkplaats_id, werkteam_id) || !own_event(tx, werkplaats_id, event_id) ||
        tx.event_werkteam(event_id) != werkteam_id) {
        return {};
    }
    tx.set_event_werkteam(event_id, std::nullopt);
    return done(event_id);
}

}  // namespace kc::app
