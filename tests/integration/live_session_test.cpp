// The live session through the real `kenniscafe serve` binary, spoken to with the protocol of
// docs/live.md by real WebSocket and event-stream clients: phones join and answer, the
// presenter's channel counts them, and a `kill -9` of the server loses no acknowledged answer
// while resent answers count once.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <map>
#include <set>

#include "app/accounts.hpp"
#include "app/events.hpp"
#include "app/live.hpp"
#include "app/security.hpp"
#include "app/werkplaats_settings.hpp"
#include "http_client.hpp"
#include "live_client.hpp"
#include "other_client.hpp"
#include "server_process.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "test_support.hpp"

namespace kc {
namespace {

using namespace std::chrono_literals;
namespace json = boost::json;
using testing::LiveClient;
using testing::ServerProcess;

constexpr std::string_view host_origin = "http://127.0.0.1";

json::object parse(const std::string& text) { return json::parse(text).as_object(); }

// Reads messages until one of `type` arrives (others are skipped), or fails the test.
std::optional<json::object> wait_for(LiveClient& client, std::string_view type,
                                     std::chrono::milliseconds timeout = 5s) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        const auto message = client.receive(std::max(left, 1ms));
        if (!message) break;
        auto object = parse(*message);
        if (object["type"].as_string() == type) return object;
    }
    ADD_FAILURE() << "no '" << type << "' message arrived";
    return std::nullopt;
}

std::string answer_message(const std::string& id, std::int64_t question, int option) {
    return json::serialize(json::object{{"type", "answer"},
                                        {"id", id},
                                        {"question", question},
                                        {"value", json::object{{"options", json::array{option}}}}});
}

