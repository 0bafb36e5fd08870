#pragma once

#include <vector>

namespace kc::planner {

// The assignment of rows to distinct columns with the least total cost (Hungarian method);
// cost must be square. Returns the column of each row.
std::vector<int> cheapest_assignment(const std::vector<std::vector<int>>& cost);

}  // namespace kc::planner
