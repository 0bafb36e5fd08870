#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/field_error.hpp"

namespace kc::domain {

// A table of a world café. Its host stays at it every round.
struct CafeTable {
    std::int64_t id = 0;
    std::string name;
    int capacity = 0;
    std::optional<std::int64_t> host_registration_id;
    // This table's own question per round (index 0 is round 1); an empty or missing
    // one means the round's question, which most tables share.
    std::vector<std::string> own_questions;
};

// What the planner pursues after the hard rules (capacities, hosts stay, people who stay are not
// moved). The organiser puts them in order; a later goal only decides between plans that are
// equally good on the earlier ones.
enum class CafeGoal {
    no_repeat_meetings,
    no_table_revisits,
    resident_at_every_table,
    keep_seats,  // when re-planning at the door
    balanced_group_mix,
    organisations_spread,
};

// Every goal once, in the order the planner uses unless the organiser changes it.
const std::vector<CafeGoal>& default_goal_order();
std::string_view to_slug(CafeGoal goal);
std::optional<CafeGoal> cafe_goal_from_slug(std::string_view slug);
// Whether every goal appears exactly once.
bool is_complete_goal_order(const std::vector<CafeGoal>& goals);

// The world café of one event: its tables, its rounds with one question each, and
// how many rounds have started (those are never re-planned).
struct WorldCafe {
    std::int64_t event_id = 0;
    std::vector<std::string> round_questions;  // one per round
    std::vector<CafeTable> tables;
    int started_rounds = 0;
    std::vector<CafeGoal> goal_order = default_goal_order();
    // The planner's verdict on the current plan, in Dutch and English.
    std::string quality_dutch;
    std::string quality_english;

    int rounds() const { return static_cast<int>(round_questions.size()); }

    // The question at a table in a round (rounds count from 1).
    const std::string& question_at(const CafeTable& table, int round) const;
};

// One person at one table in one round (rounds count from 1).
struct Seat {
    int round = 0;
    std::int64_t registration_id = 0;
    std::int64_t table_id = 0;

    bool operator==(const Seat&) const = default;
};

// One round of a participant's route through the café.
struct RouteStep {
    int round = 0;
    std::string table;
    std::string question;
    // The round going on now (the last one started), and the one after it.
    bool is_now = false;
    bool is_next = false;
};

// The tables of one participant, round by round. Rounds without a seat (someone who came in
// late) are left out.
std::vector<RouteStep> route_of(const WorldCafe& cafe, const std::vector<Seat>& seats,
                                std::int64_t registration_id);

struct WorldCafeLimits {
    static constexpr int max_rounds = 8;
    static constexpr std::size_t max_tables = 40;
    static constexpr int max_capacity = 30;
    static constexpr std::size_t table_name = 60;
    static constexpr std::size_t question = 300;
};

// Checks the set-up of a world café: at least one round and one table, names and
// questions within limits, sensible capacities, a host at one table at most.
FieldErrors validate(const WorldCafe& cafe);

}  // namespace kc::domain
