// Faults are inputs too: a full disk, a database locked by another program and a disk
// that fails to read, each made real, and what a resident or an API client then gets.
// A write that could not be stored is refused with 503 and Retry-After and says that
// nothing was stored; nothing of it is in the database; writes work again as soon as
// the cause is gone, without a restart.
//
// The storage tests run against each backend in `faulty_backends()`; the web tests run
// the real `kenniscafe serve` binary (a full disk through its file-size limit, the lock
// held by a second connection) and, for reads, the web application in this process.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/resource.h>

#include <boost/json.hpp>
#include <chrono>
#include <future>
#include <iostream>
#include <map>
#include <set>
#include <stdexcept>
#include <tuple>

#include "app/registrations.hpp"
#include "faulty_vfs.hpp"
#include "http/server.hpp"
#include "http_client.hpp"
#include "other_client.hpp"
#include "server_process.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "test_support.hpp"
#include "web/web_app.hpp"

namespace kc {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using testing::http_request;
using testing::HttpReply;
using testing::OtherClient;

constexpr time::Timestamp now = 1'700'000'000;
constexpr std::string_view nothing_stored = "Er is niets opgeslagen";

// ---------------------------------------------------------------------------------------
// The storage: what every job of a batch hears when the batch cannot be stored.

// A backend with the faults it can be put through, each as the real fault behaves and
// passing when switched off. A second backend brings its own ways to break.
class BackendFaults {
  public:
    virtual ~BackendFaults() = default;
    // A store that waits at most a moment for a lock held elsewhere.
    virtual std::unique_ptr<app::Store> open() = 0;
    // Every write to the storage fails, as on a full disk.
    virtual void fill_disk(bool full) = 0;
    // Every read from the storage fails, as on a failing disk or a lost connection.
    virtual void break_reads(bool broken) = 0;
    // Another client changes the data, so what the store has cached must be read again.
    virtual void change_elsewhere() = 0;
    // Another client holds the write lock.
    virtual void lock_elsewhere(bool locked) = 0;
};

class SqliteFaults final : public BackendFaults {
  public:
    std::unique_ptr<app::Store> open() override {
        auto store = std::make_unique<storage::sqlite::SqliteStore>(
            path_, storage::sqlite::SqliteOptions{.busy_timeout = 200ms});
        other_ = std::make_unique<OtherClient>(path_);
        return store;
    }
    void fill_disk(bool full) override { disk_.set_full(full); }
    void break_reads(bool broken) override { disk_.set_read_errors(broken); }
    void change_elsewhere() override {
        other_->execute("PRAGMA user_version = " + std::to_string(++changes_));
    }
    void lock_elsewhere(bool locked) override {
        other_->execute(locked ? "BEGIN IMMEDIATE" : "ROLLBACK");
    }

  private:
    testing::TempDir dir_;
    std::string path_ = dir_.file("faults.db");
    testing::FaultyDisk disk_;
    std::unique_ptr<OtherClient> other_;
    int changes_ = 0;
};

struct FaultyBackend {
    std::string name;
    std::function<std::unique_ptr<BackendFaults>()> make;
};

void PrintTo(const FaultyBackend& backend, std::ostream* out) { *out << backend.name; }

std::vector<FaultyBackend> faulty_backends() {
    return {{"sqlite", [] { return std::make_unique<SqliteFaults>(); }}};
}

// A Werkplaats with a residents' group and a published event ahead: the group and the event.
std::pair<std::int64_t, std::int64_t> published_event(app::Store& store) {
    std::pair<std::int64_t, std::int64_t> ids;
    store.write_and_wait([&ids](app::Transaction& tx) {
        const auto werkplaats = tx.insert_werkplaats("test", "Test-Werkplaats");
        ids.first = tx.insert_group(werkplaats, {0, "bewoner", "Bewoner", 0, true});
        domain::EventDetails details;
        details.title = "Wonen en zorg";
        details.location_name = "Huis van de Wijk";
        details.starts_at = now + 86'400;
        details.ends_at = now + 90'000;
        ids.second = tx.insert_event(werkplaats, details, domain::EventStatus::published, now);
    });
    return ids;
}

class StorageFaultTest : public ::testing::TestWithParam<FaultyBackend> {
  protected:
    void SetUp() override {
        faults_ = GetParam().make();
        store_ = faults_->open();
        std::tie(group_, event_) = published_event(*store_);
    }

