// The command-line contract other checks rely on, exercised on the real binary:
// serve with --demo, user add and token create while the server runs, the API with
// that token, a crash right after "registered", and a clean stop on SIGTERM.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>

#include "http_client.hpp"
#include "server_process.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "test_support.hpp"

namespace kc {
namespace {

using testing::run;
using testing::ServerProcess;

TEST(CliContract, AccountsTokensAndApiWhileServing) {
    testing::TempDir dir;
    const std::string db = dir.file("kenniscafe.db");
    ServerProcess server(db, dir.file("server.log"));
    ASSERT_NE(server.port(), 0) << "the server printed no address";
    EXPECT_EQ(testing::http_request(server.port(), "GET", "/healthz").status, 200);

    const std::string binary = KC_BINARY;
    const auto added =
        run(binary + " user add --db " + db +
                " --email nieuw@voorbeeld.nl --name 'Nieuwe Organisator' --role organiser",
            "een-lang-wachtwoord\n");
    ASSERT_EQ(added.first, 0) << added.second;
    const auto short_password = run(
        binary + " user add --db " + db + " --email kort@voorbeeld.nl --name Kort --role organiser",
        "kort\n");
    EXPECT_NE(short_password.first, 0);
    EXPECT_NE(short_password.second.find("minstens 10 tekens"), std::string::npos)
        << short_password.second;
    const auto bad_role =
        run(binary + " user add --db " + db + " --email x@voorbeeld.nl --name X --role koning",
            "een-lang-wachtwoord\n");
    EXPECT_NE(bad_role.first, 0);
    EXPECT_NE(bad_role.second.find("onbekende rol"), std::string::npos);

    const auto token_output =
        run(binary + " token create --db " + db + " --email nieuw@voorbeeld.nl");
    ASSERT_EQ(token_output.first, 0) << token_output.second;
    std::string token = token_output.second;
    while (!token.empty() && std::isspace(static_cast<unsigned char>(token.back())))
        token.pop_back();
    token = token.substr(token.find_last_of(' ') + 1);

    const auto created = testing::http_request(
        server.port(), "POST", "/api/v1/events",
        R"({"title":"Kenniscafé in IJsselmonde","starts_at":"2030-03-07T16:00","location":"Huis van de Wijk","capacity":25})",
        {"Content-Type: application/json", "Authorization: Bearer " + token});
    ASSERT_EQ(created.status, 201) << created.body;
    const auto id = std::to_string(boost::json::parse(created.body).at("id").as_int64());
    ASSERT_EQ(testing::http_request(server.port(), "POST", "/api/v1/events/" + id + "/publish", "",
                                    {"Authorization: Bearer " + token})
                  .status,
              200);
    const auto registered = testing::http_request(
        server.port(), "POST", "/api/v1/events/" + id + "/registrations",
        R"({"name":"Noor Bakker","group":"Bewoner"})", {"Content-Type: application/json"});
    ASSERT_EQ(registered.status, 201);

    // A crash straight after the answer loses nothing.
    EXPECT_EQ(server.stop(SIGKILL), -SIGKILL);
    ServerProcess restarted(db, dir.file("server2.log"));
    ASSERT_NE(restarted.port(), 0);
    const auto events =
        boost::json::parse(testing::http_request(restarted.port(), "GET", "/api/v1/events").body)
            .at("items")
            .as_array();
    bool found = false;
    for (const auto& event : events) {
        if (std::to_string(event.at("id").as_int64()) == id) {
            found = true;
            EXPECT_EQ(event.at("registered").as_int64(), 1);
        }
    }
    EXPECT_TRUE(found);
    EXPECT_EQ(restarted.stop(SIGTERM), 0) << "SIGTERM stops cleanly";
}

TEST(CliContract, AnAccountGetsAMembershipPerWerkplaatsAndEachTokenNamesOne) {
    testing::TempDir dir;
    const std::string db = dir.file("kenniscafe.db");
    const std::string binary = KC_BINARY;
    ASSERT_EQ(
        run(binary + " werkplaats add --db " + db + " --slug zhz --name 'Werkplaats ZHZ'").first,
        0);
    ASSERT_EQ(
        run(binary + " werkplaats add --db " + db + " --slug rdam --name 'Werkplaats Rotterdam'")
            .first,
        0);
    const auto added =
        run(binary + " user add --db " + db +
                " --email sanne@voorbeeld.nl --name Sanne --role admin --werkplaats zhz",
            "een-lang-wachtwoord\n");
    ASSERT_EQ(added.first, 0) << added.second;
    // The account exists: a second membership needs no password.
    const auto joined =
        run(binary + " user add --db " + db +
            " --email Sanne@Voorbeeld.nl --name Sanne --role host --werkplaats rdam");
    ASSERT_EQ(joined.first, 0) << joined.second;
    EXPECT_NE(joined.second.find("host in Werkplaats Rotterdam"), std::string::npos)
        << joined.second;

    const auto ambiguous = run(binary + " token create --db " + db + " --email sanne@voorbeeld.nl");
    EXPECT_NE(ambiguous.first, 0);
    EXPECT_NE(ambiguous.second.find("--werkplaats"), std::string::npos) << ambiguous.second;
    const auto unknown = run(binary + " token create --db " + db +
                             " --email sanne@voorbeeld.nl --werkplaats nergens");
    EXPECT_NE(unknown.first, 0);
    EXPECT_NE(unknown.second.find("geen lid"), std::string::npos) << unknown.second;

    const auto token = run(binary + " token create --db " + db +
                           " --email sanne@voorbeeld.nl --werkplaats rdam --name Koppeling");
    ASSERT_EQ(token.first, 0) << token.second;
    EXPECT_NE(token.second.find("(host,"), std::string::npos) << token.second;
    storage::sqlite::SqliteStore store(db);
    const auto sanne = store.read().user_by_email("sanne@voorbeeld.nl");
    ASSERT_TRUE(sanne.has_value());
    EXPECT_EQ(store.read().memberships_of(sanne->id).size(), 2u);
}

TEST(CliContract, AWerkplaatsGetsItsOwnHostName) {
    testing::TempDir dir;
    const std::string db = dir.file("kenniscafe.db");
    const std::string binary = KC_BINARY;
    ASSERT_EQ(run(binary + " werkplaats add --db " + db +
                  " --slug zhz --name 'Werkplaats ZHZ' --host Kenniscafe.ZHZ.example")
                  .first,
              0);
    ASSERT_EQ(
        run(binary + " werkplaats add --db " + db + " --slug rdam --name 'Werkplaats Rotterdam'")
            .first,
        0);
    const auto taken =
        run(binary + " werkplaats host --db " + db + " --slug rdam --host kenniscafe.zhz.example");
    EXPECT_NE(taken.first, 0);
    EXPECT_NE(taken.second.find("heeft de hostnaam kenniscafe.zhz.example al"), std::string::npos)
        << taken.second;
    const auto with_port =
        run(binary + " werkplaats host --db " + db + " --slug rdam --host rdam.example:8080");
    EXPECT_NE(with_port.first, 0);
    EXPECT_NE(with_port.second.find("geen hostnaam"), std::string::npos) << with_port.second;
    const auto set =
        run(binary + " werkplaats host --db " + db + " --slug rdam --host rdam.example");
    ASSERT_EQ(set.first, 0) << set.second;
    EXPECT_NE(
        run(binary + " werkplaats host --db " + db + " --slug nergens --host x.example").first, 0);

    storage::sqlite::SqliteStore store(db);
    std::map<std::string, std::string> hosts;
    for (const auto& werkplaats : store.read().werkplaatsen())
        hosts[werkplaats.slug] = werkplaats.host_name;
    EXPECT_EQ(hosts["zhz"], "kenniscafe.zhz.example");
    EXPECT_EQ(hosts["rdam"], "rdam.example");
}

TEST(CliContract, RefusesBadArgumentsWithAClearMessage) {
    const std::string binary = KC_BINARY;
    EXPECT_NE(run(binary + " serve").first, 0);
    const auto port = run(binary + " serve --db /tmp/x.db --port 70000");
    EXPECT_NE(port.first, 0);
    const auto unreadable = run(binary + " migrate --db /proc/nope/kenniscafe.db");
    EXPECT_NE(unreadable.first, 0);
    EXPECT_NE(unreadable.second.find("Fout"), std::string::npos) << unreadable.second;
}

}  // namespace
}  // namespace kc
