#include "planner/model.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <string>

namespace kc::planner {

namespace {

std::string number(int value) { return std::to_string(value); }

// Interns names as indices in order of first appearance; empty names map to Model::none.
class Interner {
  public:
    int index(const std::string& name) {
        if (name.empty()) return Model::none;
        auto [it, inserted] = indices_.emplace(name, static_cast<int>(indices_.size()));
        return it->second;
    }
    int size() const { return static_cast<int>(indices_.size()); }

  private:
    std::map<std::string, int> indices_;
};

int previous_table(const std::optional<Plan>& previous, int round, int person) {
    if (!previous || round >= static_cast<int>(previous->table_of.size())) return Plan::absent;
    const auto& row = previous->table_of[round];
    return person < static_cast<int>(row.size()) ? row[person] : Plan::absent;
}

// Where a person who stays sits: the chosen table, else the table of an earlier plan, else a
// table where nobody fixed is of the same group (so that, say, a resident who stays and a
// resident host do not take up one table together all day), the one with the most free seats
// among those.
int stay_table_for(const Problem& problem, const ModelInput& input, const Model& model, int person,
                   const std::vector<int>& fixed_table, std::vector<int>& fixed_per_table) {
    const Person& who = problem.people[person];
    int table = who.stay_table.value_or(Plan::absent);
    for (int round = 0; table == Plan::absent && round < problem.rounds; ++round) {
        table = previous_table(input.previous, round, person);
    }
    if (table == Plan::absent) {
        const auto same_group_fixed = [&](int t) {
            if (model.group_of[person] == Model::none) return 0;
            int count = 0;
            for (int other = 0; other < model.people; ++other) {
                count += fixed_table[other] == t && model.group_of[other] == model.group_of[person];
            }
            return count;
        };
        const auto free_seats = [&](int t) {
            return problem.tables[t].capacity - fixed_per_table[t];
        };
        table = 0;
        for (int candidate = 1; candidate < static_cast<int>(problem.tables.size()); ++candidate) {
            const int fewer_alike = same_group_fixed(table) - same_group_fixed(candidate);
            if (fewer_alike > 0 ||
                (fewer_alike == 0 && free_seats(candidate) > free_seats(table))) {
                table = candidate;
            }
        }
    }
    ++fixed_per_table[table];
    return table;
}

}  // namespace

// Keeping seats comes after a resident at every table: at the door, a walk-in resident or a
// resident who did not show would otherwise leave tables without one for the rest of the café,
// and participants see a changed table on their phone. It comes before the group mix, so that
// a re-plan does not move people for a slightly better mix.
std::vector<Goal> default_goal_order() {
    return {Goal::no_repeat_meetings, Goal::no_table_revisits,  Goal::resident_at_every_table,
            Goal::keep_seats,         Goal::balanced_group_mix, Goal::organisations_spread};
}

BilingualError::BilingualError(std::string dutch, std::string english)
    : std::runtime_error(english), dutch_(std::move(dutch)), english_(std::move(english)) {}

bool is_resident_group(const std::string& group, const std::string& resident_group) {
    return !group.empty() && std::equal(group.begin(), group.end(), resident_group.begin(),
                                        resident_group.end(), [](unsigned char a, unsigned char b) {
                                            return std::tolower(a) == std::tolower(b);
                                        });
}

void validate(const Problem& problem) {
    const int tables = static_cast<int>(problem.tables.size());
    if (problem.rounds < 1) {
        throw PlanningError("Er moet minstens één ronde zijn.",
                            "There must be at least one round.");
    }
    if (tables < 1) {
        throw PlanningError("Er moet minstens één tafel zijn.",
                            "There must be at least one table.");
    }
    long long seats = 0;
    for (int t = 0; t < tables; ++t) {
        if (problem.tables[t].capacity < 1) {
            throw PlanningError("Tafel " + number(t + 1) + " heeft geen plaatsen.",
                                "Table " + number(t + 1) + " has no seats.");
        }
        seats += problem.tables[t].capacity;
    }
    const auto people = static_cast<long long>(problem.people.size());
    if (people > seats) {
        throw PlanningError("Er zijn meer deelnemers (" + std::to_string(people) +
                                ") dan plaatsen (" + std::to_string(seats) + ").",
                            "There are more people (" + std::to_string(people) + ") than seats (" +
                                std::to_string(seats) + ").");
    }
    std::vector<int> fixed(tables, 0);
    for (const Person& person : problem.people) {
        for (const std::optional<int>& table : {person.host_table, person.stay_table}) {
            if (table && (*table < 0 || *table >= tables)) {
                throw PlanningError(
                    person.name + " hoort bij tafel " + number(*table + 1) +
                        ", maar die tafel bestaat niet (er zijn " + number(tables) + " tafels).",
                    person.name + " belongs to table " + number(*table + 1) +
                        ", which does not exist (there are " + number(tables) + " tables).");
            }
        }
        if (person.host_table && person.stay_table && *person.host_table != *person.stay_table) {
            throw PlanningError(
                person.name + " is gastheer van de ene tafel maar blijft aan een andere.",
                person.name + " hosts one table but stays at another.");
        }
        const std::optional<int> fixed_table =
            person.host_table ? person.host_table : person.stay_table;
        if (fixed_table && ++fixed[*fixed_table] > problem.tables[*fixed_table].capacity) {
            throw PlanningError(
                "Aan tafel " + number(*fixed_table + 1) +
                    " zitten meer vaste mensen (gastheren en blijvers) dan er plaatsen zijn.",
                "Table " + number(*fixed_table + 1) +
                    " has more fixed people (hosts and people who stay) than seats.");
        }
    }
}

int Model::compare(const GoalCosts& a, const GoalCosts& b) const {
    for (Goal goal : goal_order) {
        const int i = index_of(goal);
        if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
    }
    return 0;
}

std::vector<int> balanced_table_sizes(const std::vector<int>& capacity,
                                      const std::vector<int>& fixed_per_table, int people) {
    std::vector<int> size = fixed_per_table;
    int placed = 0;
    for (int fixed : fixed_per_table) placed += fixed;
    for (; placed < people; ++placed) {
        int best = Model::none;
        for (int t = 0; t < static_cast<int>(capacity.size()); ++t) {
            if (size[t] >= capacity[t]) continue;
            // Compare fill ratios size/capacity by cross-multiplying to stay exact.
            if (best == Model::none || static_cast<long long>(size[t]) * capacity[best] <
                                           static_cast<long long>(size[best]) * capacity[t]) {
                best = t;
            }
        }
        if (best == Model::none) {
            throw PlanningError("Er zijn meer deelnemers dan plaatsen.",
                                "There are more people than seats.");
        }
        ++size[best];
    }
    return size;
}

Model build_model(const ModelInput& input) {
    const Problem& problem = *input.problem;
    validate(problem);
    Model model;
    model.people = static_cast<int>(problem.people.size());
    model.tables = static_cast<int>(problem.tables.size());
    model.rounds = problem.rounds;
    model.first_open_round = std::clamp(input.first_open_round, 0, problem.rounds);
    model.previous = input.previous;
    for (const Table& table : problem.tables) model.capacity.push_back(table.capacity);

    Interner groups;
    Interner organisations;
    for (const Person& person : problem.people) {
        model.group_of.push_back(groups.index(person.group));
        model.organisation_of.push_back(organisations.index(person.organisation));
        if (is_resident_group(person.group, problem.resident_group)) {
            model.resident_group = model.group_of.back();
        }
    }
    model.group_count = groups.size();

    model.present = input.present;
    if (model.present.empty()) {
        model.present.assign(model.rounds, std::vector<bool>(model.people, true));
    }

    std::vector<int> fixed_table(model.people, Model::none);
    std::vector<int> fixed_per_table(model.tables, 0);
    for (int p = 0; p < model.people; ++p) {
        if (const auto& host = problem.people[p].host_table) {
            fixed_table[p] = *host;
            ++fixed_per_table[*host];
        }
    }
    for (int p = 0; p < model.people; ++p) {
        if (problem.people[p].stays && fixed_table[p] == Model::none) {
            fixed_table[p] = stay_table_for(problem, input, model, p, fixed_table, fixed_per_table);
        }
    }
    model.may_revisit.resize(model.people);
    for (int p = 0; p < model.people; ++p) model.may_revisit[p] = fixed_table[p] != Model::none;

    model.pinned.assign(model.rounds, std::vector<int>(model.people, Model::none));
    model.attendance.assign(model.rounds, 0);
    model.table_size = input.table_size;
    const bool sizes_given = !model.table_size.empty();
    if (!sizes_given) model.table_size.resize(model.rounds);
    for (int r = 0; r < model.rounds; ++r) {
        const bool frozen = r < model.first_open_round;
        std::vector<int> fixed_here(model.tables, 0);
        for (int p = 0; p < model.people; ++p) {
            if (frozen) {
                const int table = previous_table(input.previous, r, p);
                model.present[r][p] = table != Plan::absent;
                model.pinned[r][p] = table;
            } else if (model.present[r][p]) {
                model.pinned[r][p] = fixed_table[p];
            }
            if (model.pinned[r][p] != Model::none) ++fixed_here[model.pinned[r][p]];
            model.attendance[r] += model.present[r][p];
        }
        if (frozen) {
            model.table_size[r] = fixed_here;
        } else if (!sizes_given) {
            model.table_size[r] =
                balanced_table_sizes(model.capacity, fixed_here, model.present_count(r));
        }
        for (int t = 0; t < model.tables; ++t) {
            if (fixed_here[t] > model.table_size[r][t]) {
                throw PlanningError(
                    "Aan tafel " + number(t + 1) + " moeten in ronde " + number(r + 1) +
                        " meer vaste mensen zitten dan er plaats is.",
                    "Table " + number(t + 1) + " would need more fixed people in round " +
                        number(r + 1) + " than it has room for.");
            }
        }
    }
    model.goal_order = problem.goal_order;
    return model;
}

}  // namespace kc::planner
