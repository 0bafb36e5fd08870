#include "cli/plan_tables_command.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <iostream>
#include <limits>
#include <map>
#include <memory>
#include <sstream>
#include <string>

#include "app/world_cafe.hpp"
#include "cli/command_failure.hpp"
#include "planner/csv.hpp"
#include "planner/table_planner.hpp"

namespace kc::cli {

namespace {

using planner::BilingualError;

struct PlanTablesArguments {
    std::string people_file;
    std::string tables;
    std::string rounds;
    std::string capacity;
    bool hosts = false;
    std::string seed = "1";
    std::string time_limit = "10";
    std::string out_file;
    std::string goals;
};

long long whole_number(const std::string& text, const std::string& option, long long minimum,
                       long long maximum) {
    std::size_t used = 0;
    long long value = 0;
    try {
        value = std::stoll(text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used == 0 || used != text.size() || value < minimum || value > maximum) {
        fail(option + " moet een geheel getal van " + std::to_string(minimum) + " tot en met " +
                 std::to_string(maximum) + " zijn, niet \"" + text + "\".",
             option + " must be a whole number from " + std::to_string(minimum) + " to " +
                 std::to_string(maximum) + ", not \"" + text + "\".");
    }
    return value;
}

std::chrono::milliseconds seconds(const std::string& text) {
    std::size_t used = 0;
    double value = 0;
    try {
        value = std::stod(text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used == 0 || used != text.size() || !std::isfinite(value) || value <= 0 || value > 3600) {
        fail("--time-limit moet een aantal seconden tussen 0 en 3600 zijn, niet \"" + text + "\".",
             "--time-limit must be a number of seconds between 0 and 3600, not \"" + text + "\".");
    }
    return std::chrono::milliseconds(static_cast<long long>(std::ceil(value * 1000)));
}

// Tables without a host from the file get one: someone from the group with the most people
// still free, so that hosts do not use up a small group such as the residents.
void choose_missing_hosts(planner::Problem& problem) {
    std::vector<bool> hosted(problem.tables.size(), false);
    for (const auto& person : problem.people) {
        if (person.host_table) hosted[*person.host_table] = true;
    }
    for (std::size_t table = 0; table < problem.tables.size(); ++table) {
        if (hosted[table]) continue;
        std::map<std::string, int> free_per_group;
        for (const auto& person : problem.people) {
            if (!person.host_table && !person.stays) ++free_per_group[person.group];
        }
        planner::Person* chosen = nullptr;
        for (auto& person : problem.people) {
            if (person.host_table || person.stays) continue;
            if (chosen == nullptr || free_per_group[person.group] > free_per_group[chosen->group]) {
                chosen = &person;
            }
        }
        if (chosen == nullptr) return;
        chosen->host_table = static_cast<int>(table);
        std::cout << "Gastheer van tafel " << table + 1 << ": " << chosen->name
                  << " (gekozen door de planner / chosen by the planner)\n";
    }
}

// The goals named in --goals first, in that order, then the others in their usual order.
std::vector<planner::Goal> goal_order(const std::string& list) {
    std::vector<domain::CafeGoal> order;
    std::string known;
    for (const auto goal : domain::default_goal_order()) {
        known += (known.empty() ? "" : ", ") + std::string(domain::to_slug(goal));
    }
    std::stringstream names(list);
    for (std::string name; std::getline(names, name, ',');) {
        const auto goal = domain::cafe_goal_from_slug(name);
        if (!goal) {
            fail("--goals kent \"" + name + "\" niet; kies uit " + known + ".",
                 "--goals does not know \"" + name + "\"; choose from " + known + ".");
        }
        if (std::find(order.begin(), order.end(), *goal) != order.end()) {
            fail("--goals noemt " + name + " twee keer.", "--goals names " + name + " twice.");
        }
        order.push_back(*goal);
    }
    for (const auto goal : domain::default_goal_order()) {
        if (std::find(order.begin(), order.end(), goal) == order.end()) order.push_back(goal);
    }
    std::vector<planner::Goal> goals;
    for (const auto goal : order) goals.push_back(app::planner_goal(goal));
    return goals;
}

void plan_tables(const PlanTablesArguments& arguments) {
    const int tables = static_cast<int>(whole_number(arguments.tables, "--tables", 1, 1000));
    const int rounds = static_cast<int>(whole_number(arguments.rounds, "--rounds", 1, 100));
    const auto seed = static_cast<std::uint64_t>(
        whole_number(arguments.seed, "--seed", 0, std::numeric_limits<long long>::max()));
    const std::chrono::milliseconds time_limit = seconds(arguments.time_limit);
    const bool capacity_given = !arguments.capacity.empty();
    const int capacity =
        capacity_given ? static_cast<int>(whole_number(arguments.capacity, "--capacity", 1, 10000))
                       : 0;

    planner::Problem problem;
    try {
        problem.people =
            planner::parse_people_csv(read_file_or_fail(arguments.people_file), tables);
    } catch (const BilingualError& error) {
        fail(arguments.people_file + ", " + error.dutch(),
             arguments.people_file + ", " + error.english());
    }
    if (problem.people.empty()) {
        fail(arguments.people_file + " bevat geen deelnemers.",
             arguments.people_file + " lists nobody.");
    }
    const int people = static_cast<int>(problem.people.size());
    const int seats_per_table = capacity_given ? capacity : (people + tables - 1) / tables;
    for (int t = 0; t < tables; ++t) {
        problem.tables.push_back({"Tafel " + std::to_string(t + 1), seats_per_table});
    }
    problem.rounds = rounds;
    problem.goal_order = goal_order(arguments.goals);
    if (arguments.hosts) {
        choose_missing_hosts(problem);
    } else {
        bool ignored = false;
        for (auto& person : problem.people) {
            ignored = ignored || person.host_table.has_value();
            person.host_table.reset();
        }
        if (ignored) {
            std::cerr << "Let op: host_table wordt alleen gebruikt met --hosts.\n"
                         "Note: host_table is only used with --hosts.\n";
        }
    }

    planner::Options options;
    options.seed = seed;
    options.time_limit = time_limit;
    planner::PlanResult result;
    const auto started = std::chrono::steady_clock::now();
    try {
        result = planner::plan_tables(problem, options);
    } catch (const BilingualError& error) {
        fail(error.dutch(), error.english());
    }
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    std::ofstream out(arguments.out_file, std::ios::binary | std::ios::trunc);
    out << planner::write_plan_csv(problem, result.plan);
    out.close();
    if (!out) {
        fail("kan het plan niet schrijven naar " + arguments.out_file + ".",
             "cannot write the plan to " + arguments.out_file + ".");
    }
    std::cout << planner::summary_dutch(result.quality) << "\n"
              << planner::summary_english(result.quality) << "\n"
              << "Methode / method: " << result.method << "; " << elapsed
              << " s. Plan: " << arguments.out_file << "\n";
}

}  // namespace

void add_plan_tables_command(CLI::App& app) {
    auto arguments = std::make_shared<PlanTablesArguments>();
    CLI::App* command = app.add_subcommand(
        "plan-tables",
        "Tafels voor een wereldcafé: iedereen ontmoet zo veel mogelijk nieuwe mensen en elke "
        "tafel heeft een gemengd gezelschap. / Seat a world café: as many new people met as "
        "possible and every table mixed.");
    command
        ->add_option("--people", arguments->people_file,
                     "CSV with header name,group,organisation,host_table (the last two may be "
                     "empty; an optional column stays=ja keeps someone at one table)")
        ->required();
    command->add_option("--tables", arguments->tables, "Number of tables")->required();
    command->add_option("--rounds", arguments->rounds, "Number of rounds")->required();
    command->add_option("--capacity", arguments->capacity,
                        "Seats per table (default: just enough for everyone)");
    command->add_flag("--hosts", arguments->hosts,
                      "Every table keeps a host for all rounds: people with a host_table host "
                      "that table, tables without one get a host chosen by the planner. Without "
                      "--hosts, host_table is ignored and everyone moves.");
    command->add_option("--seed", arguments->seed,
                        "Seed for the search; the same seed gives the same plan (default 1)");
    command->add_option("--time-limit", arguments->time_limit,
                        "Most seconds to search (default 10); the search stops earlier when the "
                        "plan cannot get better");
    command->add_option("--goals", arguments->goals,
                        "What counts most, comma-separated, most important first: no-repeats, "
                        "no-revisits, resident-every-table, keep-seats, group-mix, "
                        "organisations-spread. Goals left out follow in this usual order.");
    command->add_option("--out", arguments->out_file, "Where to write the plan: round,table,name")
        ->required();
    command->callback([arguments] { plan_tables(*arguments); });
}

}  // namespace kc::cli
