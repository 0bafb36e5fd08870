#include "app/world_cafe.hpp"

#include <algorithm>
#include <set>

#include "planner/replan.hpp"

namespace kc::app {

namespace {

bool takes_part(const domain::Registration& registration, bool day_has_started) {
    if (registration.status != domain::RegistrationStatus::registered) return false;
    if (registration.attendance == domain::Attendance::no_show) return false;
    return !day_has_started || registration.attendance == domain::Attendance::checked_in;
}

std::optional<int> table_index(const domain::WorldCafe& cafe, std::int64_t table_id) {
    for (std::size_t i = 0; i < cafe.tables.size(); ++i) {
        if (cafe.tables[i].id == table_id) return static_cast<int>(i);
    }
    return std::nullopt;
}

planner::Person person_for(const PlanningInput& input, const domain::Registration& registration) {
    planner::Person person;
    person.name = registration.form.name;
    const auto group = input.group_names.find(registration.form.group_id);
    if (group != input.group_names.end()) person.group = group->second;
    person.organisation = registration.form.organisation;
    for (std::size_t t = 0; t < input.cafe.tables.size(); ++t) {
        if (input.cafe.tables[t].host_registration_id == registration.id)
            person.host_table = static_cast<int>(t);
    }
    person.stays = registration.stays_seated;
    if (person.stays && !person.host_table) {
        // Someone who stays keeps the table of their first seat, if they have one.
        for (const auto& seat : input.previous) {
            if (seat.registration_id == registration.id) {
                person.stay_table = table_index(input.cafe, seat.table_id);
                break;
            }
        }
    }
    return person;
}

}  // namespace

CafeOutcome save_world_cafe_setup(Transaction& tx, std::int64_t werkplaats_id,
                                  domain::WorldCafe setup) {
    CafeOutcome outcome;
    const auto event = tx.event(setup.event_id);
    if (!event || event->werkplaats_id != werkplaats_id) {
        outcome.errors.push_back({"event", "error.event_not_found"});
        return outcome;
    }
    if (const auto existing = tx.world_cafe(setup.event_id);
        existing && existing->started_rounds > 0) {
        outcome.errors.push_back({"rounds", "error.cafe_started"});
        return outcome;
    }
    outcome.errors = domain::validate(setup);
    for (std::size_t i = 0; i < setup.tables.size(); ++i) {
        const auto host = setup.tables[i].host_registration_id;
        if (!host) continue;
        const auto registration = tx.registration(*host);
        if (!registration || registration->event_id != setup.event_id ||
            registration->status == domain::RegistrationStatus::cancelled) {
            outcome.errors.push_back(
                {"table_" + std::to_string(i + 1) + "_host", "error.unknown_host"});
        }
    }
    if (!outcome.errors.empty()) return outcome;
    tx.save_world_cafe(setup);
    outcome.done = true;
    return outcome;
}

CafeOutcome start_rounds(Transaction& tx, const EventScope& scope, int started_rounds) {
    CafeOutcome outcome;
    const auto cafe = event_in_scope(tx, scope) ? tx.world_cafe(scope.event_id) : std::nullopt;
    if (!cafe || started_rounds < 0 || started_rounds > cafe->rounds()) {
        outcome.errors.push_back({"rounds", "error.bad_form"});
        return outcome;
    }
    tx.set_started_rounds(scope.event_id, started_rounds);
    outcome.done = true;
    return outcome;
}

CafeOutcome set_stays_seated(Transaction& tx, const EventScope& scope, std::int64_t registration_id,
                             bool stays) {
    CafeOutcome outcome;
    if (!registration_in_scope(tx, scope, registration_id)) {
        outcome.errors.push_back({"registration", "error.not_found"});
        return outcome;
    }
    tx.set_stays_seated(registration_id, stays);
    outcome.done = true;
    return outcome;
}

PlanningInput gather_planning_input(Queries& queries, const domain::Event& event) {
    PlanningInput input;
    if (auto cafe = queries.world_cafe(event.id)) input.cafe = std::move(*cafe);
    input.previous = queries.seats(event.id);
    for (const auto& group : queries.groups(event.werkplaats_id)) {
        input.group_names[group.id] = group.name;
        if (group.is_resident && input.resident_group.empty()) input.resident_group = group.name;
    }
    const auto registrations = queries.registrations(event.id);
    const bool day_has_started =
        std::any_of(registrations.begin(), registrations.end(),
                    [](const auto& r) { return r.attendance == domain::Attendance::checked_in; });
    std::set<std::int64_t> hosts;
    for (const auto& table : input.cafe.tables) {
        if (table.host_registration_id) hosts.insert(*table.host_registration_id);
    }
    for (const auto& registration : registrations) {
        // A host is seated even before checking in: the table cannot do without them.
        if (takes_part(registration, day_has_started) ||
            (hosts.count(registration.id) &&
             registration.status != domain::RegistrationStatus::cancelled)) {
            input.participants.push_back(registration);
        }
    }
    return input;
}

planner::Goal planner_goal(domain::CafeGoal goal) {
    switch (goal) {
        case domain::CafeGoal::no_repeat_meetings:
            return planner::Goal::no_repeat_meetings;
        case domain::CafeGoal::no_table_revisits:
            return planner::Goal::no_table_revisits;
        case domain::CafeGoal::resident_at_every_table:
            return planner::Goal::resident_at_every_table;
        case domain::CafeGoal::keep_seats:
            return planner::Goal::keep_seats;
        case domain::CafeGoal::balanced_group_mix:
            return planner::Goal::balanced_group_mix;
        case domain::CafeGoal::organisations_spread:
            return planner::Goal::organisations_spread;
    }
    return planner::Goal::no_repeat_meetings;
}

PlanningResult compute_plan(const PlanningInput& input, const planner::Options& options) {
    PlanningResult result;
    planner::Problem problem;
    problem.rounds = input.cafe.rounds();
    if (!input.resident_group.empty()) problem.resident_group = input.resident_group;
    problem.goal_order.clear();
    for (const auto goal : input.cafe.goal_order) problem.goal_order.push_back(planner_goal(goal));
    for (const auto& table : input.cafe.tables)
        problem.tables.push_back({table.name, table.capacity});

    // With a plan in place, the people of that plan come first, in the order of their
    // registration ids, then the newcomers: that is how the re-planner reads them.
    std::vector<std::int64_t> previous_people;
    for (const auto& seat : input.previous) previous_people.push_back(seat.registration_id);
    std::sort(previous_people.begin(), previous_people.end());
    previous_people.erase(std::unique(previous_people.begin(), previous_people.end()),
                          previous_people.end());

    std::map<std::int64_t, const domain::Registration*> present;
    for (const auto& registration : input.participants) present[registration.id] = &registration;

    std::vector<std::int64_t> order;
    planner::ReplanRequest request;
    for (std::size_t i = 0; i < previous_people.size(); ++i) {
        const auto id = previous_people[i];
        order.push_back(id);
        const auto found = present.find(id);
        if (found == present.end()) {
            planner::Person gone;
            gone.name = "#" + std::to_string(id);
            problem.people.push_back(gone);
            request.no_shows.push_back(static_cast<int>(i));
        } else {
            problem.people.push_back(person_for(input, *found->second));
        }
    }
    for (const auto& registration : input.participants) {
        if (std::binary_search(previous_people.begin(), previous_people.end(), registration.id))
            continue;
        order.push_back(registration.id);
        problem.people.push_back(person_for(input, registration));
    }

    try {
        planner::PlanResult planned;
        if (previous_people.empty()) {
            planned = planner::plan_tables(problem, options);
        } else {
            request.started_rounds = input.cafe.started_rounds;
            request.previous.table_of.assign(
                static_cast<std::size_t>(problem.rounds),
                std::vector<int>(previous_people.size(), planner::Plan::absent));
            for (const auto& seat : input.previous) {
                const auto person = std::lower_bound(previous_people.begin(), previous_people.end(),
                                                     seat.registration_id) -
                                    previous_people.begin();
                const auto table = table_index(input.cafe, seat.table_id);
                if (seat.round >= 1 && seat.round <= problem.rounds && table) {
                    request.previous.table_of[static_cast<std::size_t>(seat.round - 1)]
                                             [static_cast<std::size_t>(person)] = *table;
                }
            }
            planned = planner::replan_tables(problem, request, options);
            result.from_round = input.cafe.started_rounds + 1;
        }
        for (std::size_t round = 0; round < planned.plan.table_of.size(); ++round) {
            for (std::size_t person = 0; person < planned.plan.table_of[round].size(); ++person) {
                const int table = planned.plan.table_of[round][person];
                if (table == planner::Plan::absent) continue;
                result.seats.push_back({static_cast<int>(round + 1), order[person],
                                        input.cafe.tables[static_cast<std::size_t>(table)].id});
            }
        }
        result.quality = planned.quality;
        result.summary_dutch = planner::summary_dutch(planned.quality);
        result.summary_english = planner::summary_english(planned.quality);
        result.planned = true;
    } catch (const planner::PlanningError& error) {
        result.error_dutch = error.dutch();
        result.error_english = error.english();
    }
    return result;
}

CafeOutcome apply_plan(Transaction& tx, const PlanningInput& input, const PlanningResult& result) {
    CafeOutcome outcome;
    const auto current = tx.world_cafe(input.cafe.event_id);
    const auto same_tables = [&] {
        if (!current || current->tables.size() != input.cafe.tables.size()) return false;
        for (std::size_t i = 0; i < current->tables.size(); ++i) {
            if (current->tables[i].id != input.cafe.tables[i].id) return false;
        }
        return true;
    };
    if (!same_tables() || current->started_rounds != input.cafe.started_rounds) {
        outcome.errors.push_back({"plan", "error.cafe_changed"});
        return outcome;
    }
    tx.replace_seats(input.cafe.event_id, result.from_round, result.seats, result.summary_dutch,
                     result.summary_english);
    outcome.done = true;
    return outcome;
}

}  // namespace kc::app
