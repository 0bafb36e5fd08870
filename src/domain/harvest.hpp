#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/field_error.hpp"
#include "core/time.hpp"

namespace kc::domain {

struct Event;
struct WorldCafe;

// What a café yielded, in the kinds the Werkplaats reports on.
enum class HarvestKind { insight, recommendation, solution_direction, open_question, quote };

std::string_view to_slug(HarvestKind kind);
std::optional<HarvestKind> harvest_kind_from_slug(std::string_view slug);
// Every kind, in the order a harvest page lists them.
const std::vector<HarvestKind>& all_harvest_kinds();

// Whether an item of this kind may appear on the café's public page. A quote in the harvest
// is the organiser's note of what someone said, without that person's consent, so it stays
// inside; quotes people agreed to publish are experiences, recorded with their consent.
bool is_public(HarvestKind kind);

// Where an item came from: the whole café (all empty), a world-café table in a round, or a
// programme item. Tables and programme items are kept by name, as they were when the item
// was recorded, because an organiser may set up the café again (new tables) or rework the
// programme afterwards, and the harvest must not lose its origin then.
struct HarvestOrigin {
    std::string table;
    int round = 0;  // 1.., with a table
    std::string programme_item;

    bool is_whole_cafe() const { return table.empty() && programme_item.empty(); }
    bool operator==(const HarvestOrigin&) const = default;
};

// Who wrote an item down: an organiser's account, or a host through a harvest link. The
// name is kept as shown then, so the page still says who it was after the link is revoked.
struct HarvestAuthor {
    std::optional<std::int64_t> user_id;
    std::optional<std::int64_t> link_id;
    std::string name;
};

struct HarvestItem {
    std::int64_t id = 0;
    std::int64_t event_id = 0;
    HarvestKind kind = HarvestKind::insight;
    std::string text;
    HarvestOrigin origin;
    HarvestAuthor author;
    time::Timestamp created_at = 0;
    time::Timestamp updated_at = 0;
};

struct HarvestLimits {
    static constexpr std::size_t text = 1'000;
    static constexpr std::size_t link_name = 80;
    // A big theme day has forty tables and eight rounds; a few items per table and round
    // stay well below this, and it keeps one café's harvest page bounded.
    static constexpr std::size_t items_per_event = 2'000;
    static constexpr std::size_t links_per_event = 60;
};

// Checks the kind-independent parts of an item: the text, and that its origin names a
// table and round of the event's world café (`cafe` may be absent: then no table is
// possible) or one of the event's programme items. A round needs a table and the other way
// round; a table and a programme item together are refused as ambiguous.
FieldErrors validate(const HarvestItem& item, const Event& event, const WorldCafe* cafe);

// A harvest link's name for the host it is meant for ("Tafel Oranje, Sanne"); optional.
FieldErrors validate_link_name(std::string_view name);

}  // namespace kc::domain
