#pragma once

#include <vector>

namespace kc::domain {

// Public statistics never show how many people of a group came when that number is
// small, because a reader who knows who was there could then tell who it was.
struct SmallNumberPolicy {
    static constexpr int default_threshold = 5;
    static constexpr int min_threshold = 1;
    static constexpr int max_threshold = 50;

    // Counts from 1 up to threshold - 1 are not shown. 1 shows every count.
    int threshold = default_threshold;
};

// A count as the public may see it.
struct ShownCount {
    enum class Kind {
        exact,       // `value` people
        fewer_than,  // fewer than `value` people (and at least one)
        withheld,    // not shown, so that a hidden small count cannot be worked out
    };
    Kind kind = Kind::exact;
    int value = 0;

    bool operator==(const ShownCount&) const = default;
};

// The count itself, or "fewer than threshold" for 1 .. threshold - 1. Zero is shown:
// it says nothing about a person.
ShownCount shown_count(int count, const SmallNumberPolicy& policy);

// A row of group counts with their total, as the public may see them.
struct ShownCounts {
    std::vector<ShownCount> groups;
    ShownCount total;
};

// Like shown_count for each group and the total, and one step more: when exactly one
// group is hidden while the total is shown, the hidden count would be the total minus the
// others, so the smallest other non-zero group is withheld as well.
ShownCounts shown_counts(const std::vector<int>& groups, const SmallNumberPolicy& policy);

}  // namespace kc::domain
