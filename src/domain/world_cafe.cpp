#include "domain/world_cafe.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include "core/validation.hpp"

namespace kc::domain {

namespace {

constexpr std::pair<CafeGoal, std::string_view> goal_slugs[] = {
    {CafeGoal::no_repeat_meetings, "no-repeats"},
    {CafeGoal::no_table_revisits, "no-revisits"},
    {CafeGoal::resident_at_every_table, "resident-every-table"},
    {CafeGoal::keep_seats, "keep-seats"},
    {CafeGoal::balanced_group_mix, "group-mix"},
    {CafeGoal::organisations_spread, "organisations-spread"},
};

}  // namespace

const std::vector<CafeGoal>& default_goal_order() {
    static const std::vector<CafeGoal> order = [] {
        std::vector<CafeGoal> goals;
        for (const auto& [goal, slug] : goal_slugs) goals.push_back(goal);
        return goals;
    }();
    return order;
}

std::string_view to_slug(CafeGoal goal) {
    for (const auto& [known, slug] : goal_slugs) {
        if (known == goal) return slug;
    }
    return {};
}

std::optional<CafeGoal> cafe_goal_from_slug(std::string_view slug) {
    for (const auto& [goal, known] : goal_slugs) {
        if (known == slug) return goal;
    }
    return std::nullopt;
}

bool is_complete_goal_order(const std::vector<CafeGoal>& goals) {
    return goals.size() == default_goal_order().size() &&
           std::is_permutation(goals.begin(), goals.end(), default_goal_order().begin());
}

const std::string& WorldCafe::question_at(const CafeTable& table, int round) const {
    const auto index = static_cast<std::size_t>(round - 1);
    if (index < table.own_questions.size() && !table.own_questions[index].empty())
        return table.own_questions[index];
    return round_questions.at(index);
}

std::vector<RouteStep> route_of(const WorldCafe& cafe, const std::vector<Seat>& seats,
                                std::int64_t registration_id) {
    std::vector<RouteStep> route;
    for (const auto& seat : seats) {
        if (seat.registration_id != registration_id || seat.round < 1 || seat.round > cafe.rounds())
            continue;
        for (const auto& table : cafe.tables) {
            if (table.id != seat.table_id) continue;
            route.push_back({seat.round, table.name, cafe.question_at(table, seat.round),
                             seat.round == cafe.started_rounds,
                             seat.round == cafe.started_rounds + 1});
        }
    }
    std::sort(route.begin(), route.end(),
              [](const RouteStep& a, const RouteStep& b) { return a.round < b.round; });
    return route;
}

FieldErrors validate(const WorldCafe& cafe) {
    FieldErrors errors;
    if (cafe.round_questions.empty() || cafe.rounds() > WorldCafeLimits::max_rounds) {
        errors.push_back({"rounds", "error.rounds_range", WorldCafeLimits::max_rounds});
    }
    for (std::size_t i = 0; i < cafe.round_questions.size(); ++i) {
        validation::check_text(errors, "question_" + std::to_string(i + 1), cafe.round_questions[i],
                               validation::Presence::optional, WorldCafeLimits::question);
    }
    if (cafe.tables.empty()) errors.push_back({"tables", "error.no_tables"});
    if (cafe.tables.size() > WorldCafeLimits::max_tables) {
        errors.push_back(
            {"tables", "error.too_many", static_cast<long long>(WorldCafeLimits::max_tables)});
    }
    if (!is_complete_goal_order(cafe.goal_order)) errors.push_back({"goals", "error.goal_order"});
    std::set<std::int64_t> hosts;
    for (std::size_t i = 0; i < cafe.tables.size(); ++i) {
        const auto& table = cafe.tables[i];
        const std::string prefix = "table_" + std::to_string(i + 1);
        validation::check_text(errors, prefix + "_name", table.name, validation::Presence::required,
                               WorldCafeLimits::table_name);
        if (table.capacity < 2 || table.capacity > WorldCafeLimits::max_capacity) {
            errors.push_back(
                {prefix + "_capacity", "error.table_capacity", WorldCafeLimits::max_capacity});
        }
        if (table.own_questions.size() > cafe.round_questions.size()) {
            errors.push_back({prefix + "_questions", "error.too_many", cafe.rounds()});
        }
        for (std::size_t round = 0; round < table.own_questions.size(); ++round) {
            validation::check_text(errors, prefix + "_question_" + std::to_string(round + 1),
                                   table.own_questions[round], validation::Presence::optional,
                                   WorldCafeLimits::question);
        }
        if (table.host_registration_id && !hosts.insert(*table.host_registration_id).second) {
            errors.push_back({prefix + "_host", "error.host_twice"});
        }
    }
    return errors;
}

}  // namespace kc::domain
