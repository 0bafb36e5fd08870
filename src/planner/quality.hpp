#pragma once

#include <string>

#include "planner/model.hpp"

namespace kc::planner {

// The figures by which a plan is judged, in the words of the issue.
struct Quality {
    int people = 0;
    int tables = 0;
    int rounds = 0;
    // Sum over pairs of their meetings beyond the first, and the fewest any plan can have.
    int repeats = 0;
    int repeat_lower_bound = 0;
    int most_meetings_of_one_pair = 0;
    // Times someone other than a host or a person who stays returns to a table.
    int revisits = 0;
    int revisit_lower_bound = 0;
    // Table-rounds without a resident although the room had a resident to spare for them.
    int tables_without_resident = 0;
    // For each table-round and group, how far the count lies outside the even spread (the
    // room's share of that group rounded down or up), summed, and the worst single table-round.
    int mix_deviation = 0;
    int worst_table_mix_deviation = 0;
    // Pairs from the same organisation at one table, summed over rounds.
    int organisation_clashes = 0;
    // Seats in the re-planned rounds that differ from the previous plan.
    int seats_changed = 0;
    bool replanned = false;

    GoalCosts costs() const;
};

Quality measure(const Model& model, const Plan& plan);

// The best of three bounds. Counting: the pair meetings the table sizes force, minus the pairs
// that can meet at all, and never less than the repeats of people fixed together. Pigeonhole:
// a table with more people than there were tables in an earlier round seats some of them
// together again (with hosts, a table's own host counts too). And for 6 tables of 6 it adds
// Euler's 36 officers (no two orthogonal Latin squares of order 6): 4 rounds hold at least 2
// repeats, and every further round costs at least one more.
int repeat_lower_bound(const Model& model);
int revisit_lower_bound(const Model& model);

// The quality in plain words for the organiser, in Dutch and in English.
std::string summary_dutch(const Quality& quality);
std::string summary_english(const Quality& quality);

}  // namespace kc::planner