class LiveSessionTest : public ::testing::Test {
  protected:
    void SetUp() override {
        storage::sqlite::SqliteStore store(database());
        store.write_and_wait([&](app::Transaction& tx) {
            werkplaats_ = app::create_werkplaats(tx, "zhz", "Werkplaats Zuid-Holland Zuid");
            domain::EventDetails details;
            details.title = "Jongeren en schulden";
            details.location_name = "Huis van de Wijk";
            details.starts_at = 1'900'000'000;
            details.ends_at = details.starts_at + 7'200;
            details.capacity = 40;
            event_ = app::create_event(tx, werkplaats_, details, 1'700'000'000).event_id;
            const app::EventScope scope{werkplaats_, event_};
            session_ = app::create_live_session(tx, scope, "Peiling", 1'700'000'000).id;
            domain::live::QuestionSettings question;
            question.prompt = "Hoe kwam u hier?";
            question.options = {"Fiets", "Bus", "Lopend"};
            question_ = app::save_live_question(tx, scope, session_, std::nullopt, question).id;
            code_ = tx.live_session(session_)->join_code;
            const auto user = tx.insert_user({0, "org@a.nl", "Organisator", "x"});
            tx.upsert_membership({user, werkplaats_, app::Role::organiser, false});
            presenter_token_ = app::security::random_token();
            tx.insert_session({app::security::token_digest(presenter_token_), user,
                               "csrf-token-1234567", werkplaats_, 1'700'000'000, 4'000'000'000});
        });
    }

    std::string database() const { return dir_.file("live.db"); }
    std::string log() const { return dir_.file("server.log"); }
    std::string phone_path() const { return "/live/" + code_ + "/kanaal"; }
    std::string session_path() const {
        return "/beheer/events/" + std::to_string(event_) + "/live/" + std::to_string(session_);
    }
    testing::LiveHeaders presenter_headers() const {
        return {{"Cookie", "kc_session=" + presenter_token_}};
    }

    // Steers the session as the organiser would with the control page's form.
    void control(std::uint16_t port, const std::string& action) {
        const auto reply = testing::http_request(
            port, "POST", session_path() + "/regie", "csrf=csrf-token-1234567&action=" + action,
            {"Cookie: kc_session=" + presenter_token_ + "; kc_csrf=csrf-token-1234567",
             "Content-Type: application/x-www-form-urlencoded"});
        ASSERT_EQ(reply.status, 303) << action << ": " << reply.body;
        ASSERT_EQ(reply.header("location").find("melding"), std::string::npos) << action;
    }

    // A phone that joined; its token and participant id.
    struct Phone {
        std::unique_ptr<LiveClient> client;
        std::string token;
        std::optional<json::object> question;  // as the channel told it on connecting
    };
    Phone join(std::uint16_t port, const std::string& group = "") {
        Phone phone{std::make_unique<LiveClient>(port), "", std::nullopt};
        EXPECT_EQ(phone.client->connect(phone_path()), 101);
        EXPECT_TRUE(wait_for(*phone.client, "hello"));
        phone.question = wait_for(*phone.client, "question");
        phone.client->send(json::serialize(json::object{{"type", "join"}, {"group", group}}));
        if (auto welcome = wait_for(*phone.client, "welcome")) {
            phone.token = std::string(welcome->at("token").as_string());
        }
        return phone;
    }

    std::vector<std::vector<std::string>> rows(const std::string& sql) {
        return testing::OtherClient(database()).rows(sql);
    }

    testing::TempDir dir_;
    std::int64_t werkplaats_ = 0, event_ = 0, session_ = 0, question_ = 0;
    std::string code_;
    std::string presenter_token_;
};

TEST_F(LiveSessionTest, APhoneJoinsAnswersAndThePresenterSeesItCounted) {
    ServerProcess server(database(), log(), {{}});
    ASSERT_NE(server.port(), 0);
    // A session that has not started has no code yet as far as phones are concerned.
    EXPECT_EQ(LiveClient(server.port()).connect(phone_path()), 404);
    control(server.port(), "start");
    control(server.port(), "open_question");

    LiveClient presenter(server.port());
    ASSERT_EQ(presenter.connect(session_path() + "/kanaal", presenter_headers()), 101);
    auto snapshot = wait_for(presenter, "presenter");
    ASSERT_TRUE(snapshot);
    EXPECT_EQ(snapshot->at("participants").as_int64(), 0);

    Phone phone = join(server.port(), "bewoner");
    ASSERT_FALSE(phone.token.empty());
    const auto& question = phone.question;
    ASSERT_TRUE(question);
    const auto you = wait_for(*phone.client, "you");
    ASSERT_TRUE(you);
    EXPECT_TRUE(you->at("answer").is_null());
    EXPECT_EQ(question->at("question").at("id").as_int64(), question_);
    EXPECT_EQ(question->at("question").at("state").as_string(), "open");

    phone.client->send(answer_message("a1", question_, 1));
    const auto ack = wait_for(*phone.client, "ack");
    ASSERT_TRUE(ack);
    EXPECT_EQ(ack->at("id").as_string(), "a1");
    EXPECT_EQ(ack->at("status").as_string(), "accepted");
    // Acknowledged means stored.
    EXPECT_EQ(rows("SELECT options, group_id > 0 FROM live_answers WHERE client_id = 'a1'"),
              (std::vector<std::vector<std::string>>{{"1", "1"}}));

    // The same answer sent again counts once; a changed answer replaces it.
    phone.client->send(answer_message("a1", question_, 1));
    EXPECT_EQ(wait_for(*phone.client, "ack")->at("status").as_string(), "duplicate");
    phone.client->send(answer_message("a2", question_, 2));
    EXPECT_EQ(wait_for(*phone.client, "ack")->at("status").as_string(), "accepted");
    // An answer that does not fit is refused with a reason and a Dutch message.
    phone.client->send(answer_message("a3", question_, 7));
    const auto refused = wait_for(*phone.client, "rejected");
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->at("reason").as_string(), "invalid");
    EXPECT_FALSE(refused->at("message").as_string().empty());
    // Garbage gets an error and the channel stays open.
    phone.client->send("{niet json");
    EXPECT_TRUE(wait_for(*phone.client, "error"));
    phone.client->send(R"({"type":"ping"})");
    EXPECT_TRUE(wait_for(*phone.client, "pong"));

    // The presenter's count reaches one participant with two answers taken (a changed answer
    // counts again), and the results tell the current choice only.
    for (int i = 0; i < 50; ++i) {
        snapshot = wait_for(presenter, "presenter");
        if (snapshot && snapshot->at("question").at("answers").as_int64() == 2) break;
    }
    ASSERT_TRUE(snapshot);
    EXPECT_EQ(snapshot->at("participants").as_int64(), 1);
    const auto& options = snapshot->at("results").at("options").as_array();
    EXPECT_EQ(options.at(1).at("count").as_int64(), 0);
    EXPECT_EQ(options.at(2).at("count").as_int64(), 1);

    // Results reach the phone only once the presenter shows them.
    control(server.port(), "show_results");
    const auto results = wait_for(*phone.client, "results");
    ASSERT_TRUE(results);
    EXPECT_TRUE(results->at("shown").as_bool());
    EXPECT_NE(results->at("svg").as_string().find("<svg"), json::string::npos);

    // Closing the question refuses later answers.
    control(server.port(), "close_question");
    phone.client->send(answer_message("a4", question_, 0));
    EXPECT_EQ(wait_for(*phone.client, "rejected")->at("reason").as_string(), "closed");
}

TEST_F(LiveSessionTest, AKillLosesNoAcknowledgedAnswerAndResentAnswersCountOnce) {
    constexpr int phones = 24;
    std::vector<std::string> tokens;
    std::set<std::string> acknowledged;
    {
        ServerProcess server(database(), log(), {{}});
        ASSERT_NE(server.port(), 0);
        control(server.port(), "start");
        control(server.port(), "open_question");
        std::vector<Phone> clients;
        for (int i = 0; i < phones; ++i) clients.push_back(join(server.port()));
        for (int i = 0; i < phones; ++i) {
            clients[i].client->send(answer_message("k" + std::to_string(i), question_, i % 3));
        }
        // Half of the phones wait for their acknowledgement; then the server dies mid-stream.
        for (int i = 0; i < phones / 2; ++i) {
            if (auto ack = wait_for(*clients[i].client, "ack")) {
                acknowledged.insert(std::string(ack->at("id").as_string()));
            }
        }
        for (const auto& phone : clients) tokens.push_back(phone.token);
        server.stop(SIGKILL);
    }
    ASSERT_EQ(acknowledged.size(), static_cast<std::size_t>(phones / 2));
    // Every acknowledged answer is on disk after the kill.
    std::set<std::string> stored;
    for (const auto& row : rows("SELECT client_id FROM live_answers")) stored.insert(row[0]);
    for (const auto& id : acknowledged) EXPECT_TRUE(stored.contains(id)) << id << " was lost";

    // After a restart every phone comes back with its token, sees its own answer if it was
    // stored, and resends what it had no acknowledgement for.
    ServerProcess server(database(), dir_.file("server2.log"), {{}});
    ASSERT_NE(server.port(), 0);
    std::map<std::string, std::string> statuses;
    for (int i = 0; i < phones; ++i) {
        LiveClient phone(server.port());
        ASSERT_EQ(phone.connect(phone_path() + "?token=" + tokens[i]), 101);
        const auto you = wait_for(phone, "you");
        ASSERT_TRUE(you);
        const std::string id = "k" + std::to_string(i);
        if (acknowledged.contains(id)) {
            ASSERT_TRUE(you->at("answer").is_object()) << id;
            EXPECT_EQ(you->at("answer").at("options").as_array().at(0).as_int64(), i % 3);
            continue;
        }
        phone.send(answer_message(id, question_, i % 3));
        const auto ack = wait_for(phone, "ack");
        ASSERT_TRUE(ack) << id;
        statuses[id] = std::string(ack->at("status").as_string());
    }
    for (const auto& [id, status] : statuses) {
        // Stored before the kill but not yet acknowledged, or stored now.
        EXPECT_EQ(status, stored.contains(id) ? "duplicate" : "accepted") << id;
    }
    EXPECT_EQ(
        rows("SELECT COUNT(*), COUNT(DISTINCT participant_id) FROM live_answers"),
        (std::vector<std::vector<std::string>>{{std::to_string(phones), std::to_string(phones)}}));
    LiveClient presenter(server.port());
    ASSERT_EQ(presenter.connect(session_path() + "/kanaal", presenter_headers()), 101);
    const auto snapshot = wait_for(presenter, "presenter");
    ASSERT_TRUE(snapshot);
    EXPECT_EQ(snapshot->at("participants").as_int64(), phones);
    EXPECT_EQ(snapshot->at("results").at("respondents").as_int64(), phones);
}

TEST_F(LiveSessionTest, WithoutWebSocketsAPhoneListensToEventsAndPostsItsAnswers) {
    ServerProcess server(database(), log(), {{}});
    ASSERT_NE(server.port(), 0);
    control(server.port(), "start");
    control(server.port(), "open_question");
    const auto joined =
        testing::http_request(server.port(), "POST", "/api/v1/live/" + code_ + "/participants",
                              R"({"group":"gemeente"})", {"Content-Type: application/json"});
    ASSERT_EQ(joined.status, 201) << joined.body;
    const std::string token(parse(joined.body).at("token").as_string());

    LiveClient events(server.port());
    ASSERT_EQ(events.open_event_stream(phone_path() + "?token=" + token), 200);
    bool saw_question = false;
    for (int i = 0; i < 5 && !saw_question; ++i) {
        const auto event = events.next_event();
        ASSERT_TRUE(event);
        saw_question = parse(*event).at("type").as_string() == "question";
    }
    EXPECT_TRUE(saw_question);

    const std::string answer =
        json::serialize(json::object{{"token", token},
                                     {"id", "p1"},
                                     {"question", question_},
                                     {"value", json::object{{"options", json::array{0}}}}});
    const auto stored =
        testing::http_request(server.port(), "POST", "/api/v1/live/" + code_ + "/answers", answer,
                              {"Content-Type: application/json"});
    EXPECT_EQ(stored.status, 200) << stored.body;
    EXPECT_EQ(parse(stored.body).at("status").as_string(), "accepted");
    EXPECT_EQ(rows("SELECT COUNT(*) FROM live_answers WHERE client_id = 'p1'")[0][0], "1");

    // A wrong token, a malformed body and a foreign site's channel are refused plainly.
    const auto stranger =
        testing::http_request(server.port(), "POST", "/api/v1/live/" + code_ + "/answers",
                              R"({"token":"nep","id":"p2","question":1,"value":{"options":[0]}})",
                              {"Content-Type: application/json"});
    EXPECT_EQ(stranger.status, 404);
    const auto malformed =
        testing::http_request(server.port(), "POST", "/api/v1/live/" + code_ + "/answers", "{",
                              {"Content-Type: application/json"});
    EXPECT_EQ(malformed.status, 400);
    EXPECT_EQ(LiveClient(server.port()).connect(phone_path(), {{"Origin", "http://evil.example"}}),
              403);
    EXPECT_EQ(LiveClient(server.port()).connect("/live/AAAAAA/kanaal"), 404);
    // The presenter's channel needs a logged-in host of the event.
    EXPECT_NE(LiveClient(server.port()).connect(session_path() + "/kanaal"), 101);
}

}  // namespace
}  // namespace kc
