#include "planner/construction.hpp"

#include <algorithm>
#include <array>
#include <numeric>

namespace kc::planner {

namespace {

// Arithmetic in GF(p^e), elements written as base-p digit strings of polynomial coefficients.
class GaloisField {
  public:
    // Nothing when `order` is not a prime power.
    static std::optional<GaloisField> of_order(int order) {
        int prime = 2;
        while (prime <= order && order % prime != 0) ++prime;
        if (prime > order) return std::nullopt;
        int degree = 0;
        for (int rest = order; rest > 1; rest /= prime) {
            if (rest % prime != 0) return std::nullopt;
            ++degree;
        }
        // Try the monic polynomials of this degree until the products form a field.
        for (int low = 0; low < order; ++low) {
            GaloisField field(prime, degree, low);
            if (field.is_field()) return field;
        }
        return std::nullopt;
    }

    int order() const { return order_; }
    int add(int a, int b) const { return sum_[a * order_ + b]; }
    int multiply(int a, int b) const { return product_[a * order_ + b]; }
    int negate(int a) const {
        for (int b = 0; b < order_; ++b) {
            if (add(a, b) == 0) return b;
        }
        return 0;
    }

  private:
    // `modulus_low` holds the coefficients below the leading one of the reducing polynomial.
    GaloisField(int prime, int degree, int modulus_low) : order_(1) {
        for (int i = 0; i < degree; ++i) order_ *= prime;
        const auto digits = [&](int value) {
            std::vector<int> out(degree);
            for (int i = 0; i < degree; ++i, value /= prime) out[i] = value % prime;
            return out;
        };
        const auto number = [&](const std::vector<int>& coefficients) {
            int value = 0;
            for (int i = degree - 1; i >= 0; --i) value = value * prime + coefficients[i];
            return value;
        };
        const std::vector<int> modulus = digits(modulus_low);
        sum_.resize(order_ * order_);
        product_.resize(order_ * order_);
        for (int a = 0; a < order_; ++a) {
            for (int b = 0; b < order_; ++b) {
                const std::vector<int> x = digits(a);
                const std::vector<int> y = digits(b);
                std::vector<int> total(degree);
                for (int i = 0; i < degree; ++i) total[i] = (x[i] + y[i]) % prime;
                sum_[a * order_ + b] = number(total);
                std::vector<int> full(2 * degree, 0);
                for (int i = 0; i < degree; ++i) {
                    for (int j = 0; j < degree; ++j) full[i + j] += x[i] * y[j];
                }
                // Reduce with t^degree = -(modulus_low), from the top coefficient down.
                for (int i = 2 * degree - 1; i >= degree; --i) {
                    const int carry = full[i] % prime;
                    for (int j = 0; j < degree; ++j) {
                        full[i - degree + j] += (prime - modulus[j]) * carry;
                    }
                    full[i] = 0;
                }
                std::vector<int> reduced(degree);
                for (int i = 0; i < degree; ++i) reduced[i] = full[i] % prime;
                product_[a * order_ + b] = number(reduced);
            }
        }
    }

    bool is_field() const {
        for (int a = 1; a < order_; ++a) {
            bool has_inverse = false;
            for (int b = 1; b < order_ && !has_inverse; ++b) has_inverse = multiply(a, b) == 1;
            if (!has_inverse) return false;
        }
        return true;
    }

