#pragma once

#include <CLI/CLI.hpp>

namespace kc::cli {

// `serve --db FILE --port N [--demo]`: runs the web server until SIGTERM.
void add_serve_command(CLI::App& app);

}  // namespace kc::cli
