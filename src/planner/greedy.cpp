#include <algorithm>

#include "planner/local_search.hpp"

namespace kc::planner {

namespace {

// The table a person had in the previous plan, when re-planning.
int earlier_seat(const Model& model, int round, int person) {
    if (!model.previous || round >= static_cast<int>(model.previous->table_of.size())) {
        return Plan::absent;
    }
    const auto& row = model.previous->table_of[round];
    return person < static_cast<int>(row.size()) ? row[person] : Plan::absent;
}

// The counts a round-by-round greedy needs while it seats people one at a time.
class GreedySeating {
  public:
    explicit GreedySeating(const Model& model)
        : model_(model),
          meet_(static_cast<std::size_t>(model.people) * model.people, 0),
          visited_(static_cast<std::size_t>(model.people) * model.tables, false) {}

    void seat(Plan& plan, int round, int person, int table) {
        plan.table_of[round][person] = table;
        for (int other : company_[table]) {
            ++meet_[static_cast<std::size_t>(person) * model_.people + other];
            ++meet_[static_cast<std::size_t>(other) * model_.people + person];
        }
        company_[table].push_back(person);
        visited_[static_cast<std::size_t>(person) * model_.tables + table] = true;
        if (model_.group_of[person] != Model::none) {
            ++group_count_[table][model_.group_of[person]];
        }
    }

    void start_round(int round) {
        company_.assign(model_.tables, {});
        group_count_.assign(model_.tables, std::vector<int>(model_.group_count, 0));
        room_count_.assign(model_.group_count, 0);
        for (int p = 0; p < model_.people; ++p) {
            if (model_.present[round][p] && model_.group_of[p] != Model::none) {
                ++room_count_[model_.group_of[p]];
            }
        }
    }

    GoalCosts cost(int round, int person, int table) const {
        const Model& m = model_;
        GoalCosts cost{};
        for (int other : company_[table]) {
            if (meet_[static_cast<std::size_t>(person) * m.people + other] > 0) {
                ++cost[index_of(Goal::no_repeat_meetings)];
            }
            if (m.organisation_of[person] != Model::none &&
                m.organisation_of[other] == m.organisation_of[person]) {
                ++cost[index_of(Goal::organisations_spread)];
            }
        }
        if (!m.may_revisit[person] &&
            visited_[static_cast<std::size_t>(person) * m.tables + table]) {
            ++cost[index_of(Goal::no_table_revisits)];
        }
        const int before = earlier_seat(m, round, person);
        if (before != Plan::absent && before != table) ++cost[index_of(Goal::keep_seats)];
        const int group = m.group_of[person];
        if (group != Model::none) {
            // Seating one more of this group beyond its even share makes the mix worse.
            const long long share =
                static_cast<long long>(room_count_[group]) * m.table_size[round][table];
            const int present = m.present_count(round);
            const long long high = share / present + (share % present != 0 ? 1 : 0);
            if (group_count_[table][group] + 1 > high) ++cost[index_of(Goal::balanced_group_mix)];
            if (group == m.resident_group && group_count_[table][group] > 0) {
                ++cost[index_of(Goal::resident_at_every_table)];
            }
        }
        return cost;
    }

    int seated(int table) const { return static_cast<int>(company_[table].size()); }

  private:
    const Model& model_;
    std::vector<std::uint16_t> meet_;
    std::vector<bool> visited_;
    std::vector<std::vector<int>> company_;
    std::vector<std::vector<int>> group_count_;
    std::vector<int> room_count_;
};

}  // namespace

Plan greedy_plan(const Model& model, Random& random) {
    Plan plan;
    plan.table_of.assign(model.rounds, std::vector<int>(model.people, Plan::absent));
    GreedySeating seating(model);
    for (int r = 0; r < model.rounds; ++r) {
        seating.start_round(r);
        std::vector<int> movers;
        for (int p = 0; p < model.people; ++p) {
            if (!model.present[r][p]) continue;
            if (model.pinned[r][p] != Model::none) {
                seating.seat(plan, r, p, model.pinned[r][p]);
            } else {
                movers.push_back(p);
            }
        }
        std::shuffle(movers.begin(), movers.end(), random);
        // Residents go first so that they can still be spread over the tables.
        std::stable_partition(movers.begin(), movers.end(), [&](int p) {
            return model.group_of[p] != Model::none && model.group_of[p] == model.resident_group;
        });
        // When re-planning, everyone first gets their earlier seat back while the table has
        // room; the search then decides what is worth changing.
        std::vector<int> unseated;
        for (int person : movers) {
            const int before = earlier_seat(model, r, person);
            if (before != Plan::absent && seating.seated(before) < model.table_size[r][before]) {
                seating.seat(plan, r, person, before);
            } else {
                unseated.push_back(person);
            }
        }
        for (int person : unseated) {
            int best_table = Model::none;
            GoalCosts best_cost{};
            for (int t = 0; t < model.tables; ++t) {
                const int room = model.table_size[r][t] - seating.seated(t);
                if (room <= 0) continue;
                const GoalCosts cost = seating.cost(r, person, t);
                const int order = best_table == Model::none ? -1 : model.compare(cost, best_cost);
                // Among equal costs, the emptiest table keeps later choices open.
                if (order < 0 || (order == 0 && room > model.table_size[r][best_table] -
                                                           seating.seated(best_table))) {
                    best_cost = cost;
                    best_table = t;
                }
            }
            seating.seat(plan, r, person, best_table);
        }
    }
    return plan;
}

}  // namespace kc::planner