    int order_;
    std::vector<int> sum_;
    std::vector<int> product_;
};

// Two orthogonal Latin squares of order 10, found once by an exact-cover search over the
// transversals of a random Latin square; fixed here so that planning is instant. The unit
// tests check that the schedule they give has no repeats, which holds only if they are.
constexpr std::array<std::array<int, 10>, 10> latin_square_a = {{
    {1, 4, 9, 3, 5, 7, 6, 8, 2, 0},
    {0, 9, 5, 4, 6, 8, 2, 1, 3, 7},
    {5, 3, 0, 6, 8, 4, 1, 9, 7, 2},
    {4, 0, 2, 1, 7, 6, 9, 3, 8, 5},
    {2, 7, 1, 5, 4, 9, 3, 6, 0, 8},
    {8, 1, 7, 2, 9, 3, 0, 5, 4, 6},
    {7, 8, 3, 0, 1, 5, 4, 2, 6, 9},
    {6, 5, 8, 9, 2, 0, 7, 4, 1, 3},
    {9, 6, 4, 7, 3, 2, 8, 0, 5, 1},
    {3, 2, 6, 8, 0, 1, 5, 7, 9, 4},
}};
constexpr std::array<std::array<int, 10>, 10> latin_square_b = {{
    {3, 6, 7, 8, 2, 9, 5, 0, 1, 4},
    {5, 4, 6, 7, 1, 8, 3, 2, 9, 0},
    {4, 3, 8, 0, 6, 5, 9, 1, 2, 7},
    {1, 2, 9, 6, 7, 4, 0, 5, 3, 8},
    {8, 1, 4, 9, 3, 2, 7, 6, 0, 5},
    {7, 0, 5, 2, 8, 1, 6, 3, 4, 9},
    {6, 9, 2, 1, 5, 0, 8, 4, 7, 3},
    {2, 7, 1, 5, 0, 3, 4, 9, 8, 6},
    {9, 8, 0, 3, 4, 6, 2, 7, 5, 1},
    {0, 5, 3, 4, 9, 7, 1, 8, 6, 2},
}};

}  // namespace

int schedule_repeats(const GroupSchedule& schedule, int groups) {
    if (schedule.empty()) return 0;
    const int players = static_cast<int>(schedule.front().size());
    std::vector<int> meetings(static_cast<std::size_t>(players) * players, 0);
    int repeats = 0;
    for (const auto& round : schedule) {
        std::vector<std::vector<int>> members(groups);
        for (int p = 0; p < players; ++p) members[round[p]].push_back(p);
        for (const auto& group : members) {
            for (std::size_t i = 0; i < group.size(); ++i) {
                for (std::size_t j = i + 1; j < group.size(); ++j) {
                    if (meetings[group[i] * players + group[j]]++ > 0) ++repeats;
                }
            }
        }
    }
    return repeats;
}

void add_rounds_greedily(GroupSchedule& schedule, int groups, int rounds) {
    if (schedule.empty()) return;
    const int players = static_cast<int>(schedule.front().size());
    const int size = players / groups;
    std::vector<int> meetings(static_cast<std::size_t>(players) * players, 0);
    const auto count_round = [&](const std::vector<int>& round) {
        for (int a = 0; a < players; ++a) {
            for (int b = 0; b < players; ++b) {
                if (a != b && round[a] == round[b]) ++meetings[a * players + b];
            }
        }
    };
    for (const auto& round : schedule) count_round(round);
    while (static_cast<int>(schedule.size()) < rounds) {
        std::vector<int> round(players, -1);
        for (int g = 0; g < groups; ++g) {
            std::vector<int> members;
            while (static_cast<int>(members.size()) < size) {
                int best = -1;
                int fewest = 0;
                for (int p = 0; p < players; ++p) {
                    if (round[p] != -1) continue;
                    int met = 0;
                    for (int m : members) met += meetings[p * players + m];
                    if (best == -1 || met < fewest) {
                        best = p;
                        fewest = met;
                    }
                }
                round[best] = g;
                members.push_back(best);
            }
        }
        count_round(round);
        schedule.push_back(std::move(round));
    }
}

std::optional<GroupSchedule> affine_schedule(int groups, int size, int rounds) {
    const std::optional<GaloisField> field = GaloisField::of_order(size);
    if (!field || size < 2) return std::nullopt;
    const int q = size;
    const int players = groups * size;
    int dimension = 1;
    for (int points = q; points < players; points *= q) ++dimension;
    int points = 1;
    for (int i = 0; i < dimension; ++i) points *= q;
    if (dimension < 2 || points != players) return std::nullopt;

    const auto coordinates = [&](int point) {
        std::vector<int> out(dimension);
        for (int i = 0; i < dimension; ++i, point /= q) out[i] = point % q;
        return out;
    };
    // Directions: the nonzero vectors whose first nonzero coordinate is 1.
    std::vector<std::vector<int>> directions;
    for (int v = 1; v < points && static_cast<int>(directions.size()) < rounds; ++v) {
        const std::vector<int> direction = coordinates(v);
        const auto first =
            std::find_if(direction.begin(), direction.end(), [](int c) { return c != 0; });
        if (*first == 1) directions.push_back(direction);
    }
    if (static_cast<int>(directions.size()) < rounds) return std::nullopt;

    GroupSchedule schedule(rounds, std::vector<int>(players));
    for (int r = 0; r < rounds; ++r) {
        const std::vector<int>& direction = directions[r];
        const int pivot = static_cast<int>(
            std::find_if(direction.begin(), direction.end(), [](int c) { return c != 0; }) -
            direction.begin());
        for (int p = 0; p < players; ++p) {
            // The line through p in this direction is named by its point with a zero pivot
            // coordinate: p - p[pivot] * direction, without that coordinate.
            const std::vector<int> point = coordinates(p);
            const int step = field->negate(point[pivot]);
            int line = 0;
            for (int i = dimension - 1; i >= 0; --i) {
                if (i == pivot) continue;
                line = line * q + field->add(point[i], field->multiply(step, direction[i]));
            }
            schedule[r][p] = line;
        }
    }
    return schedule;
}

std::optional<GroupSchedule> latin_square_schedule(int groups, int size, int rounds) {
    constexpr int order = 10;
    if (groups != order || size != order || rounds > 4) return std::nullopt;
    GroupSchedule schedule(rounds, std::vector<int>(order * order));
    for (int row = 0; row < order; ++row) {
        for (int column = 0; column < order; ++column) {
            const int player = row * order + column;
            const std::array<int, 4> group = {row, column, latin_square_a[row][column],
                                              latin_square_b[row][column]};
            for (int r = 0; r < rounds; ++r) schedule[r][player] = group[r];
        }
    }
    return schedule;
}

namespace {

// The base rounds of a cyclic schedule and how often each orbit of pairs is used by them. With
// m shifts the players are m * k points (x, c), x in Z_m, plus a few fixed points; each base
// round gives m rounds by adding t to every x. Two base pairs repeat a meeting somewhere in the
// developed schedule exactly when they fall into the same orbit of pairs under the shifts, so
// the cost of the whole schedule follows from a count per orbit.
class CyclicBase {
  public:
    CyclicBase(int groups, int size, int shifts, int bases, Random& random)
        : shifts_(shifts),
          classes_(groups * size / shifts),
          fixed_(groups * size - shifts * classes_),
          players_(groups * size),
          mixed_offset_(classes_ * (shifts_ / 2)),
          fixed_class_offset_(mixed_offset_ + classes_ * classes_ * shifts_),
          fixed_pair_offset_(fixed_class_offset_ + fixed_ * classes_),
          count_(fixed_pair_offset_ + fixed_ * fixed_, 0),
          group_of_(bases, std::vector<int>(players_)),
          members_(bases, std::vector<std::vector<int>>(groups)) {
        for (int b = 0; b < bases; ++b) {
            std::vector<int> order(players_);
            std::iota(order.begin(), order.end(), 0);
            std::shuffle(order.begin(), order.end(), random);
            for (int i = 0; i < players_; ++i) {
                group_of_[b][order[i]] = i / size;
                members_[b][i / size].push_back(order[i]);
            }
            for (const auto& group : members_[b]) {
                for (std::size_t i = 0; i < group.size(); ++i) {
                    for (std::size_t j = i + 1; j < group.size(); ++j) {
                        cost_ += change(group[i], group[j], +1);
                    }
                }
            }
        }
    }