    app::Store::WriteJob registration(const std::string& name) {
        return [this, name](app::Transaction& tx) {
            const auto outcome = app::register_participant(tx, event_, {name, "", group_}, now);
            if (outcome.result != app::RegisterResult::registered) throw std::logic_error(name);
        };
    }

    // Queues `jobs`, calls `meanwhile` and returns what each job heard.
    std::vector<std::exception_ptr> write_all(
        std::vector<app::Store::WriteJob> jobs, const std::function<void()>& meanwhile = [] {}) {
        std::vector<std::promise<std::exception_ptr>> heard(jobs.size());
        for (std::size_t i = 0; i < jobs.size(); ++i) {
            store_->write(std::move(jobs[i]),
                          [&heard, i](std::exception_ptr failure) { heard[i].set_value(failure); });
        }
        meanwhile();
        std::vector<std::exception_ptr> result;
        for (auto& promise : heard) result.push_back(promise.get_future().get());
        return result;
    }

    // Queues `jobs` while the writer waits, so they are committed as one batch; calls
    // `before` just before the batch begins.
    std::vector<std::exception_ptr> one_batch(
        std::vector<app::Store::WriteJob> jobs, const std::function<void()>& before = [] {}) {
        std::promise<void> writer_waits;
        std::promise<void> go;
        store_->write(
            [&writer_waits, go_signal = go.get_future().share()](app::Transaction&) {
                writer_waits.set_value();
                go_signal.wait();
            },
            nullptr);
        writer_waits.get_future().wait();
        return write_all(std::move(jobs), [&] {
            before();
            go.set_value();
        });
    }

    std::set<std::string> stored_names() {
        std::set<std::string> names;
        for (const auto& registration : store_->read().registrations(event_)) {
            names.insert(registration.form.name);
        }
        return names;
    }

