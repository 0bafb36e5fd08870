#include "planner/seating_state.hpp"

#include <algorithm>

namespace kc::planner {

namespace {

constexpr int repeats = index_of(Goal::no_repeat_meetings);
constexpr int seats = index_of(Goal::keep_seats);
constexpr int revisits = index_of(Goal::no_table_revisits);
constexpr int residents = index_of(Goal::resident_at_every_table);
constexpr int mix = index_of(Goal::balanced_group_mix);
constexpr int organisations = index_of(Goal::organisations_spread);

}  // namespace

SeatingState::SeatingState(const Model& model, Plan plan) : model_(&model), plan_(std::move(plan)) {
    const int n = model.people;
    const int tables = model.tables;
    const int groups = model.group_count;
    members_.assign(model.rounds, std::vector<std::vector<int>>(tables));
    slot_.assign(model.rounds, std::vector<int>(n, Model::none));
    meet_.assign(static_cast<std::size_t>(n) * n, 0);
    visits_.assign(static_cast<std::size_t>(n) * tables, 0);
    group_counts_.assign(static_cast<std::size_t>(model.rounds) * tables * groups, 0);
    mix_low_.assign(group_counts_.size(), 0);
    mix_high_.assign(group_counts_.size(), 0);
    tables_with_resident_.assign(model.rounds, 0);
    resident_target_.assign(model.rounds, 0);

    for (int r = 0; r < model.rounds; ++r) {
        std::vector<int> room_count(groups, 0);
        for (int p = 0; p < n; ++p) {
            const int t = plan_.table_of[r][p];
            if (t == Plan::absent) continue;
            slot_[r][p] = static_cast<int>(members_[r][t].size());
            for (int other : members_[r][t]) {
                if (meet_[index(p, other)] >= 1) ++costs_[repeats];
                add_meeting(p, other, +1);
                if (model.organisation_of[p] != Model::none &&
                    model.organisation_of[p] == model.organisation_of[other]) {
                    ++costs_[organisations];
                }
            }
            members_[r][t].push_back(p);
            const bool returning = visits_[p * tables + t]++ >= 1;
            if (returning && !model.may_revisit[p]) ++costs_[revisits];
            if (seat_changed(r, p, t)) ++costs_[seats];
            if (model.group_of[p] != Model::none) {
                ++group_count(r, t, model.group_of[p]);
                ++room_count[model.group_of[p]];
            }
        }
        const int present = model.present_count(r);
        int occupied = 0;
        for (int t = 0; t < tables; ++t) {
            const int size = static_cast<int>(members_[r][t].size());
            if (size > 0) ++occupied;
            for (int g = 0; g < groups; ++g) {
                const std::size_t at = (static_cast<std::size_t>(r) * tables + t) * groups + g;
                const long long share = static_cast<long long>(room_count[g]) * size;
                mix_low_[at] = present > 0 ? static_cast<int>(share / present) : 0;
                mix_high_[at] = mix_low_[at] + (present > 0 && share % present != 0 ? 1 : 0);
            }
            costs_[mix] += table_mix_deviation(r, t);
            if (model.resident_group != Model::none &&
                group_count(r, t, model.resident_group) > 0) {
                ++tables_with_resident_[r];
            }
        }
        const int resident_count =
            model.resident_group == Model::none ? 0 : room_count[model.resident_group];
        resident_target_[r] = std::min(resident_count, occupied);
        costs_[residents] += resident_shortfall(r, tables_with_resident_[r]);
    }
}

void SeatingState::add_meeting(int a, int b, int change) {
    meet_[index(a, b)] = static_cast<std::uint16_t>(meet_[index(a, b)] + change);
    meet_[index(b, a)] = meet_[index(a, b)];
}

int SeatingState::mix_term(int round, int table, int group, int count) const {
    const std::size_t at =
        (static_cast<std::size_t>(round) * model_->tables + table) * model_->group_count + group;
    return std::max(0, mix_low_[at] - count) + std::max(0, count - mix_high_[at]);
}

int SeatingState::table_mix_deviation(int round, int table) const {
    int deviation = 0;
    for (int g = 0; g < model_->group_count; ++g) {
        deviation += mix_term(round, table, g, group_count(round, table, g));
    }
    return deviation;
}

bool SeatingState::seat_changed(int round, int person, int table) const {
    if (!model_->previous || round < model_->first_open_round) return false;
    const auto& rows = model_->previous->table_of;
    if (round >= static_cast<int>(rows.size()) || person >= static_cast<int>(rows[round].size())) {
        return false;
    }
    const int before = rows[round][person];
    return before != Plan::absent && before != table;
}

int SeatingState::resident_shortfall(int round, int tables_with_resident) const {
    return std::max(0, resident_target_[round] - tables_with_resident);
}

void SeatingState::add_group_delta(int round, int a, int b, GoalCosts& delta) const {
    const Model& m = *model_;
    const int table_a = plan_.table_of[round][a];
    const int table_b = plan_.table_of[round][b];
    const int org_a = m.organisation_of[a];
    const int org_b = m.organisation_of[b];
    if (org_a != org_b) {
        // Colleagues left behind and colleagues joined, for both people.
        const auto colleagues = [&](int table, int org, int except) {
            int count = 0;
            for (int other : members_[round][table]) {
                if (other != except && m.organisation_of[other] == org) ++count;
            }
            return count;
        };
        if (org_a != Model::none) {
            delta[organisations] += colleagues(table_b, org_a, b) - colleagues(table_a, org_a, a);
        }
        if (org_b != Model::none) {
            delta[organisations] += colleagues(table_a, org_b, a) - colleagues(table_b, org_b, b);
        }
    }
    const int group_a = m.group_of[a];
    const int group_b = m.group_of[b];
    if (group_a == group_b) return;
    // Table A loses group_a and gains group_b; table B the other way round.
    const auto shift = [&](int table, int lose, int gain) {
        int change = 0;
        if (lose != Model::none) {
            const int count = group_count(round, table, lose);
            change += mix_term(round, table, lose, count - 1) - mix_term(round, table, lose, count);
        }
        if (gain != Model::none) {
            const int count = group_count(round, table, gain);
            change += mix_term(round, table, gain, count + 1) - mix_term(round, table, gain, count);
        }
        return change;
    };
    delta[mix] += shift(table_a, group_a, group_b) + shift(table_b, group_b, group_a);
    const int resident = m.resident_group;
    if (resident != Model::none && (group_a == resident || group_b == resident)) {
        const int resident_to_b = group_a == resident ? 1 : -1;
        const int at_a = group_count(round, table_a, resident);
        const int at_b = group_count(round, table_b, resident);
        const int before = (at_a > 0) + (at_b > 0);
        const int after = (at_a - resident_to_b > 0) + (at_b + resident_to_b > 0);
        const int with_resident = tables_with_resident_[round];
        delta[residents] += resident_shortfall(round, with_resident - before + after) -
                            resident_shortfall(round, with_resident);
    }
}

GoalCosts SeatingState::swap_delta(int round, int a, int b) const {
    const Model& m = *model_;
    const int table_a = plan_.table_of[round][a];
    const int table_b = plan_.table_of[round][b];
    GoalCosts delta{};
    // Meetings: each person leaves their table's company and joins the other's.
    const auto move_company = [&](int leaver, int joiner, int table) {
        for (int other : members_[round][table]) {
            if (other == leaver) continue;
            if (meet_[index(leaver, other)] >= 2) --delta[repeats];
            if (meet_[index(joiner, other)] >= 1) ++delta[repeats];
        }
    };
    move_company(a, b, table_a);
    move_company(b, a, table_b);
    const auto revisit_change = [&](int person, int from, int to) {
        if (m.may_revisit[person]) return 0;
        const int tables = m.tables;
        return (visits_[person * tables + to] >= 1 ? 1 : 0) -
               (visits_[person * tables + from] >= 2 ? 1 : 0);
    };
    delta[revisits] += revisit_change(a, table_a, table_b) + revisit_change(b, table_b, table_a);
    delta[seats] += seat_changed(round, a, table_b) - seat_changed(round, a, table_a) +
                    seat_changed(round, b, table_a) - seat_changed(round, b, table_b);
    add_group_delta(round, a, b, delta);
    return delta;
}

void SeatingState::apply_swap(int round, int a, int b) {
    const GoalCosts delta = swap_delta(round, a, b);
    for (int goal = 0; goal < goal_count; ++goal) costs_[goal] += delta[goal];
    const Model& m = *model_;
    const int table_a = plan_.table_of[round][a];
    const int table_b = plan_.table_of[round][b];
    for (int other : members_[round][table_a]) {
        if (other == a) continue;
        add_meeting(a, other, -1);
        add_meeting(b, other, +1);
    }
    for (int other : members_[round][table_b]) {
        if (other == b) continue;
        add_meeting(b, other, -1);
        add_meeting(a, other, +1);
    }
    const int tables = m.tables;
    --visits_[a * tables + table_a];
    ++visits_[a * tables + table_b];
    --visits_[b * tables + table_b];
    ++visits_[b * tables + table_a];
    const int resident = m.resident_group;
    const auto had_resident = [&](int table) {
        return resident != Model::none && group_count(round, table, resident) > 0;
    };
    tables_with_resident_[round] -= had_resident(table_a) + had_resident(table_b);
    if (m.group_of[a] != Model::none) {
        --group_count(round, table_a, m.group_of[a]);
        ++group_count(round, table_b, m.group_of[a]);
    }
    if (m.group_of[b] != Model::none) {
        --group_count(round, table_b, m.group_of[b]);
        ++group_count(round, table_a, m.group_of[b]);
    }
    tables_with_resident_[round] += had_resident(table_a) + had_resident(table_b);
    std::swap(members_[round][table_a][slot_[round][a]], members_[round][table_b][slot_[round][b]]);
    std::swap(slot_[round][a], slot_[round][b]);
    plan_.table_of[round][a] = table_b;
    plan_.table_of[round][b] = table_a;
}

bool SeatingState::can_swap_routes(int a, int b) const {
    const Model& m = *model_;
    if (a == b || m.previous || m.first_open_round > 0) return false;
    for (int r = 0; r < m.rounds; ++r) {
        if (m.present[r][a] != m.present[r][b]) return false;
        if (m.present[r][a] && (!m.movable(r, a) || !m.movable(r, b))) return false;
    }
    return true;
}

GoalCosts SeatingState::route_swap_delta(int a, int b) const {
    GoalCosts delta{};
    for (int r = 0; r < model_->rounds; ++r) {
        if (model_->present[r][a] && plan_.table_of[r][a] != plan_.table_of[r][b]) {
            add_group_delta(r, a, b, delta);
        }
    }
    return delta;
}

void SeatingState::apply_route_swap(int a, int b) {
    for (int r = 0; r < model_->rounds; ++r) {
        if (model_->present[r][a] && plan_.table_of[r][a] != plan_.table_of[r][b]) {
            apply_swap(r, a, b);
        }
    }
}

bool SeatingState::contributes_to(Goal goal, int round, int person) const {
    const Model& m = *model_;
    const int table = plan_.table_of[round][person];
    if (table == Plan::absent) return false;
    const auto& company = members_[round][table];
    switch (goal) {
        case Goal::no_repeat_meetings:
            return std::any_of(company.begin(), company.end(), [&](int other) {
                return other != person && meet_[index(person, other)] >= 2;
            });
        case Goal::keep_seats:
            return seat_changed(round, person, table);
        case Goal::no_table_revisits:
            return !m.may_revisit[person] && visits_[person * m.tables + table] >= 2;
        case Goal::resident_at_every_table: {
            if (resident_shortfall(round, tables_with_resident_[round]) == 0) return false;
            const int at_table = group_count(round, table, m.resident_group);
            // Everyone at a table without a resident can make room for one; a resident can move
            // on when the table has another.
            return at_table == 0 || (m.group_of[person] == m.resident_group && at_table >= 2);
        }
        case Goal::balanced_group_mix:
            return table_mix_deviation(round, table) > 0;
        case Goal::organisations_spread:
            return m.organisation_of[person] != Model::none &&
                   std::any_of(company.begin(), company.end(), [&](int other) {
                       return other != person &&
                              m.organisation_of[other] == m.organisation_of[person];
                   });
    }
    return false;
}

}  // namespace kc::planner