    // Whether `shifts` shifts of `bases` base rounds can make the rounds: every fixed point
    // needs a group of its own in each round.
    static bool fits(int groups, int size, int shifts, int bases, int rounds) {
        const int players = groups * size;
        return shifts >= 2 && shifts * bases == rounds && players / shifts >= 1 &&
               players % shifts <= groups;
    }

    int cost() const { return cost_; }
    int players() const { return players_; }
    int bases() const { return static_cast<int>(group_of_.size()); }
    int group_of(int base, int player) const { return group_of_[base][player]; }

    // Whether a player is in a pair whose orbit another pair uses too.
    bool in_conflict(int base, int player) const {
        for (int other : members_[base][group_of_[base][player]]) {
            if (other == player) continue;
            const int k = key(player, other);
            if (pair_cost(k, count_[k]) > 0) return true;
        }
        return false;
    }

    int swap_delta(int base, int a, int b) {
        const int delta = swap(base, a, b);
        swap(base, a, b);
        return delta;
    }

    void apply_swap(int base, int a, int b) { cost_ += swap(base, a, b); }

    GroupSchedule develop() const {
        GroupSchedule schedule;
        const int finite = shifts_ * classes_;
        for (const auto& base : group_of_) {
            for (int t = 0; t < shifts_; ++t) {
                std::vector<int> round(players_);
                for (int p = 0; p < players_; ++p) {
                    // The player at (x, c) in shift t stood at (x - t, c) in the base round.
                    const int origin =
                        p < finite ? p - p % shifts_ + (p % shifts_ - t + shifts_) % shifts_ : p;
                    round[p] = base[origin];
                }
                schedule.push_back(std::move(round));
            }
        }
        return schedule;
    }

