#pragma once

#include <CLI/CLI.hpp>

namespace kc::cli {

// `report magazine --db FILE --from DATE --to DATE --format pdf|html --out FILE
// [--werkplaats SLUG] [--foreword FILE] [--lang nl|en]`: the magazine of the cafés held in a
// period, as the organiser's pages make it, with a line on stderr for every café it reads and
// sets. Bad arguments get a message in Dutch and English and exit code 1.
void add_report_command(CLI::App& app);

}  // namespace kc::cli
