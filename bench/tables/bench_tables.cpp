// The table planner benchmark: social golfer instances, café-shaped rooms and re-plans at the
// door, each over several seeds. Prints Markdown tables; run.sh adds the MiniZinc/Gecode column
// for the golfer instances by passing its results in a file.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "planner/replan.hpp"
#include "planner/table_planner.hpp"

namespace {

using namespace kc::planner;
using Milliseconds = std::chrono::milliseconds;

struct Settings {
    int seeds = 3;
    double golfer_seconds = 20;
    double hard_golfer_seconds = 60;
    double cafe_seconds = 5;
    std::string minizinc_results;
};

struct Golfer {
    int groups;
    int size;
    int rounds;
    // Seconds within which the issue expects a plan without repeats; 0 for impossible ones.
    double target_seconds;
};

std::string name_of(const Golfer& golfer) {
    return std::to_string(golfer.groups) + "-" + std::to_string(golfer.size) + "-" +
           std::to_string(golfer.rounds);
}

template <typename Value>
Value median(std::vector<Value> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

template <typename Function>
double seconds_taken(Function&& function) {
    const auto started = std::chrono::steady_clock::now();
    function();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

Options options_for(std::uint64_t seed, double seconds) {
    Options options;
    options.seed = seed;
    options.time_limit = Milliseconds(static_cast<long long>(seconds * 1000));
    return options;
}

std::string join(const std::vector<int>& values) {
    std::string out;
    for (int value : values) out += (out.empty() ? "" : " ") + std::to_string(value);
    return out;
}

// "8-4-9 <tab> repeats <tab> seconds <tab> status" lines written by run.sh.
std::map<std::string, std::string> read_minizinc(const std::string& path) {
    std::map<std::string, std::string> results;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::string instance;
        std::string repeats;
        std::string seconds;
        std::string status;
        std::getline(fields, instance, '\t');
        std::getline(fields, repeats, '\t');
        std::getline(fields, seconds, '\t');
        std::getline(fields, status, '\t');
        results[instance] = repeats + " | " + seconds + " | " + status;
    }
    return results;
}

void golfers(const Settings& settings) {
    const std::vector<Golfer> instances = {
        {5, 3, 7, 0.1},  {4, 4, 5, 0.1},  {6, 6, 3, 0.1}, {6, 3, 8, 10}, {8, 4, 8, 10},
        {8, 4, 9, 10},   {10, 4, 10, 10}, {8, 4, 10, 60}, {6, 4, 7, 60}, {7, 7, 8, 60},
        {10, 10, 4, 60}, {6, 6, 4, 0},    {8, 4, 11, 0}};
    const auto minizinc = read_minizinc(settings.minizinc_results);
    std::printf("## Social golfer instances\n\n");
    std::printf(
        "Planner: %d seeds, time limit %.0f s (%.0f s for those with a 60 s target). "
        "MiniZinc 2.6 with Gecode 6.2 on bench/tables/golfers.mzn: one run, its own "
        "time limit (see the heading of run.sh's output).\n\n",
        settings.seeds, settings.golfer_seconds, settings.hard_golfer_seconds);
    std::printf(
        "| instance | repeats per seed | lower bound | largest pair count | method | "
        "median time (s) | target | MiniZinc repeats | MiniZinc time (s) | MiniZinc status |\n");
    std::printf("|---|---|---|---|---|---|---|---|---|---|\n");
    for (const Golfer& golfer : instances) {
        Problem problem;
        problem.rounds = golfer.rounds;
        for (int t = 0; t < golfer.groups; ++t) problem.tables.push_back({"T", golfer.size});
        for (int p = 0; p < golfer.groups * golfer.size; ++p) {
            problem.people.push_back({"P" + std::to_string(p)});
        }
        // Golfers only count repeats; tables are interchangeable.
        problem.goal_order = {Goal::no_repeat_meetings};
        const double limit =
            golfer.target_seconds >= 60 ? settings.hard_golfer_seconds : settings.golfer_seconds;
        std::vector<int> repeats;
        std::vector<double> times;
        PlanResult result;
        for (int seed = 1; seed <= settings.seeds; ++seed) {
            times.push_back(
                seconds_taken([&] { result = plan_tables(problem, options_for(seed, limit)); }));
            repeats.push_back(result.quality.repeats);
        }
        const std::string target =
            golfer.target_seconds > 0
                ? "0 in < " +
                      std::to_string(static_cast<int>(std::max(1.0, golfer.target_seconds))) + " s"
                : "bound";
        const auto found = minizinc.find(name_of(golfer));
        std::printf("| %s | %s | %d | %d | %s | %.3f | %s | %s |\n", name_of(golfer).c_str(),
                    join(repeats).c_str(), result.quality.repeat_lower_bound,
                    result.quality.most_meetings_of_one_pair, result.method.c_str(), median(times),
                    golfer.target_seconds == 0.1 ? "0 in < 0.1 s" : target.c_str(),
                    found == minizinc.end() ? "- | - | not run" : found->second.c_str());
        std::fflush(stdout);
    }
}

struct Room {
    int people;
    int tables;
    int rounds;
};

// A café room: tables of mixed sizes with room to spare, a host at every table, two people
// who stay, about one resident in twelve and a realistic spread of the other groups.
Problem cafe_room(const Room& room, std::uint64_t seed) {
    std::mt19937_64 random(seed);
    Problem problem;
    problem.rounds = room.rounds;
    const int seats_needed = (room.people + room.tables - 1) / room.tables;
    for (int t = 0; t < room.tables; ++t) {
        // Every third table has one seat more, as in a room with some bigger tables.
        problem.tables.push_back({"Tafel " + std::to_string(t + 1), seats_needed + (t % 3 == 0)});
    }
    const std::vector<std::pair<std::string, int>> mix = {
        {"Uitvoeringspraktijk", 30}, {"Gemeente", 20}, {"Student", 15}, {"Docent(onderzoeker)", 12},
        {"Sociaal ondernemer", 8},   {"Bewoner", 8},   {"Markt", 4},    {"Beroepsvereniging", 3}};
    int total_weight = 0;
    for (const auto& [group, weight] : mix) total_weight += weight;
    for (int p = 0; p < room.people; ++p) {
        Person person;
        person.name = "Deelnemer " + std::to_string(p + 1);
        int pick = static_cast<int>(random() % static_cast<std::uint64_t>(total_weight));
        for (const auto& [group, weight] : mix) {
            if (pick < weight) {
                person.group = group;
                break;
            }
            pick -= weight;
        }
        if (random() % 2 == 0)
            person.organisation = "Organisatie " + std::to_string(random() % (room.people / 6 + 1));
        if (p < room.tables) person.host_table = p;
        person.stays = p == room.tables || p == room.tables + 1;
        problem.people.push_back(person);
    }
    return problem;
}

std::string room_name(const Room& room) {
    return std::to_string(room.people) + " people, " + std::to_string(room.tables) + " tables, " +
           std::to_string(room.rounds) + " rounds";
}

void cafes_and_replans(const Settings& settings) {
    const std::vector<Room> rooms = {{20, 4, 3},   {36, 6, 4},   {60, 10, 4},  {90, 12, 5},
                                     {120, 15, 5}, {160, 20, 6}, {200, 25, 6}, {200, 25, 3}};
    std::printf("\n## Café-shaped rooms\n\n");
    std::printf(
        "A host at every table, two people who stay, about 8%% residents, tables of "
        "two sizes; %d seeds, time limit %.0f s (the search stops by itself once it "
        "cannot improve). Figures are from the last seed; time is the median.\n\n",
        settings.seeds, settings.cafe_seconds);
    std::printf(
        "| room | repeats (bound) | revisits (bound) | table-rounds without resident | "
        "mix deviation (worst table) | colleagues together | median time (s) |\n");
    std::printf("|---|---|---|---|---|---|---|\n");
    std::vector<std::string> replan_rows;
    for (const Room& room : rooms) {
        std::vector<double> times;
        std::vector<double> no_show_times;
        std::vector<double> walk_in_times;
        Quality quality;
        Quality no_show_quality;
        Quality walk_in_quality;
        for (int seed = 1; seed <= settings.seeds; ++seed) {
            Problem problem = cafe_room(room, seed);
            PlanResult result;
            times.push_back(seconds_taken(
                [&] { result = plan_tables(problem, options_for(seed, settings.cafe_seconds)); }));
            quality = result.quality;

            // No-shows before round 2: one in twenty of the people who move.
            Options quick = options_for(seed, settings.cafe_seconds);
            quick.patience = 100;
            ReplanRequest no_shows{result.plan, 1, {}};
            for (int p = room.tables + 2; p < room.people; p += 20) no_shows.no_shows.push_back(p);
            PlanResult after_no_shows;
            no_show_times.push_back(
                seconds_taken([&] { after_no_shows = replan_tables(problem, no_shows, quick); }));
            no_show_quality = after_no_shows.quality;

            // Walk-ins before round 3: one in twenty more people, mostly residents and students.
            const int walk_ins = std::max(1, room.people / 20);
            for (int i = 0; i < walk_ins; ++i) {
                problem.people.push_back(
                    {"Inloper " + std::to_string(i + 1), i % 2 == 0 ? "Bewoner" : "Student"});
            }
            for (auto& table : problem.tables) table.capacity += 1;
            ReplanRequest walk_in_request{after_no_shows.plan, std::min(2, room.rounds - 1),
                                          no_shows.no_shows};
            PlanResult after_walk_ins;
            walk_in_times.push_back(seconds_taken(
                [&] { after_walk_ins = replan_tables(problem, walk_in_request, quick); }));
            walk_in_quality = after_walk_ins.quality;
        }
        std::printf("| %s | %d (%d) | %d (%d) | %d | %d (%d) | %d | %.3f |\n",
                    room_name(room).c_str(), quality.repeats, quality.repeat_lower_bound,
                    quality.revisits, quality.revisit_lower_bound, quality.tables_without_resident,
                    quality.mix_deviation, quality.worst_table_mix_deviation,
                    quality.organisation_clashes, median(times));
        std::fflush(stdout);
        const auto replan_row = [&](const char* event, const Quality& q,
                                    const std::vector<double>& t) {
            char row[512];
            std::snprintf(row, sizeof row, "| %s | %s | %d | %d (%d) | %d | %d | %.1f |",
                          room_name(room).c_str(), event, q.seats_changed, q.repeats,
                          q.repeat_lower_bound, q.revisits, q.tables_without_resident,
                          median(t) * 1000);
            replan_rows.push_back(row);
        };
        replan_row("no-shows before round 2", no_show_quality, no_show_times);
        replan_row("walk-ins before round 3", walk_in_quality, walk_in_times);
    }
    std::printf("\n## Re-plans at the door\n\n");
    std::printf(
        "Earlier rounds frozen; one in twenty movers does not show before round 2, then "
        "one in twenty walks in before round 3 (tables get a spare seat).\n\n");
    std::printf(
        "| room | event | seats changed | repeats (bound) | revisits | table-rounds "
        "without resident | median time (ms) |\n|---|---|---|---|---|---|---|\n");
    for (const std::string& row : replan_rows) std::printf("%s\n", row.c_str());
}

}  // namespace

int main(int argc, char** argv) {
    Settings settings;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string option = argv[i];
        const std::string value = argv[i + 1];
        if (option == "--seeds")
            settings.seeds = std::stoi(value);
        else if (option == "--golfer-seconds")
            settings.golfer_seconds = std::stod(value);
        else if (option == "--hard-golfer-seconds")
            settings.hard_golfer_seconds = std::stod(value);
        else if (option == "--cafe-seconds")
            settings.cafe_seconds = std::stod(value);
        else if (option == "--minizinc-results")
            settings.minizinc_results = value;
        else {
            std::fprintf(stderr, "unknown option %s\n", option.c_str());
            return 2;
        }
    }
    golfers(settings);
    cafes_and_replans(settings);
    return 0;
}