  private:
    int key(int a, int b) const {
        const int finite = shifts_ * classes_;
        if (a >= finite && b >= finite) {
            return fixed_pair_offset_ + (std::min(a, b) - finite) * fixed_ + std::max(a, b) -
                   finite;
        }
        if (a >= finite || b >= finite) {
            return fixed_class_offset_ + (std::max(a, b) - finite) * classes_ +
                   std::min(a, b) / shifts_;
        }
        if (a / shifts_ > b / shifts_) std::swap(a, b);
        const int class_a = a / shifts_;
        const int class_b = b / shifts_;
        const int difference = (b % shifts_ - a % shifts_ + shifts_) % shifts_;
        if (class_a == class_b) {
            const int smaller = std::min(difference, shifts_ - difference);
            return class_a * (shifts_ / 2) + smaller - 1;
        }
        return mixed_offset_ + (class_a * classes_ + class_b) * shifts_ + difference;
    }

    // Meetings beyond the first that `count` base pairs of this orbit cause.
    int pair_cost(int key, int count) const {
        if (count == 0) return 0;
        int distinct_pairs = shifts_;
        if (key >= fixed_pair_offset_) {
            distinct_pairs = 1;
        } else if (key < mixed_offset_ && shifts_ % 2 == 0 &&
                   key % (shifts_ / 2) == shifts_ / 2 - 1) {
            // A difference of half the cycle: the shifted pair comes back halfway round.
            distinct_pairs = shifts_ / 2;
        }
        return count * shifts_ - distinct_pairs;
    }

    int change(int a, int b, int step) {
        const int k = key(a, b);
        const int before = pair_cost(k, count_[k]);
        count_[k] += step;
        return pair_cost(k, count_[k]) - before;
    }

    int swap(int base, int a, int b) {
        auto& group_of = group_of_[base];
        auto& members = members_[base];
        const int group_a = group_of[a];
        const int group_b = group_of[b];
        int delta = 0;
        for (int other : members[group_a]) {
            if (other == a) continue;
            delta += change(a, other, -1);
            delta += change(b, other, +1);
        }
        for (int other : members[group_b]) {
            if (other == b) continue;
            delta += change(b, other, -1);
            delta += change(a, other, +1);
        }
        *std::find(members[group_a].begin(), members[group_a].end(), a) = b;
        *std::find(members[group_b].begin(), members[group_b].end(), b) = a;
        group_of[a] = group_b;
        group_of[b] = group_a;
        return delta;
    }

