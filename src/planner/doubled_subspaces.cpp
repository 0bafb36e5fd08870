#include <algorithm>
#include <bit>
#include <cstdint>
#include <unordered_set>

#include "planner/construction.hpp"

namespace kc::planner {

namespace {

// The quotient points are the vectors of F_2^d, at most 64 of them so that a set of vectors
// fits in one machine word.
constexpr int largest_dimension = 6;
constexpr std::uint64_t nodes_between_time_checks = 1'024;

// A subspace as the set of its nonzero vectors, bit v standing for vector v.
using VectorSet = std::uint64_t;

std::optional<int> exact_log2(int value) {
    if (value <= 0 || !std::has_single_bit(static_cast<unsigned>(value))) return std::nullopt;
    return std::countr_zero(static_cast<unsigned>(value));
}

VectorSet span(const std::vector<int>& basis) {
    std::vector<int> elements = {0};
    for (int b : basis) {
        const std::size_t known = elements.size();
        for (std::size_t i = 0; i < known; ++i) elements.push_back(elements[i] ^ b);
    }
    VectorSet set = 0;
    for (int e : elements) {
        if (e != 0) set |= VectorSet{1} << e;
    }
    return set;
}

// Every subspace of dimension `k` in F_2^d, each once.
std::vector<VectorSet> subspaces(int d, int k) {
    std::vector<VectorSet> found;
    std::unordered_set<VectorSet> seen;
    const int points = 1 << d;
    std::vector<int> basis;
    // Increasing bases, each vector outside the span of the ones before it.
    const auto extend = [&](const auto& self, int from) -> void {
        if (static_cast<int>(basis.size()) == k) {
            const VectorSet set = span(basis);
            if (seen.insert(set).second) found.push_back(set);
            return;
        }
        const VectorSet known = span(basis);
        for (int v = from; v < points; ++v) {
            if ((known >> v) & 1) continue;
            basis.push_back(v);
            self(self, v + 1);
            basis.pop_back();
        }
    };
    extend(extend, 1);
    return found;
}

// Linear equations over GF(2), each a row of bits with a right-hand side; solved by Gaussian
// elimination with the free variables set to zero.
class BinaryEquations {
  public:
    explicit BinaryEquations(int variables)
        : variables_(variables), words_((variables + 63) / 64) {}

    void add(const std::vector<int>& terms, bool right_hand_side) {
        std::vector<std::uint64_t> row(words_ + 1, 0);
        for (int t : terms) row[t / 64] ^= std::uint64_t{1} << (t % 64);
        row[words_] = right_hand_side ? 1 : 0;
        rows_.push_back(std::move(row));
    }

    std::optional<std::vector<bool>> solve() {
        std::vector<int> pivot_column;
        std::size_t rank = 0;
        for (int column = 0; column < variables_ && rank < rows_.size(); ++column) {
            const auto has = [&](const std::vector<std::uint64_t>& row) {
                return (row[column / 64] >> (column % 64)) & 1;
            };
            const auto found =
                std::find_if(rows_.begin() + static_cast<std::ptrdiff_t>(rank), rows_.end(), has);
            if (found == rows_.end()) continue;
            std::iter_swap(rows_.begin() + static_cast<std::ptrdiff_t>(rank), found);
            for (std::size_t r = 0; r < rows_.size(); ++r) {
                if (r != rank && has(rows_[r])) {
                    for (std::size_t w = 0; w <= words_; ++w) rows_[r][w] ^= rows_[rank][w];
                }
            }
            pivot_column.push_back(column);
            ++rank;
        }
        // A row left without variables but with a right-hand side of 1 says 0 = 1.
        for (std::size_t r = rank; r < rows_.size(); ++r) {
            if (rows_[r][words_] != 0) return std::nullopt;
        }
        std::vector<bool> value(variables_, false);
        for (std::size_t r = 0; r < rank; ++r) value[pivot_column[r]] = rows_[r][words_] != 0;
        return value;
    }

