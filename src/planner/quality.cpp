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
        // Any 4 of the rounds hold at least 2 repeats. With none they would be rows, columns
        // and two orthogonal Latin squares of order 6, which Euler's 36 officers rule out (Tarry,
        // 1900). With one, the two rounds that are clear of it would be the rows and columns, and
        // the other two Latin squares that show 35 of the 36 ordered symbol pairs when laid over
        // each other, which no two Latin squares do: the doubled pair's symbols would each lack a
        // partner, and that lacking pair can only be the doubled pair itself. Each round beyond the
        // fourth adds at least one: dropping a round that shares a pair with another removes a
        // repeat, and one exists as long as 4 rounds remain.
        bound = std::max<long long>(bound, model.rounds - 2);
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

namespace {

// The words of the summary in one language; the sentences are built the same way
// in every language, so only the words differ.
struct SummaryWords {
    const char* plan_for;
    const char* people_at;
    const char* tables_in;
    const char* round;
    const char* rounds;
    const char* repeats;
    const char* nobody_twice;
    const char* at_least;
    const char* unavoidable;
    const char* above_bound;
    const char* pair_at_most;
    const char* times;
    const char* revisits;
    const char* revisits_needed_prefix;
    const char* revisits_needed_suffix;
    const char* without_resident;
    const char* mix;
    const char* mix_total;
    const char* mix_one_table;
    const char* colleagues;
    const char* seats_changed;
};

constexpr SummaryWords dutch_words{"Plan voor ",
                                   " deelnemers aan ",
                                   " tafels in ",
                                   " ronde.\n",
                                   " rondes.\n",
                                   "- Herhaalde ontmoetingen: ",
                                   " — niemand ontmoet iemand twee keer.\n",
                                   " (minstens ",
                                   " is onvermijdelijk",
                                   " boven die ondergrens",
                                   "); een paar ontmoet elkaar hooguit ",
                                   " keer.\n",
                                   "- Terug aan dezelfde tafel (behalve gastheren): ",
                                   " (minstens ",
                                   " nodig)",
                                   "- Tafelrondes zonder bewoner terwijl er een beschikbaar was: ",
                                   "- Afwijking van de groepsmix van de zaal: ",
                                   " in totaal, hooguit ",
                                   " aan één tafel.\n",
                                   "- Collega's van dezelfde organisatie samen aan tafel: ",
                                   "- Gewijzigde plaatsen door het herplannen: "};

constexpr SummaryWords english_words{
    "Plan for ",
    " people at ",
    " tables over ",
    " round.\n",
    " rounds.\n",
    "- Repeated meetings: ",
    " — nobody meets anyone twice.\n",
    " (at least ",
    " cannot be avoided",
    " above that bound",
    "); no pair meets more than ",
    " times.\n",
    "- Returns to the same table (hosts excepted): ",
    " (at least ",
    " needed)",
    "- Table-rounds without a resident although one was available: ",
    "- Deviation from the room's group mix: ",
    " in total, at most ",
    " at one table.\n",
    "- Colleagues from the same organisation at one table: ",
    "- Seats changed by re-planning: "};

std::string summary(const Quality& q, const SummaryWords& w) {
    std::ostringstream out;
    out << w.plan_for << q.people << w.people_at << q.tables << w.tables_in << q.rounds
        << (q.rounds == 1 ? w.round : w.rounds);
    out << w.repeats << q.repeats;
    if (q.repeats == 0) {
        out << w.nobody_twice;
    } else {
        out << w.at_least << q.repeat_lower_bound << w.unavoidable;
        if (q.repeats > q.repeat_lower_bound) {
            out << "; " << q.repeats - q.repeat_lower_bound << w.above_bound;
        }
        out << w.pair_at_most << q.most_meetings_of_one_pair << w.times;
    }
    out << w.revisits << q.revisits;
    if (q.revisit_lower_bound > 0)
        out << w.revisits_needed_prefix << q.revisit_lower_bound << w.revisits_needed_suffix;
    out << ".\n";
    out << w.without_resident << q.tables_without_resident << ".\n";
    out << w.mix << q.mix_deviation << w.mix_total << q.worst_table_mix_deviation
        << w.mix_one_table;
    out << w.colleagues << q.organisation_clashes << ".\n";
    if (q.replanned) out << w.seats_changed << q.seats_changed << ".\n";
    return out.str();
}

}  // namespace

std::string summary_dutch(const Quality& q) { return summary(q, dutch_words); }

std::string summary_english(const Quality& q) { return summary(q, english_words); }

}  // namespace kc::planner