    int shifts_;
    int classes_;
    int fixed_;
    int players_;
    int mixed_offset_;
    int fixed_class_offset_;
    int fixed_pair_offset_;
    std::vector<int> count_;
    std::vector<std::vector<int>> group_of_;              // [base][player]
    std::vector<std::vector<std::vector<int>>> members_;  // [base][group]
    int cost_ = 0;
};

// Tabu search over swaps inside one base round; true when it reaches a schedule without
// repeats before it stagnates or the deadline passes.
bool search_base(CyclicBase& base, Random& random, Clock::time_point deadline) {
    // Small: a fresh random start pays off sooner than a long walk on one plateau.
    constexpr long long stagnation_limit = 500;
    constexpr int tenure_minimum = 3;
    constexpr int tenure_spread = 8;
    const int players = base.players();
    std::vector<std::vector<long long>> tabu_until(base.bases(),
                                                   std::vector<long long>(players, 0));
    int best = base.cost();
    long long last_improvement = 0;
    for (long long step = 0; base.cost() > 0 && step - last_improvement < stagnation_limit;
         ++step) {
        if (step % 256 == 0 && Clock::now() >= deadline) return false;
        int best_delta = 0;
        int best_base = -1;
        int best_a = -1;
        int best_b = -1;
        int ties = 0;
        for (int k = 0; k < base.bases(); ++k) {
            for (int a = 0; a < players; ++a) {
                if (!base.in_conflict(k, a)) continue;
                for (int b = 0; b < players; ++b) {
                    if (base.group_of(k, a) == base.group_of(k, b)) continue;
                    const int delta = base.swap_delta(k, a, b);
                    const bool tabu = tabu_until[k][a] > step || tabu_until[k][b] > step;
                    if (tabu && base.cost() + delta >= best) continue;
                    const bool better = best_a < 0 || delta < best_delta;
                    if (better || (delta == best_delta && random() % ++ties == 0)) {
                        if (better) ties = 1;
                        best_delta = delta;
                        best_base = k;
                        best_a = a;
                        best_b = b;
                    }
                }
            }
        }
        if (best_a < 0) return false;
        base.apply_swap(best_base, best_a, best_b);
        tabu_until[best_base][best_a] = step + tenure_minimum + random() % tenure_spread;
        tabu_until[best_base][best_b] = step + tenure_minimum + random() % tenure_spread;
        if (base.cost() < best) {
            best = base.cost();
            last_improvement = step;
        }
    }
    return base.cost() == 0;
}

}  // namespace

std::optional<GroupSchedule> cyclic_schedule(int groups, int size, int rounds, Random& random,
                                             Clock::time_point deadline) {
    // Every way of writing the rounds as shifts times base rounds that fits the players, each
    // attempt from a fresh random start.
    std::vector<int> base_counts;
    for (int bases = 1; bases <= rounds; ++bases) {
        if (rounds % bases == 0 && CyclicBase::fits(groups, size, rounds / bases, bases, rounds)) {
            base_counts.push_back(bases);
        }
    }
    if (base_counts.empty()) return std::nullopt;
    for (std::size_t attempt = 0; Clock::now() < deadline; ++attempt) {
        // A single base round succeeds most often where it fits; the other shapes get every
        // fourth attempt.
        const int bases = attempt % 4 != 3 ? base_counts.front()
                                           : base_counts[(attempt / 4) % base_counts.size()];
        CyclicBase base(groups, size, rounds / bases, bases, random);
        if (search_base(base, random, deadline)) return base.develop();
    }
    return std::nullopt;
}

}  // namespace kc::planner