  private:
    int variables_;
    std::size_t words_;
    std::vector<std::vector<std::uint64_t>> rows_;
};

// Splits each coset of each chosen subspace into two groups of players. Player 2x + side
// belongs to quotient point x; the bit of (round, x) says which of the coset's two groups
// takes side 0. Two quotient points that share a coset in two rounds must meet as "same
// sides" in one round and as "crossed sides" in the other, so their four players meet once
// each: one linear equation over GF(2) per such pair.
std::optional<GroupSchedule> lift(const std::vector<VectorSet>& chosen, int d) {
    const int points = 1 << d;
    const int rounds = static_cast<int>(chosen.size());
    const auto variable = [&](int round, int point) { return round * points + point; };
    BinaryEquations equations(rounds * points);
    for (int x = 0; x < points; ++x) {
        for (int y = x + 1; y < points; ++y) {
            std::vector<int> sharing;
            for (int r = 0; r < rounds; ++r) {
                if ((chosen[r] >> (x ^ y)) & 1) sharing.push_back(r);
            }
            if (sharing.size() == 2) {
                equations.add({variable(sharing[0], x), variable(sharing[0], y),
                               variable(sharing[1], x), variable(sharing[1], y)},
                              true);
            }
        }
    }
    const std::optional<std::vector<bool>> bits = equations.solve();
    if (!bits) return std::nullopt;

    GroupSchedule schedule(rounds, std::vector<int>(2 * points));
    for (int r = 0; r < rounds; ++r) {
        // Cosets are numbered in the order of their smallest point.
        std::vector<int> coset_of(points, -1);
        int cosets = 0;
        for (int x = 0; x < points; ++x) {
            if (coset_of[x] != -1) continue;
            coset_of[x] = cosets;
            for (int v = 1; v < points; ++v) {
                if ((chosen[r] >> v) & 1) coset_of[x ^ v] = cosets;
            }
            ++cosets;
        }
        for (int x = 0; x < points; ++x) {
            for (int side = 0; side < 2; ++side) {
                const int flip = (*bits)[variable(r, x)] ? 1 : 0;
                schedule[r][2 * x + side] = 2 * coset_of[x] + (side ^ flip);
            }
        }
    }
    return schedule;
}

// Depth-first choice of subspaces that cover every nonzero vector at most twice, trying the
// lift at each complete choice.
class SubspaceChoice {
  public:
    SubspaceChoice(std::vector<VectorSet> candidates, int d, int rounds, Clock::time_point deadline)
        : candidates_(std::move(candidates)),
          d_(d),
          rounds_(rounds),
          deadline_(deadline),
          vectors_per_subspace_(std::popcount(candidates_.front())) {}

    std::optional<GroupSchedule> search() {
        result_.reset();
        choose(0, 2 * ((1 << d_) - 1));
        return result_;
    }

  private:
    // `spare` counts the coverings still allowed, summed over all nonzero vectors.
    bool choose(std::size_t from, int spare) {
        if (++nodes_ % nodes_between_time_checks == 0 && Clock::now() >= deadline_) return true;
        if (static_cast<int>(chosen_.size()) == rounds_) {
            result_ = lift(chosen_, d_);
            return result_.has_value();
        }
        const int still_needed = rounds_ - static_cast<int>(chosen_.size());
        if (spare < still_needed * vectors_per_subspace_) return false;
        for (std::size_t i = from; i < candidates_.size(); ++i) {
            if ((candidates_[i] & covered_twice_) != 0) continue;
            const VectorSet once_before = covered_once_;
            covered_twice_ |= covered_once_ & candidates_[i];
            covered_once_ ^= candidates_[i];
            chosen_.push_back(candidates_[i]);
            const bool stop = choose(i + 1, spare - vectors_per_subspace_);
            chosen_.pop_back();
            covered_twice_ &= ~candidates_[i];
            covered_once_ = once_before;
            if (stop) return true;
        }
        return false;
    }

    std::vector<VectorSet> candidates_;
    int d_;
    int rounds_;
    Clock::time_point deadline_;
    int vectors_per_subspace_;
    std::vector<VectorSet> chosen_;
    VectorSet covered_once_ = 0;
    VectorSet covered_twice_ = 0;
    std::uint64_t nodes_ = 0;
    std::optional<GroupSchedule> result_;
};

}  // namespace

std::optional<GroupSchedule> doubled_subspace_schedule(int groups, int size, int rounds,
                                                       Random& random, Clock::time_point deadline) {
    const std::optional<int> k = exact_log2(size);
    const std::optional<int> players_log = exact_log2(groups * size);
    if (!k || *k < 2 || !players_log || rounds < 1) return std::nullopt;
    const int d = *players_log - 1;
    if (d <= *k || d > largest_dimension) return std::nullopt;
    // Each round covers 2^k - 1 of the 2^d - 1 nonzero vectors, each vector at most twice.
    if (rounds * ((1 << *k) - 1) > 2 * ((1 << d) - 1)) return std::nullopt;
    std::vector<VectorSet> candidates = subspaces(d, *k);
    std::shuffle(candidates.begin(), candidates.end(), random);
    return SubspaceChoice(std::move(candidates), d, rounds, deadline).search();
}

}  // namespace kc::planner