    std::unique_ptr<BackendFaults> faults_;
    std::unique_ptr<app::Store> store_;
    std::int64_t group_ = 0;
    std::int64_t event_ = 0;
};

// Whether a job heard a failure that passes by itself, so the web says "try again".
::testing::AssertionResult temporary_failure(const std::exception_ptr& heard) {
    if (!heard) return ::testing::AssertionFailure() << "told done";
    try {
        std::rethrow_exception(heard);
    } catch (const app::StorageFailure& failure) {
        if (failure.is_temporary()) return ::testing::AssertionSuccess() << failure.what();
        return ::testing::AssertionFailure() << "permanent: " << failure.what();
    } catch (const std::exception& failure) {
        return ::testing::AssertionFailure() << "not a storage failure: " << failure.what();
    }
    return ::testing::AssertionFailure() << "an unknown exception";
}

TEST_P(StorageFaultTest, ACommitOnAFullDiskFailsEveryJobOfTheBatchAndTheNextWriteSucceeds) {
    const auto heard = one_batch({registration("Anna"), registration("Bram"), registration("Cor")},
                                 [&] { faults_->fill_disk(true); });
    for (const auto& failure : heard) EXPECT_TRUE(temporary_failure(failure));
    EXPECT_TRUE(stored_names().empty()) << "reads go on while the disk is full";

    faults_->fill_disk(false);
    store_->write_and_wait(registration("Dirk"));
    EXPECT_EQ(stored_names(), std::set<std::string>{"Dirk"});
}

TEST_P(StorageFaultTest, AReadErrorInOneJobUndoesTheWholeBatchAndTellsEveryJob) {
    // The jobs read what they need from the storage itself, not from a cache.
    faults_->change_elsewhere();
    const auto heard =
        one_batch({registration("Anna"),
                   [this](app::Transaction& tx) {
                       faults_->break_reads(true);
                       tx.user_by_email("niemand@voorbeeld.nl");
                       throw std::logic_error("read from the cache: read what Anna's job does not");
                   },
                   registration("Cor")});
    faults_->break_reads(false);
    // The storage may undo the whole transaction after such an error, Anna's
    // registration with it; then nobody may hear "done".
    for (const auto& failure : heard) EXPECT_TRUE(temporary_failure(failure));
    EXPECT_TRUE(stored_names().empty());

    store_->write_and_wait(registration("Dirk"));
    EXPECT_EQ(stored_names(), std::set<std::string>{"Dirk"});
}

TEST_P(StorageFaultTest, ALockHeldElsewhereRefusesWritesUntilItIsReleased) {
    faults_->lock_elsewhere(true);
    const auto heard = write_all({registration("Anna"), registration("Bram")});
    for (const auto& failure : heard) EXPECT_TRUE(temporary_failure(failure));
    EXPECT_TRUE(stored_names().empty()) << "reads go on while another client writes";

    faults_->lock_elsewhere(false);
    store_->write_and_wait(registration("Anna"));
    EXPECT_EQ(stored_names(), std::set<std::string>{"Anna"});
}

INSTANTIATE_TEST_SUITE_P(Backends, StorageFaultTest, ::testing::ValuesIn(faulty_backends()),
                         [](const auto& instance) { return instance.param.name; });

// ---------------------------------------------------------------------------------------
// Reads the storage cannot do now, through the web application in this process.

TEST(ReadFaults, APageThatCannotBeReadNowSaysSoWith503AndWorksAgainAfterwards) {
    SqliteFaults faults;
    auto store = faults.open();
    const auto event = published_event(*store).second;
    web::WebConfig config;
    config.share_dir = KC_SOURCE_SHARE_DIR;
    config.now = [] { return now; };
    web::WebApp application(*store, config);
    std::string error;
    auto server = http::Server::start({.port = 0}, application, error);
    ASSERT_TRUE(server) << error;
    const auto port = server->port();
    const std::string form = "/events/" + std::to_string(event) + "/aanmelden";
    ASSERT_EQ(http_request(port, "GET", "/api/v1/events").status, 200);
    ASSERT_EQ(http_request(port, "GET", form).status, 200);

    faults.change_elsewhere();
    faults.break_reads(true);
    const auto api = http_request(port, "GET", "/api/v1/events");
    const auto page = http_request(port, "GET", form);
    const auto write =
        http_request(port, "POST", "/api/v1/events/" + std::to_string(event) + "/registrations",
                     R"({"name":"Anna","group":"Bewoner"})", {"Content-Type: application/json"});
    faults.break_reads(false);

    EXPECT_EQ(api.status, 503) << api.body;
    EXPECT_EQ(api.header("retry-after"), "30");
    EXPECT_EQ(boost::json::parse(api.body).at("error").as_string(), "service_unavailable");
    EXPECT_EQ(page.status, 503);
    EXPECT_EQ(page.header("retry-after"), "30");
    EXPECT_NE(page.body.find("We kunnen dit nu niet laten zien"), std::string::npos) << page.body;
    EXPECT_EQ(write.status, 503) << "a write that could not even read stored nothing";
    EXPECT_NE(write.body.find(nothing_stored), std::string::npos) << write.body;

    EXPECT_EQ(http_request(port, "GET", "/api/v1/events").status, 200);
    EXPECT_EQ(http_request(port, "GET", form).status, 200);
    server->stop();
}

// ---------------------------------------------------------------------------------------
// The real server on a disk that fills up and on a database another program locks.

class ServerFaultTest : public ::testing::Test {
  protected:
    // A fresh database with one Werkplaats and an organiser's API token.
    void SetUp() override {
        const std::string binary = KC_BINARY;
        ASSERT_EQ(
            testing::run(binary + " werkplaats add --db " + db_ + " --slug zhz --name Test").first,
            0);
        ASSERT_EQ(testing::run(binary + " user add --db " + db_ +
                                   " --email org@voorbeeld.nl --name Org --role organiser",
                               "een-lang-wachtwoord\n")
                      .first,
                  0);
        const auto output =
            testing::run(binary + " token create --db " + db_ + " --email org@voorbeeld.nl");
        ASSERT_EQ(output.first, 0) << output.second;
        token_ = output.second.substr(output.second.find_last_of(' ') + 1);
        token_.erase(token_.find_last_not_of(" \n") + 1);
        OtherClient database(db_);
        group_ = database.rows("SELECT id FROM stakeholder_groups WHERE slug = 'bewoner'")[0][0];
    }

