#include "domain/harvest.hpp"

#include <algorithm>

#include "core/validation.hpp"
#include "domain/event.hpp"
#include "domain/world_cafe.hpp"

namespace kc::domain {

using validation::Lines;
using validation::Presence;

std::string_view to_slug(HarvestKind kind) {
    switch (kind) {
        case HarvestKind::insight:
            return "insight";
        case HarvestKind::recommendation:
            return "recommendation";
        case HarvestKind::solution_direction:
            return "solution_direction";
        case HarvestKind::open_question:
            return "open_question";
        case HarvestKind::quote:
            return "quote";
    }
    return {};
}

const std::vector<HarvestKind>& all_harvest_kinds() {
    static const std::vector<HarvestKind> kinds = {
        HarvestKind::insight, HarvestKind::recommendation, HarvestKind::solution_direction,
        HarvestKind::open_question, HarvestKind::quote};
    return kinds;
}

std::optional<HarvestKind> harvest_kind_from_slug(std::string_view slug) {
    for (const auto kind : all_harvest_kinds()) {
        if (to_slug(kind) == slug) return kind;
    }
    return std::nullopt;
}

bool is_public(HarvestKind kind) { return kind != HarvestKind::quote; }

FieldErrors validate(const HarvestItem& item, const Event& event, const WorldCafe* cafe) {
    FieldErrors errors;
    validation::check_text(errors, "text", item.text, Presence::required, HarvestLimits::text,
                           Lines::multiple);
    const auto& origin = item.origin;
    if (!origin.table.empty()) {
        const bool known_table =
            cafe && std::any_of(cafe->tables.begin(), cafe->tables.end(),
                                [&](const CafeTable& table) { return table.name == origin.table; });
        if (!known_table) errors.push_back({"table", "follow_up.error.unknown_table"});
        const int rounds = cafe ? cafe->rounds() : 0;
        if (origin.round < 1 || origin.round > rounds) {
            errors.push_back({"round", "follow_up.error.round_range", rounds});
        }
        if (!origin.programme_item.empty()) {
            errors.push_back({"programme_item", "follow_up.error.table_or_programme"});
        }
    } else if (origin.round != 0) {
        errors.push_back({"table", "follow_up.error.round_needs_table"});
    }
    if (!origin.programme_item.empty()) {
        const auto& programme = event.details.programme;
        const bool known_item =
            std::any_of(programme.begin(), programme.end(), [&](const ProgrammeItem& candidate) {
                return candidate.title == origin.programme_item;
            });
        if (!known_item) errors.push_back({"programme_item", "error.choose_option"});
    }
    return errors;
}

FieldErrors validate_link_name(std::string_view name) {
    FieldErrors errors;
    validation::check_text(errors, "name", name, Presence::optional, HarvestLimits::link_name);
    return errors;
}

}  // namespace kc::domain
