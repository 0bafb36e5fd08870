#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace kc::cli {

// `migrate`, `demo`, `user add` and `token create`: administration from the shell,
// safe to run while a server uses the same database file.
void add_admin_commands(CLI::App& app);

// The folder with templates/, static/ and i18n/: --share-dir, else $KC_SHARE_DIR,
// else the source tree the binary was built from.
std::string default_share_dir();

}  // namespace kc::cli
