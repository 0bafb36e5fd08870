// The one binary: `kenniscafe <subcommand>`. Each subcommand lives in its own file.
#include <CLI/CLI.hpp>

#include "cli/admin_commands.hpp"
#include "cli/plan_tables_command.hpp"
#include "cli/privacy_command.hpp"
#include "cli/report_command.hpp"
#include "cli/serve_command.hpp"

int main(int argc, char** argv) {
    CLI::App app{"Kenniscafé: plan, run and follow up kenniscafés of a Werkplaats Sociaal Domein"};
    app.require_subcommand(1);
    kc::cli::add_serve_command(app);
    kc::cli::add_admin_commands(app);
    kc::cli::add_plan_tables_command(app);
    kc::cli::add_privacy_command(app);
    kc::cli::add_report_command(app);
    CLI11_PARSE(app, argc, argv);
    return 0;
}
