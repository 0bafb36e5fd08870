#include "planner/assignment.hpp"

#include <limits>

namespace kc::planner {

std::vector<int> cheapest_assignment(const std::vector<std::vector<int>>& cost) {
    // Shortest augmenting paths with row and column potentials; indices are 1-based inside so
    // that column 0 can stand for "not yet matched".
    const int n = static_cast<int>(cost.size());
    constexpr long long infinity = std::numeric_limits<long long>::max() / 4;
    std::vector<long long> row_potential(n + 1, 0);
    std::vector<long long> column_potential(n + 1, 0);
    std::vector<int> row_of_column(n + 1, 0);
    std::vector<int> previous_column(n + 1, 0);
    for (int row = 1; row <= n; ++row) {
        row_of_column[0] = row;
        int column = 0;
        std::vector<long long> slack(n + 1, infinity);
        std::vector<bool> used(n + 1, false);
        do {
            used[column] = true;
            const int current_row = row_of_column[column];
            long long smallest = infinity;
            int next_column = 0;
            for (int j = 1; j <= n; ++j) {
                if (used[j]) continue;
                const long long reduced =
                    cost[current_row - 1][j - 1] - row_potential[current_row] - column_potential[j];
                if (reduced < slack[j]) {
                    slack[j] = reduced;
                    previous_column[j] = column;
                }
                if (slack[j] < smallest) {
                    smallest = slack[j];
                    next_column = j;
                }
            }
            for (int j = 0; j <= n; ++j) {
                if (used[j]) {
                    row_potential[row_of_column[j]] += smallest;
                    column_potential[j] -= smallest;
                } else {
                    slack[j] -= smallest;
                }
            }
            column = next_column;
        } while (row_of_column[column] != 0);
        do {
            const int before = previous_column[column];
            row_of_column[column] = row_of_column[before];
            column = before;
        } while (column != 0);
    }
    std::vector<int> column_of_row(n, 0);
    for (int j = 1; j <= n; ++j) column_of_row[row_of_column[j] - 1] = j - 1;
    return column_of_row;
}

}  // namespace kc::planner
