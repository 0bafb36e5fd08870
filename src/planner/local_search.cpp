#include "planner/local_search.hpp"

#include <algorithm>

#include "planner/quality.hpp"

namespace kc::planner {

namespace {

// Tabu tenure: how many steps a person who just moved in a round stays put there. A little
// randomness keeps the search from cycling.
constexpr int tenure_minimum = 4;
constexpr int tenure_spread = 12;
// How many swaps one step may evaluate, spread over the people whose cost the search tries to
// remove: enough choice in small rooms, quick steps in large ones.
constexpr std::size_t swaps_per_step = 2'000;
constexpr std::size_t fewest_candidates = 4;
constexpr std::uint64_t time_check_interval = 128;

GoalCosts plus(GoalCosts a, const GoalCosts& b) {
    for (int goal = 0; goal < goal_count; ++goal) a[goal] += b[goal];
    return a;
}

class TabuSearch {
  public:
    TabuSearch(SeatingState& state, const GoalCosts& lower_bounds, Random& random,
               const SearchLimits& limits)
        : state_(state),
          model_(state.model()),
          lower_bounds_(lower_bounds),
          random_(random),
          limits_(limits),
          tabu_until_(model_.rounds,
                      std::vector<std::uint64_t>(
                          static_cast<std::size_t>(model_.people) * model_.tables, 0)),
          best_plan_(state.plan()),
          best_costs_(state.costs()),
          restart_after_(2'000 + 20 * static_cast<std::uint64_t>(model_.people)) {}

    Plan run() {
        for (std::uint64_t step = 0;; ++step) {
            if (step % time_check_interval == 0 && Clock::now() >= limits_.deadline) break;
            if (first_goal_above_bound(best_costs_, 0) == nullptr) break;
            const std::uint64_t idle = step - last_improvement_;
            const Goal* focus = first_goal_above_bound(state_.costs(), focus_floor_);
            const bool persisting = limits_.persist_on_repeats && focus != nullptr &&
                                    *focus == Goal::no_repeat_meetings;
            if (!persisting && idle > limits_.patience / 2) {
                // This goal seems as good as it gets; give the later goals their turn, and stop
                // when the last one has had it.
                if (focus == nullptr || !next_turn(*focus)) break;
                last_improvement_ = step;
                continue;
            }
            if (step - last_restart_ > restart_after_ && idle > restart_after_) {
                restart_from_best(step);
                continue;
            }
            if (focus == nullptr) focus = first_goal_above_bound(state_.costs(), 0);
            if (focus == nullptr || !take_step(*focus, step)) break;
            if (model_.compare(state_.costs(), best_costs_) < 0) {
                best_costs_ = state_.costs();
                best_plan_ = state_.plan();
                last_improvement_ = step;
                failed_restarts_ = 0;
            }
        }
        return best_plan_;
    }

  private:
    // The first goal from position `from` in the goal order whose cost is above its bound.
    const Goal* first_goal_above_bound(const GoalCosts& costs, std::size_t from) const {
        for (std::size_t i = from; i < model_.goal_order.size(); ++i) {
            const Goal& goal = model_.goal_order[i];
            if (costs[index_of(goal)] > lower_bounds_[index_of(goal)]) return &goal;
        }
        return nullptr;
    }

    // Moves the focus floor past `focus` after its turn; false when no goal is left. The goals
    // before it are at their bound, and stepping through them one by one gave this same goal
    // another full turn for each of them, which doubled the time of café rooms for little gain
    // in group mix. The next goal starts from the best plan, as the walk may have left the
    // earlier goals worse than they were.
    bool next_turn(Goal focus) {
        focus_floor_ = static_cast<std::size_t>(
                           std::find(model_.goal_order.begin(), model_.goal_order.end(), focus) -
                           model_.goal_order.begin()) +
                       1;
        if (focus_floor_ >= model_.goal_order.size()) return false;
        state_ = SeatingState(model_, best_plan_);
        for (auto& row : tabu_until_) std::fill(row.begin(), row.end(), 0);
        return true;
    }

    struct Mover {
        int round;
        int person;
    };

    // People who add to the cost of the goal, over all open rounds; a random sample of them
    // when there are many.
    std::vector<Mover> people_to_move(Goal focus) {
        std::vector<Mover> movers;
        for (int r = model_.first_open_round; r < model_.rounds; ++r) {
            for (int p = 0; p < model_.people; ++p) {
                if (model_.movable(r, p) && state_.contributes_to(focus, r, p)) {
                    movers.push_back({r, p});
                }
            }
        }
        const std::size_t candidates =
            std::max(fewest_candidates, swaps_per_step / static_cast<std::size_t>(model_.people));
        if (movers.size() > candidates) {
            std::shuffle(movers.begin(), movers.end(), random_);
            movers.resize(candidates);
        }
        return movers;
    }

    // Takes the best swap that is not tabu (or that beats the best plan); returns false when
    // nobody can move at all.
    bool take_step(Goal focus, std::uint64_t step) {
        const std::vector<Mover> movers = people_to_move(focus);
        if (movers.empty()) return false;
        const GoalCosts& current = state_.costs();
        GoalCosts best_delta{};
        int round = Model::none;
        int best_a = Model::none;
        int best_b = Model::none;
        int ties = 0;
        for (const auto& [mover_round, a] : movers) {
            for (int b = 0; b < model_.people; ++b) {
                if (!model_.movable(mover_round, b) ||
                    state_.table_of(mover_round, a) == state_.table_of(mover_round, b)) {
                    continue;
                }
                const GoalCosts delta = state_.swap_delta(mover_round, a, b);
                const bool tabu = is_tabu(mover_round, a, state_.table_of(mover_round, b), step) ||
                                  is_tabu(mover_round, b, state_.table_of(mover_round, a), step);
                if (tabu && model_.compare(plus(current, delta), best_costs_) >= 0) continue;
                const int order = best_a == Model::none ? -1 : model_.compare(delta, best_delta);
                if (order < 0 || (order == 0 && random_() % ++ties == 0)) {
                    if (order < 0) ties = 1;
                    best_delta = delta;
                    round = mover_round;
                    best_a = a;
                    best_b = b;
                }
            }
        }
        if (best_a == Model::none) {
            // Everything is tabu: move someone anyway so the search does not stall.
            const Mover& mover = movers[random_() % movers.size()];
            round = mover.round;
            best_a = mover.person;
            best_b = random_partner(round, best_a);
            if (best_b == Model::none) return false;
        }
        // Moving back to the table just left is tabu for a while.
        make_tabu(round, best_a, state_.table_of(round, best_a), step);
        make_tabu(round, best_b, state_.table_of(round, best_b), step);
        state_.apply_swap(round, best_a, best_b);
        return true;
    }

    bool is_tabu(int round, int person, int table, std::uint64_t step) const {
        return tabu_until_[round][static_cast<std::size_t>(person) * model_.tables + table] > step;
    }

    void make_tabu(int round, int person, int table, std::uint64_t step) {
        tabu_until_[round][static_cast<std::size_t>(person) * model_.tables + table] =
            step + tenure_minimum + random_() % tenure_spread;
    }

    int random_partner(int round, int person) {
        std::vector<int> partners;
        for (int p = 0; p < model_.people; ++p) {
            if (model_.movable(round, p) &&
                state_.table_of(round, p) != state_.table_of(round, person)) {
                partners.push_back(p);
            }
        }
        return partners.empty() ? Model::none : partners[random_() % partners.size()];
    }

    // Back to the best plan, shaken by a few random swaps; more swaps after each restart
    // that did not lead to something better.
    void restart_from_best(std::uint64_t step) {
        state_ = SeatingState(model_, best_plan_);
        const int swaps = 1 + failed_restarts_ % 8;
        ++failed_restarts_;
        for (int i = 0; i < swaps; ++i) {
            const int open = model_.rounds - model_.first_open_round;
            const int round = model_.first_open_round +
                              static_cast<int>(random_() % static_cast<std::uint64_t>(open));
            std::vector<int> movers;
            for (int p = 0; p < model_.people; ++p) {
                if (model_.movable(round, p)) movers.push_back(p);
            }
            if (movers.empty()) continue;
            const int a = movers[random_() % movers.size()];
            const int b = random_partner(round, a);
            if (b != Model::none) state_.apply_swap(round, a, b);
        }
        for (auto& row : tabu_until_) std::fill(row.begin(), row.end(), 0);
        last_restart_ = step;
    }

    SeatingState& state_;
    const Model& model_;
    GoalCosts lower_bounds_;
    Random& random_;
    SearchLimits limits_;
    std::vector<std::vector<std::uint64_t>> tabu_until_;
    Plan best_plan_;
    GoalCosts best_costs_;
    std::uint64_t restart_after_;
    std::uint64_t last_improvement_ = 0;
    std::uint64_t last_restart_ = 0;
    int failed_restarts_ = 0;
    // Goals before this position in the goal order no longer steer the choice of people to
    // move (they still decide which swap is best).
    std::size_t focus_floor_ = 0;
};

}  // namespace

GoalCosts goal_lower_bounds(const Model& model) {
    GoalCosts bounds{};
    bounds[index_of(Goal::no_repeat_meetings)] = repeat_lower_bound(model);
    bounds[index_of(Goal::no_table_revisits)] = revisit_lower_bound(model);
    return bounds;
}

Plan tabu_search(SeatingState& state, const GoalCosts& lower_bounds, Random& random,
                 const SearchLimits& limits) {
    if (state.model().first_open_round >= state.model().rounds) return state.plan();
    return TabuSearch(state, lower_bounds, random, limits).run();
}

void exchange_routes(SeatingState& state, Clock::time_point deadline) {
    const Model& model = state.model();
    std::vector<int> free_people;
    for (int p = 0; p < model.people; ++p) {
        const bool never_pinned =
            std::all_of(model.pinned.begin(), model.pinned.end(),
                        [&](const auto& row) { return row[p] == Model::none; });
        if (never_pinned) free_people.push_back(p);
    }
    const GoalCosts unchanged{};
    for (bool improved = true; improved && Clock::now() < deadline;) {
        improved = false;
        for (std::size_t i = 0; i < free_people.size(); ++i) {
            for (std::size_t j = i + 1; j < free_people.size(); ++j) {
                const int a = free_people[i];
                const int b = free_people[j];
                if (!state.can_swap_routes(a, b)) continue;
                if (model.compare(state.route_swap_delta(a, b), unchanged) < 0) {
                    state.apply_route_swap(a, b);
                    improved = true;
                }
            }
        }
    }
}

}  // namespace kc::planner
