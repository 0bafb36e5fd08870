#pragma once

#include <cstdint>
#include <vector>

#include "planner/model.hpp"

namespace kc::planner {

// A complete seating with the counts that make the cost of a swap cheap to evaluate: how often
// each pair met, how often each person sat at each table, and the group counts per table. All
// cost components are kept up to date as swaps are applied.
class SeatingState {
  public:
    SeatingState(const Model& model, Plan plan);

    const Model& model() const { return *model_; }
    const Plan& plan() const { return plan_; }
    const GoalCosts& costs() const { return costs_; }

    int table_of(int round, int person) const { return plan_.table_of[round][person]; }
    const std::vector<int>& members(int round, int table) const { return members_[round][table]; }
    int meetings(int a, int b) const { return meet_[index(a, b)]; }

    // The change in costs if `a` and `b`, at different tables in `round`, changed places.
    GoalCosts swap_delta(int round, int a, int b) const;
    void apply_swap(int round, int a, int b);

    // Whether `a` and `b` can exchange their whole routes: both free in every round and
    // present in the same rounds, and nothing frozen or earlier to compare with. Such an
    // exchange leaves meetings and revisits as they are and only moves groups and
    // organisations around.
    bool can_swap_routes(int a, int b) const;
    GoalCosts route_swap_delta(int a, int b) const;
    void apply_route_swap(int a, int b);

    // Whether the person adds to the cost of `goal` in `round`; the search moves such people.
    bool contributes_to(Goal goal, int round, int person) const;

  private:
    std::size_t index(int a, int b) const {
        return static_cast<std::size_t>(a) * model_->people + b;
    }
    int& group_count(int round, int table, int group) {
        return group_counts_[(static_cast<std::size_t>(round) * model_->tables + table) *
                                 model_->group_count +
                             group];
    }
    int group_count(int round, int table, int group) const {
        return group_counts_[(static_cast<std::size_t>(round) * model_->tables + table) *
                                 model_->group_count +
                             group];
    }
    int mix_term(int round, int table, int group, int count) const;
    int table_mix_deviation(int round, int table) const;
    bool seat_changed(int round, int person, int table) const;
    int resident_shortfall(int round, int tables_with_resident) const;
    // The part of a swap's cost change that depends on groups and organisations only.
    void add_group_delta(int round, int a, int b, GoalCosts& delta) const;
    void add_meeting(int a, int b, int change);

    const Model* model_;
    Plan plan_;
    std::vector<std::vector<std::vector<int>>> members_;  // [round][table] -> people
    std::vector<std::vector<int>> slot_;                  // [round][person] -> index in members_
    std::vector<std::uint16_t> meet_;
    std::vector<std::uint16_t> visits_;  // [person * tables + table]
    std::vector<int> group_counts_;
    std::vector<int> mix_low_;  // [(round * tables + table) * groups + group]
    std::vector<int> mix_high_;
    std::vector<int> tables_with_resident_;  // per round
    std::vector<int> resident_target_;       // per round: min(residents, occupied tables)
    GoalCosts costs_{};
};

}  // namespace kc::planner