    void start(testing::ServerSettings settings) {
        server_ = std::make_unique<testing::ServerProcess>(db_, dir_.file("server.log"), settings);
        ASSERT_NE(server_->port(), 0) << "the server printed no address";
        const auto created = api(
            "POST", "/api/v1/events",
            R"({"title":"Wonen en zorg","starts_at":"2030-03-07T16:00","location":"Huis van de Wijk"})");
        ASSERT_EQ(created.status, 201) << created.body;
        event_ = std::to_string(boost::json::parse(created.body).at("id").as_int64());
        ASSERT_EQ(api("POST", "/api/v1/events/" + event_ + "/publish").status, 200);
        const auto form = http_request(server_->port(), "GET", form_path());
        ASSERT_EQ(form.status, 200);
        const std::string cookie = form.header("set-cookie");
        csrf_ = cookie.substr(cookie.find('=') + 1, cookie.find(';') - cookie.find('=') - 1);
    }

    HttpReply api(const std::string& method, const std::string& target,
                  const std::string& body = "") {
        return http_request(server_->port(), method, target, body,
                            {"Content-Type: application/json", "Authorization: Bearer " + token_});
    }
    std::string form_path() const { return "/events/" + event_ + "/aanmelden"; }

    // One registration through the API or the form, as a resident's phone sends it.
    // Returns the answer and, when accepted, the personal token.
    std::pair<HttpReply, std::string> register_by_api(const std::string& name) {
        const auto reply = http_request(
            server_->port(), "POST", "/api/v1/events/" + event_ + "/registrations",
            R"({"name":")" + name + R"(","group":"Bewoner"})", {"Content-Type: application/json"});
        if (reply.status != 201) return {reply, ""};
        return {reply, std::string(boost::json::parse(reply.body).at("cancel_token").as_string())};
    }
    std::pair<HttpReply, std::string> register_by_form(const std::string& name) {
        const auto reply = http_request(
            server_->port(), "POST", form_path(),
            "csrf=" + csrf_ + "&name=" + name + "&group=" + group_,
            {"Content-Type: application/x-www-form-urlencoded", "Cookie: kc_csrf=" + csrf_});
        if (reply.status != 303) return {reply, ""};
        return {reply, reply.header("location").substr(std::string("/aanmelding/").size())};
    }

    // Every stored registration of the event: personal token to name.
    std::map<std::string, std::string> stored() {
        std::map<std::string, std::string> result;
        OtherClient database(db_);
        for (const auto& row : database.rows(
                 "SELECT cancel_token, name FROM registrations WHERE event_id = " + event_)) {
            result[row[0]] = row[1];
        }
        return result;
    }

