#pragma once

#include <CLI/CLI.hpp>

namespace kc::cli {

// `plan-tables`: seats the people of a CSV file at tables for several rounds of a world café
// and writes the plan as CSV, printing its quality in plain words.
void add_plan_tables_command(CLI::App& app);

}  // namespace kc::cli
