#include "planner/replan.hpp"

#include <algorithm>

namespace kc::planner {

namespace {

// Tables may differ this much from the balanced size (in people) before someone is moved to
// even them out: a slightly emptier table is better than a changed route card.
constexpr int allowed_imbalance = 2;

int earlier_seat(const Plan& plan, int round, int person) {
    if (round >= static_cast<int>(plan.table_of.size())) return Plan::absent;
    const auto& row = plan.table_of[round];
    return person < static_cast<int>(row.size()) ? row[person] : Plan::absent;
}

// Table sizes for an open round: the previous sizes without the no-shows, walk-ins added where
// tables fall furthest short of the balanced size, then evened out where that is needed.
std::vector<int> replanned_sizes(const Problem& problem, const ReplanRequest& request,
                                 const std::vector<bool>& present, int round) {
    const int tables = static_cast<int>(problem.tables.size());
    std::vector<int> capacity(tables);
    std::vector<int> fixed(tables, 0);
    std::vector<int> size(tables, 0);
    int people = 0;
    for (int t = 0; t < tables; ++t) capacity[t] = problem.tables[t].capacity;
    for (int p = 0; p < static_cast<int>(problem.people.size()); ++p) {
        if (!present[p]) continue;
        ++people;
        const Person& who = problem.people[p];
        const int seat = earlier_seat(request.previous, round, p);
        if (who.host_table) {
            ++fixed[*who.host_table];
        } else if (who.stays && (who.stay_table || seat != Plan::absent)) {
            ++fixed[who.stay_table.value_or(seat)];
        }
        if (seat != Plan::absent && seat < tables) ++size[seat];
    }
    const std::vector<int> balanced = balanced_table_sizes(capacity, fixed, people);
    int seated = 0;
    for (int t = 0; t < tables; ++t) {
        // A table can never hold fewer than its hosts or more than its seats.
        size[t] = std::clamp(size[t], fixed[t], capacity[t]);
        seated += size[t];
    }
    const auto surplus = [&](int t) { return size[t] - balanced[t]; };
    for (; seated < people; ++seated) {
        int emptiest = -1;
        for (int t = 0; t < tables; ++t) {
            if (size[t] < capacity[t] && (emptiest < 0 || surplus(t) < surplus(emptiest))) {
                emptiest = t;
            }
        }
        ++size[emptiest];
    }
    for (; seated > people; --seated) {
        int fullest = -1;
        for (int t = 0; t < tables; ++t) {
            if (size[t] > fixed[t] && (fullest < 0 || surplus(t) > surplus(fullest))) fullest = t;
        }
        --size[fullest];
    }
    while (true) {
        int fullest = 0;
        int emptiest = 0;
        for (int t = 1; t < tables; ++t) {
            if (surplus(t) > surplus(fullest)) fullest = t;
            if (surplus(t) < surplus(emptiest)) emptiest = t;
        }
        if (surplus(fullest) - surplus(emptiest) <= allowed_imbalance) break;
        --size[fullest];
        ++size[emptiest];
    }
    return size;
}

}  // namespace

PlanResult replan_tables(const Problem& problem, const ReplanRequest& request,
                         const Options& options) {
    validate(problem);
    const int people = static_cast<int>(problem.people.size());
    std::vector<bool> attending(people, true);
    for (int p : request.no_shows) {
        if (p >= 0 && p < people) attending[p] = false;
    }
    ModelInput input;
    input.problem = &problem;
    input.previous = request.previous;
    input.first_open_round = std::clamp(request.started_rounds, 0, problem.rounds);
    input.present.assign(problem.rounds, attending);
    input.table_size.assign(problem.rounds, {});
    for (int r = input.first_open_round; r < problem.rounds; ++r) {
        input.table_size[r] = replanned_sizes(problem, request, attending, r);
    }
    return plan_model(build_model(input), options);
}

}  // namespace kc::planner
