#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "app/scope.hpp"
#include "app/store.hpp"
#include "planner/table_planner.hpp"

namespace kc::app {

struct CafeOutcome {
    bool done = false;
    FieldErrors errors;
};

// Stores the tables and rounds of an event's world café. Hosts must be registered
// for the event. Once a round has started the set-up is fixed.
CafeOutcome save_world_cafe_setup(Transaction& tx, std::int64_t werkplaats_id,
                                  domain::WorldCafe setup);

// Marks rounds as started; they will never be re-planned.
CafeOutcome start_rounds(Transaction& tx, const EventScope& scope, int started_rounds);

// Records that a participant stays at one table all rounds (or no longer does).
CafeOutcome set_stays_seated(Transaction& tx, const EventScope& scope, std::int64_t registration_id,
                             bool stays);

// Planning can take most of a second, so it runs outside any transaction in three
// steps: gather what the plan needs, compute it, and apply it if nothing changed.
struct PlanningInput {
    domain::WorldCafe cafe;
    // Who takes part: on the day those checked in, before it everyone with a place.
    std::vector<domain::Registration> participants;
    std::vector<domain::Seat> previous;
    std::map<std::int64_t, std::string> group_names;
    std::string resident_group;
};

PlanningInput gather_planning_input(Queries& queries, const domain::Event& event);

struct PlanningResult {
    bool planned = false;
    std::string error_dutch;  // why no plan could be made
    std::string error_english;
    std::vector<domain::Seat> seats;
    int from_round = 1;  // rounds before it were kept as they were
    planner::Quality quality;
    std::string summary_dutch;
    std::string summary_english;
};

// The planner's goal for a goal the organiser ordered.
planner::Goal planner_goal(domain::CafeGoal goal);

// A fresh plan, or, when a plan exists, a re-plan of the rounds that have not
// started that keeps as many seats as it can.
PlanningResult compute_plan(const PlanningInput& input, const planner::Options& options);

// Stores the plan unless the café changed since the input was gathered.
CafeOutcome apply_plan(Transaction& tx, const PlanningInput& input, const PlanningResult& result);

}  // namespace kc::app