    testing::TempDir dir_;
    std::string db_ = dir_.file("kenniscafe.db");
    std::string token_;
    std::string group_;
    std::string event_;
    std::string csrf_;
    std::unique_ptr<testing::ServerProcess> server_;
};

// A refusal as the issue asks for it: 503, Retry-After, and "nothing was stored".
::testing::AssertionResult refused_plainly(const HttpReply& reply, bool api) {
    if (reply.status != 503) return ::testing::AssertionFailure() << reply.status << reply.body;
    if (reply.header("retry-after").empty())
        return ::testing::AssertionFailure() << "no Retry-After";
    if (reply.body.find(nothing_stored) == std::string::npos) {
        return ::testing::AssertionFailure() << "does not say nothing was stored: " << reply.body;
    }
    if (api && boost::json::parse(reply.body).at("error").as_string() != "service_unavailable") {
        return ::testing::AssertionFailure() << reply.body;
    }
    return ::testing::AssertionSuccess();
}

TEST_F(ServerFaultTest, ADiskThatFillsUpRefusesPlainlyKeepsWhatWasAcknowledgedAndRecovers) {
    // No file of the server may grow beyond 1 MiB: its WAL fills up after some dozens of
    // registrations. The limit is raised later, while it runs: space comes back.
    start({.arguments = {}, .file_size_limit = 1 << 20});
    std::map<std::string, std::string> acknowledged;  // personal token to name
    std::size_t before_full = 0;
    int refused = 0;
    // Half through the API, half through the form, until ten are refused.
    for (int attempt = 0; attempt < 1'000 && refused < 10; ++attempt) {
        const bool by_api = attempt % 2 == 0;
        const std::string name = "Bewoner" + std::to_string(attempt);
        const auto [reply, token] = by_api ? register_by_api(name) : register_by_form(name);
        if (!token.empty()) {
            acknowledged[token] = name;
        } else {
            if (refused++ == 0) before_full = acknowledged.size();
            EXPECT_TRUE(refused_plainly(reply, by_api)) << "attempt " << attempt;
        }
    }
    ASSERT_EQ(refused, 10) << "the disk never filled up";
    EXPECT_GT(before_full, 0u);
    EXPECT_EQ(http_request(server_->port(), "GET", form_path()).status, 200)
        << "reading goes on while the disk is full";
    const auto while_full = acknowledged.size();

    const auto space_back = Clock::now();
    const rlimit unlimited{RLIM_INFINITY, RLIM_INFINITY};
    ASSERT_EQ(::prlimit(server_->pid(), RLIMIT_FSIZE, &unlimited, nullptr), 0);
    int tries = 0;
    for (std::string token; token.empty() && tries < 3; ++tries) {
        const std::string name = "Weer" + std::to_string(tries);
        token = register_by_api(name).second;
        if (!token.empty()) acknowledged[token] = name;
    }
    const auto recovered_after =
        std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - space_back);
    EXPECT_EQ(acknowledged.size(), while_full + 1) << "writes work again without a restart";
    const auto by_form = register_by_form("WeerFormulier");
    EXPECT_EQ(by_form.first.status, 303);
    acknowledged[by_form.second] = "WeerFormulier";
    std::cout << "disk full: " << before_full << " registrations acknowledged before it was full, "
              << while_full - before_full << " more and " << refused << " refused after, " << tries
              << " tries and " << recovered_after.count()
              << " ms to write again once space came back\n";

    EXPECT_EQ(server_->stop(SIGTERM), 0);
    OtherClient database(db_);
    EXPECT_EQ(database.rows("PRAGMA integrity_check")[0][0], "ok");
    EXPECT_EQ(stored(), acknowledged) << "exactly the acknowledged registrations, none refused";
}

TEST_F(ServerFaultTest, ADatabaseLockedElsewhereRefusesPlainlyAndTheSameRegistrationWorksAfter) {
    start({.arguments = {"--busy-timeout", "1"}});
    OtherClient backup(db_);
    backup.execute("BEGIN IMMEDIATE");
    EXPECT_EQ(http_request(server_->port(), "GET", form_path()).status, 200)
        << "reading goes on while another program writes";
    const auto started = Clock::now();
    const auto locked_api = register_by_api("Sara");
    const auto locked_form = register_by_form("Ahmed");
    const auto waited = Clock::now() - started;
    backup.execute("ROLLBACK");

    EXPECT_TRUE(refused_plainly(locked_api.first, true));
    EXPECT_TRUE(refused_plainly(locked_form.first, false));
    // Each write waited for the busy timeout of one second, no longer (a little margin).
    EXPECT_GE(waited, 1800ms);
    EXPECT_LT(waited, 5s);
    EXPECT_TRUE(stored().empty());

    const auto api_again = register_by_api("Sara");
    const auto form_again = register_by_form("Ahmed");
    EXPECT_EQ(api_again.first.status, 201) << api_again.first.body;
    EXPECT_EQ(form_again.first.status, 303) << form_again.first.body;
    EXPECT_EQ(stored(), (std::map<std::string, std::string>{{api_again.second, "Sara"},
                                                            {form_again.second, "Ahmed"}}));
}

}  // namespace
}  // namespace kc
