#include "cli/admin_commands.hpp"

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "app/accounts.hpp"
#include "app/demo_werkplaats.hpp"
#include "app/security.hpp"
#include "app/werkplaats_settings.hpp"
#include "core/text.hpp"
#include "storage/sqlite/sqlite_store.hpp"

namespace kc::cli {

namespace {

struct AdminOptions {
    std::string database;
    std::string email;
    std::string name;
    std::string role = "organiser";
    std::string werkplaats;
    std::string token_name = "Opdrachtregel";
    std::string host_name;
};

time::Timestamp now() { return static_cast<time::Timestamp>(std::time(nullptr)); }

[[noreturn]] void fail(const std::string& message) {
    std::cerr << "Fout: " << message << "\n";
    throw CLI::RuntimeError(1);
}

// Runs `body` with an open store, turning storage failures into a clear message.
template <typename Body>
void with_store(const std::string& database, Body body) {
    try {
        storage::sqlite::SqliteStore store(database);
        body(store);
    } catch (const CLI::Error&) {
        throw;
    } catch (const std::exception& failure) {
        fail(failure.what());
    }
}

// The Werkplaats a new account belongs to: the one named, the only one, or a new
// one with the default stakeholder groups when the database is still empty.
std::int64_t werkplaats_for(app::Transaction& tx, const std::string& slug) {
    const auto all = tx.werkplaatsen();
    for (const auto& werkplaats : all) {
        if (werkplaats.slug == slug) return werkplaats.id;
    }
    if (!slug.empty()) throw std::runtime_error("geen Werkplaats met de naam '" + slug + "'");
    if (all.size() == 1) return all.front().id;
    if (!all.empty())
        throw std::runtime_error("er zijn meerdere Werkplaatsen; kies er een met --werkplaats");
    return app::create_werkplaats(tx, "werkplaats", "Werkplaats Sociaal Domein");
}

// The host name a Werkplaats's own public site is reached at: a valid one that no other
// Werkplaats has, or empty (its site is then reached at /w/{slug}/).
std::string host_name_for(app::Store& store, const std::string& wanted, const std::string& slug) {
    if (wanted.empty()) return {};
    const auto host = text::normalize_host_name(wanted);
    if (!host)
        fail("'" + wanted +
             "' is geen hostnaam; geef iets als kenniscafe.voorbeeld.nl, zonder http:// en zonder "
             "poort");
    for (const auto& other : store.read().werkplaatsen()) {
        if (other.host_name == *host && other.slug != slug) {
            fail("Werkplaats '" + other.slug + "' heeft de hostnaam " + *host + " al");
        }
    }
    return *host;
}

void add_werkplaats(const AdminOptions& options) {
    const std::string slug = text::slugify(options.werkplaats);
    const std::string name = text::trim(options.name);
    if (slug.empty() || slug != options.werkplaats)
        fail("kies een korte naam van kleine letters, cijfers en streepjes, bijvoorbeeld 'zhz'");
    if (name.empty() || name.size() > 150 || !text::is_clean_utf8(name, false))
        fail("geef een naam van 1 tot 150 tekens");
    with_store(options.database, [&](app::Store& store) {
        for (const auto& existing : store.read().werkplaatsen()) {
            if (existing.slug == slug) fail("er is al een Werkplaats '" + slug + "'");
        }
        const std::string host = host_name_for(store, options.host_name, slug);
        std::int64_t id = 0;
        store.write_and_wait([&](app::Transaction& tx) {
            id = app::create_werkplaats(tx, slug, name);
            tx.set_werkplaats_host_name(id, host);
        });
        std::cout << "Werkplaats " << id << " '" << name << "' gemaakt, met de standaardgroepen.\n";
    });
}

void set_host_name(const AdminOptions& options) {
    with_store(options.database, [&](app::Store& store) {
        std::optional<app::Werkplaats> werkplaats;
        for (const auto& candidate : store.read().werkplaatsen()) {
            if (candidate.slug == options.werkplaats) werkplaats = candidate;
        }
        if (!werkplaats) fail("geen Werkplaats met de naam '" + options.werkplaats + "'");
        const std::string host = host_name_for(store, options.host_name, werkplaats->slug);
        store.write_and_wait(
            [&](app::Transaction& tx) { tx.set_werkplaats_host_name(werkplaats->id, host); });
        std::cout << werkplaats->name << ": "
                  << (host.empty() ? "geen eigen hostnaam; de site is /w/" + werkplaats->slug + "/"
                                   : "eigen site op " + host)
                  << "\n";
    });
}

std::string read_password_from_stdin() {
    std::string password;
    std::getline(std::cin, password);
    if (!password.empty() && password.back() == '\r') password.pop_back();
    if (!app::validate_password(password).empty()) {
        fail(
            "het wachtwoord moet minstens 10 tekens hebben en mag niet langer zijn dan 1024 bytes "
            "(lees van standaardinvoer)");
    }
    return password;
}

// Makes an account with a membership, or gives an existing account a membership (or a
// new role) in the Werkplaats; a new account's password comes from standard input.
void add_user(const AdminOptions& options) {
    const auto role = app::role_from_slug(options.role);
    if (!role) fail("onbekende rol '" + options.role + "'; kies host, organiser of admin");
    const auto email = text::normalize_email(options.email);
    if (!email) fail("'" + options.email + "' is geen geldig e-mailadres");
    const std::string name = text::trim(options.name);
    if (name.empty() || name.size() > 100 || !text::is_clean_utf8(name, false)) {
        fail("geef een naam van 1 tot 100 tekens");
    }
    with_store(options.database, [&](app::Store& store) {
        const auto existing = store.read().user_by_email(*email);
        const std::string hash =
            existing ? std::string() : app::security::hash_password(read_password_from_stdin());
        std::int64_t id = existing ? existing->id : 0;
        std::string werkplaats_name;
        store.write_and_wait([&](app::Transaction& tx) {
            const auto werkplaats_id = werkplaats_for(tx, options.werkplaats);
            werkplaats_name = tx.werkplaats(werkplaats_id)->name;
            if (!existing) id = tx.insert_user({0, *email, name, hash});
            tx.upsert_membership({id, werkplaats_id, *role, false});
        });
        std::cout << (existing ? "Account " : "Account gemaakt: ") << id << " " << *email << " is "
                  << options.role << " in " << werkplaats_name << "\n";
    });
}

// An API token for the account in one Werkplaats, with the role it has there.
void create_token(const AdminOptions& options) {
    with_store(options.database, [&](app::Store& store) {
        auto& queries = store.read();
        const auto user = queries.user_by_email(text::trim(options.email));
        if (!user) fail("geen account met " + options.email);
        const auto memberships = app::active_memberships(queries, user->id);
        std::optional<app::Membership> chosen;
        for (const auto& membership : memberships) {
            const auto werkplaats = queries.werkplaats(membership.werkplaats_id);
            if (options.werkplaats.empty() ? memberships.size() == 1
                                           : werkplaats && werkplaats->slug == options.werkplaats) {
                chosen = membership;
            }
        }
        if (!chosen) {
            fail(options.werkplaats.empty()
                     ? "het account hoort bij " + std::to_string(memberships.size()) +
                           " Werkplaatsen; kies er een met --werkplaats"
                     : "het account is geen lid van Werkplaats '" + options.werkplaats + "'");
        }
        app::TokenOutcome outcome;
        const app::Actor actor{user->id, chosen->werkplaats_id, chosen->role, std::nullopt};
        store.write_and_wait([&](app::Transaction& tx) {
            outcome = app::create_api_token(tx, actor, options.token_name, chosen->role,
                                            app::AccountLimits::default_token_days, now());
        });
        if (outcome.result != app::AccountResult::done)
            fail("geef het token een naam van 1 tot 100 tekens");
        std::cout << "API-token voor " << user->email << " (" << app::to_slug(chosen->role)
                  << ", een jaar geldig; bewaar het goed, het wordt niet nog eens getoond): "
                  << outcome.token << "\n";
    });
}

}  // namespace

std::string default_share_dir() {
    if (const char* from_environment = std::getenv("KC_SHARE_DIR")) return from_environment;
    return KC_SOURCE_SHARE_DIR;
}

void add_admin_commands(CLI::App& app) {
    auto options = std::make_shared<AdminOptions>();

    auto* migrate = app.add_subcommand(
        "migrate", "Maak of werk de database bij / create or upgrade the database");
    migrate->add_option("--db", options->database, "SQLite-databasebestand")->required();
    migrate->callback([options] {
        with_store(options->database,
                   [](app::Store&) { std::cout << "Database is bijgewerkt.\n"; });
    });

    auto* demo = app.add_subcommand("demo", "Laad de demo-Werkplaats / load the demo Werkplaats");
    demo->add_option("--db", options->database, "SQLite-databasebestand")->required();
    demo->callback([options] {
        with_store(options->database, [](app::Store& store) {
            if (!app::is_empty(store.read()))
                fail("de database is niet leeg; de demo past alleen in een lege database");
            store.write_and_wait(
                [](app::Transaction& tx) { app::load_demo_werkplaats(tx, now()); });
            std::cout << "Demo geladen. Inloggen: " << app::DemoLogin::organiser_email << " / "
                      << app::DemoLogin::password << "\n";
        });
    });

    auto* werkplaats =
        app.add_subcommand("werkplaats", "Werkplaatsen beheren / manage Werkplaatsen");
    werkplaats->require_subcommand(1);
    auto* werkplaats_add =
        werkplaats->add_subcommand("add", "Nieuwe Werkplaats met de standaardgroepen");
    werkplaats_add->add_option("--db", options->database, "SQLite-databasebestand")->required();
    werkplaats_add->add_option("--slug", options->werkplaats, "Korte naam, bijvoorbeeld zhz")
        ->required();
    werkplaats_add->add_option("--name", options->name, "Volledige naam")->required();
    werkplaats_add->add_option(
        "--host", options->host_name,
        "Eigen hostnaam van de publieke site, bijvoorbeeld kenniscafe.voorbeeld.nl");
    werkplaats_add->callback([options] { add_werkplaats(*options); });
    auto* werkplaats_host = werkplaats->add_subcommand(
        "host", "Eigen hostnaam van de publieke site zetten of (leeg) weghalen");
    werkplaats_host->add_option("--db", options->database, "SQLite-databasebestand")->required();
    werkplaats_host->add_option("--slug", options->werkplaats, "Korte naam, bijvoorbeeld zhz")
        ->required();
    werkplaats_host->add_option("--host", options->host_name, "Hostnaam, of leeg")->required();
    werkplaats_host->callback([options] { set_host_name(*options); });

    auto* user = app.add_subcommand("user", "Accounts beheren / manage accounts");
    user->require_subcommand(1);
    auto* user_add = user->add_subcommand("add", "Nieuw account; wachtwoord via standaardinvoer");
    user_add->add_option("--db", options->database, "SQLite-databasebestand")->required();
    user_add->add_option("--email", options->email, "E-mailadres")->required();
    user_add->add_option("--name", options->name, "Naam")->required();
    user_add->add_option("--role", options->role, "host, organiser of admin");
    user_add->add_option("--werkplaats", options->werkplaats, "Werkplaats (slug)");
    user_add->callback([options] { add_user(*options); });

    auto* token = app.add_subcommand("token", "API-tokens / API tokens");
    token->require_subcommand(1);
    auto* token_create =
        token->add_subcommand("create", "Maak een API-token; het token is het laatste woord");
    token_create->add_option("--db", options->database, "SQLite-databasebestand")->required();
    token_create->add_option("--email", options->email, "E-mailadres van het account")->required();
    token_create->add_option("--werkplaats", options->werkplaats, "Werkplaats (slug)");
    token_create->add_option("--name", options->token_name, "Naam van het token");
    token_create->callback([options] { create_token(*options); });
}

}  // namespace kc::cli
