#include "planner/quality.hpp"

#include <algorithm>
#include <map>
#include <sstream>

namespace kc::planner {

namespace {

long long pairs(long long size) { return size * (size - 1) / 2; }

int seat_in(const std::optional<Plan>& plan, int round, int person) {
    if (!plan || round >= static_cast<int>(plan->table_of.size()) ||
        person >= static_cast<int>(plan->table_of[round].size())) {
        return Plan::absent;
    }
    return plan->table_of[round][person];
}

bool is_golfer_room_of_six(const Model& model) {
    if (model.tables != 6 || model.people != 36) return false;
    for (int r = 0; r < model.rounds; ++r) {
        for (int p = 0; p < model.people; ++p) {
            if (!model.present[r][p] || model.pinned[r][p] != Model::none) return false;
        }
        for (int size : model.table_size[r]) {
            if (size != 6) return false;
        }
    }
    return true;
}

// Pairs at `table` in round `later` that must have shared a table in round `earlier`: its
// people come from the tables of the earlier round, and with more people than tables some of
// them come from the same one (pigeonhole). Fixed people come from their fixed table; the
// others are spread as evenly as possible. Zero when the rounds have different people.
long long forced_reunions(const Model& model, int earlier, int later, int table) {
    if (model.present[earlier] != model.present[later]) return 0;
    std::vector<int> from(model.tables, 0);
    int free_people = model.table_size[later][table];
    for (int p = 0; p < model.people; ++p) {
        if (model.pinned[later][p] == table && model.pinned[earlier][p] != Model::none) {
            ++from[model.pinned[earlier][p]];
            --free_people;
        }
    }
    for (; free_people > 0; --free_people) {
        int emptiest = Model::none;
        for (int t = 0; t < model.tables; ++t) {
            if (model.table_size[earlier][t] > 0 &&
                (emptiest == Model::none || from[t] < from[emptiest])) {
                emptiest = t;
            }
        }
        if (emptiest == Model::none) return 0;
        ++from[emptiest];
    }
    long long reunions = 0;
    for (int count : from) reunions += pairs(count);
    return reunions;
}

}  // namespace

GoalCosts Quality::costs() const {
    GoalCosts costs{};
    costs[index_of(Goal::no_repeat_meetings)] = repeats;
    costs[index_of(Goal::keep_seats)] = seats_changed;
    costs[index_of(Goal::no_table_revisits)] = revisits;
    costs[index_of(Goal::resident_at_every_table)] = tables_without_resident;
    costs[index_of(Goal::balanced_group_mix)] = mix_deviation;
    costs[index_of(Goal::organisations_spread)] = organisation_clashes;
    return costs;
}

Quality measure(const Model& model, const Plan& plan) {
    Quality quality;
    quality.people = model.people;
    quality.tables = model.tables;
    quality.rounds = model.rounds;
    quality.replanned = model.previous.has_value();
    quality.repeat_lower_bound = repeat_lower_bound(model);
    quality.revisit_lower_bound = revisit_lower_bound(model);

    std::map<std::pair<int, int>, int> meetings;
    std::map<std::pair<int, int>, int> visits;
    for (int r = 0; r < model.rounds; ++r) {
        std::vector<std::vector<int>> at_table(model.tables);
        for (int p = 0; p < model.people; ++p) {
            const int t = plan.table_of[r][p];
            if (t == Plan::absent) continue;
            at_table[t].push_back(p);
            if (++visits[{p, t}] > 1 && !model.may_revisit[p]) ++quality.revisits;
            const int before = seat_in(model.previous, r, p);
            if (r >= model.first_open_round && before != Plan::absent && before != t) {
                ++quality.seats_changed;
            }
        }
        std::vector<int> room(model.group_count, 0);
        int residents = 0;
        for (int p = 0; p < model.people; ++p) {
            if (!model.present[r][p] || model.group_of[p] == Model::none) continue;
            ++room[model.group_of[p]];
            if (model.group_of[p] == model.resident_group) ++residents;
        }
        const int present = model.present_count(r);
        int occupied = 0;
        int with_resident = 0;
        for (const auto& company : at_table) {
            if (company.empty()) continue;
            ++occupied;
            std::vector<int> count(model.group_count, 0);
            for (std::size_t i = 0; i < company.size(); ++i) {
                const int a = company[i];
                if (model.group_of[a] != Model::none) ++count[model.group_of[a]];
                for (std::size_t j = i + 1; j < company.size(); ++j) {
                    const int b = company[j];
                    if (++meetings[{a, b}] > 1) ++quality.repeats;
                    if (model.organisation_of[a] != Model::none &&
                        model.organisation_of[a] == model.organisation_of[b]) {
                        ++quality.organisation_clashes;
                    }
                }
            }
            if (model.resident_group != Model::none && count[model.resident_group] > 0) {
                ++with_resident;
            }
            int deviation = 0;
            for (int g = 0; g < model.group_count; ++g) {
                const long long share = static_cast<long long>(room[g]) * company.size();
                const int low = static_cast<int>(share / present);
                const int high = low + (share % present != 0 ? 1 : 0);
                deviation += std::max(0, low - count[g]) + std::max(0, count[g] - high);
            }
            quality.mix_deviation += deviation;
            quality.worst_table_mix_deviation =
                std::max(quality.worst_table_mix_deviation, deviation);
        }
        quality.tables_without_resident +=
            std::max(0, std::min(residents, occupied) - with_resident);
    }
    for (const auto& [pair, count] : meetings) {
        quality.most_meetings_of_one_pair = std::max(quality.most_meetings_of_one_pair, count);
    }
    return quality;
}

int repeat_lower_bound(const Model& model) {
    long long forced_meetings = 0;
    for (const auto& sizes : model.table_size) {
        for (int size : sizes) forced_meetings += pairs(size);
    }
    // Pairs that can meet at all, and the repeats of pairs fixed at one table together.
    long long possible_pairs = 0;
    long long fixed_repeats = 0;
    for (int a = 0; a < model.people; ++a) {
        for (int b = a + 1; b < model.people; ++b) {
            bool can_meet = false;
            int fixed_together = 0;
            for (int r = 0; r < model.rounds; ++r) {
                if (!model.present[r][a] || !model.present[r][b]) continue;
                const int table_a = model.pinned[r][a];
                const int table_b = model.pinned[r][b];
                const bool both_fixed = table_a != Model::none && table_b != Model::none;
                if (!both_fixed || table_a == table_b) can_meet = true;
                if (both_fixed && table_a == table_b) ++fixed_together;
            }
            possible_pairs += can_meet;
            fixed_repeats += std::max(0, fixed_together - 1);
        }
    }
    long long bound = std::max(forced_meetings - possible_pairs, fixed_repeats);
    // Every meeting in a round of a pair that met in some earlier round is one repeat, and
    // that is at least the reunions forced with any single earlier round.
    long long reunions = 0;
    for (int later = 1; later < model.rounds; ++later) {
        long long most = 0;
        for (int earlier = 0; earlier < later; ++earlier) {
            long long forced = 0;
            for (int t = 0; t < model.tables; ++t)
                forced += forced_reunions(model, earlier, later, t);
            most = std::max(most, forced);
        }
        reunions += most;
    }
    bound = std::max(bound, reunions);
    if (is_golfer_room_of_six(model) && model.rounds >= 4 && model.rounds <= 7) {
        // Dropping one round removes at least one repeat, and 4 rounds cannot be free of them.
        bound = std::max<long long>(bound, model.rounds - 3);
    }
    return static_cast<int>(bound);
}

int revisit_lower_bound(const Model& model) {
    int bound = 0;
    for (int p = 0; p < model.people; ++p) {
        if (model.may_revisit[p]) continue;
        int rounds_present = 0;
        for (int r = 0; r < model.rounds; ++r) rounds_present += model.present[r][p];
        bound += std::max(0, rounds_present - model.tables);
    }
    return bound;
}

std::string summary_dutch(const Quality& q) {
    std::ostringstream out;
    out << "Plan voor " << q.people << " deelnemers aan " << q.tables << " tafels in " << q.rounds
        << (q.rounds == 1 ? " ronde.\n" : " rondes.\n");
    out << "- Herhaalde ontmoetingen: " << q.repeats;
    if (q.repeats == 0) {
        out << " — niemand ontmoet iemand twee keer.\n";
    } else {
        out << " (minstens " << q.repeat_lower_bound << " is onvermijdelijk";
        if (q.repeats > q.repeat_lower_bound) {
            out << "; " << q.repeats - q.repeat_lower_bound << " boven die ondergrens";
        }
        out << "); een paar ontmoet elkaar hooguit " << q.most_meetings_of_one_pair << " keer.\n";
    }
    out << "- Terug aan dezelfde tafel (behalve gastheren): " << q.revisits;
    if (q.revisit_lower_bound > 0) out << " (minstens " << q.revisit_lower_bound << " nodig)";
    out << ".\n";
    out << "- Tafelrondes zonder bewoner terwijl er een beschikbaar was: "
        << q.tables_without_resident << ".\n";
    out << "- Afwijking van de groepsmix van de zaal: " << q.mix_deviation << " in totaal, hooguit "
        << q.worst_table_mix_deviation << " aan één tafel.\n";
    out << "- Collega's van dezelfde organisatie samen aan tafel: " << q.organisation_clashes
        << ".\n";
    if (q.replanned)
        out << "- Gewijzigde plaatsen door het herplannen: " << q.seats_changed << ".\n";
    return out.str();
}

std::string summary_english(const Quality& q) {
    std::ostringstream out;
    out << "Plan for " << q.people << " people at " << q.tables << " tables over " << q.rounds
        << (q.rounds == 1 ? " round.\n" : " rounds.\n");
    out << "- Repeated meetings: " << q.repeats;
    if (q.repeats == 0) {
        out << " — nobody meets anyone twice.\n";
    } else {
        out << " (at least " << q.repeat_lower_bound << " cannot be avoided";
        if (q.repeats > q.repeat_lower_bound) {
            out << "; " << q.repeats - q.repeat_lower_bound << " above that bound";
        }
        out << "); no pair meets more than " << q.most_meetings_of_one_pair << " times.\n";
    }
    out << "- Returns to the same table (hosts excepted): " << q.revisits;
    if (q.revisit_lower_bound > 0) out << " (at least " << q.revisit_lower_bound << " needed)";
    out << ".\n";
    out << "- Table-rounds without a resident although one was available: "
        << q.tables_without_resident << ".\n";
    out << "- Deviation from the room's group mix: " << q.mix_deviation << " in total, at most "
        << q.worst_table_mix_deviation << " at one table.\n";
    out << "- Colleagues from the same organisation at one table: " << q.organisation_clashes
        << ".\n";
    if (q.replanned) out << "- Seats changed by re-planning: " << q.seats_changed << ".\n";
    return out.str();
}

}  // namespace kc::planner
