#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace kc::planner {

// One participant of a world café. Tables are indices into Problem::tables.
struct Person {
    std::string name;
    // The stakeholder group ("Bewoner", "Gemeente", ...); empty when unknown.
    std::string group;
    // Empty when the person did not name an organisation.
    std::string organisation;
    // A host sits at this table in every round.
    std::optional<int> host_table;
    // Someone who stays (a wheelchair user, say) is not moved between rounds. The table is
    // chosen by the planner unless `stay_table` names one.
    bool stays = false;
    std::optional<int> stay_table;
};

struct Table {
    std::string name;
    int capacity = 0;
};

// The goals the planner pursues after the hard rules, most important first. A later goal only
// decides between plans that are equally good on all earlier ones.
enum class Goal {
    no_repeat_meetings,
    no_table_revisits,
    resident_at_every_table,
    keep_seats,  // Only counts when re-planning: seats that differ from the previous plan.
    balanced_group_mix,
    organisations_spread,
};

std::vector<Goal> default_goal_order();

struct Problem {
    std::vector<Person> people;
    std::vector<Table> tables;
    int rounds = 0;
    // People of this group count as residents (compared without regard to case).
    std::string resident_group = "Bewoner";
    std::vector<Goal> goal_order = default_goal_order();
};

// Plan::table_of[round][person] is the table of that person in that round, or `absent`.
struct Plan {
    static constexpr int absent = -1;
    std::vector<std::vector<int>> table_of;

    bool operator==(const Plan&) const = default;
};

struct Options {
    std::uint64_t seed = 1;
    std::chrono::milliseconds time_limit{10'000};
    // The search stops after about this many swaps per goal without improvement: most goals
    // have no bound known to be reachable. Social golfer rooms (everyone moves, equal tables)
    // are the exception: there the search keeps at repeated meetings until the time limit.
    std::uint64_t patience = 1'000;
};

// An error with its explanation in Dutch (for the organiser) and in English.
class BilingualError : public std::runtime_error {
  public:
    BilingualError(std::string dutch, std::string english);

    const std::string& dutch() const { return dutch_; }
    const std::string& english() const { return english_; }

  private:
    std::string dutch_;
    std::string english_;
};

// A problem the planner refuses because no plan can keep the hard rules.
class PlanningError : public BilingualError {
  public:
    using BilingualError::BilingualError;
};

// Throws PlanningError when the problem breaks a hard rule before any planning: no rounds or
// tables, a table without seats, a host or stay table that does not exist, more people than
// seats, or more fixed people at a table than it has seats.
void validate(const Problem& problem);

// True when `group` is the resident group `resident_group`, ignoring ASCII case.
bool is_resident_group(const std::string& group, const std::string& resident_group);

}  // namespace kc::planner
