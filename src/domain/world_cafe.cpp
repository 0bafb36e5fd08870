#include "domain/world_cafe.hpp"

#include <algorithm>
#include <set>

#include "core/validation.hpp"

namespace kc::domain {

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
