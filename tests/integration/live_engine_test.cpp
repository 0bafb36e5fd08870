// The live engine on a real SQLite store with a clock the test moves: quiz points and the
// time limit, results by group with small numbers hidden, what phones hear and when, and a
// new engine (a restarted server) that rebuilds tallies, moderation and scores from storage.
#include <gtest/gtest.h>

#include <atomic>
#include <boost/json.hpp>
#include <future>
#include <mutex>

#include "app/events.hpp"
#include "app/live.hpp"
#include "app/werkplaats_settings.hpp"
#include "live/engine.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "test_support.hpp"

namespace kc {
namespace {

namespace json = boost::json;
using domain::live::QuestionKind;
using live::AnswerStatus;

constexpr std::int64_t start_ms = 1'800'000'000'000;

// An outlet that keeps what it is sent, by type.
class RecordingOutlet final : public live::Outlet {
  public:
    void send(std::shared_ptr<const std::string> message, std::string_view) override {
        std::lock_guard lock(mutex_);
        messages_.push_back(json::parse(*message).as_object());
    }
    std::vector<json::object> of_type(std::string_view type) {
        std::lock_guard lock(mutex_);
        std::vector<json::object> found;
        for (const auto& message : messages_) {
            if (message.at("type").as_string() == type) found.push_back(message);
        }
        return found;
    }

  private:
    std::mutex mutex_;
    std::vector<json::object> messages_;
};

class LiveEngineTest : public ::testing::Test {
  protected:
    void SetUp() override {
        store_ = std::make_unique<storage::sqlite::SqliteStore>(dir_.file("live.db"));
        store_->write_and_wait([&](app::Transaction& tx) {
            const auto werkplaats = app::create_werkplaats(tx, "zhz", "Werkplaats");
            for (const auto& group : tx.groups(werkplaats)) group_ids_.push_back(group.id);
            domain::EventDetails details;
            details.title = "Jongeren en schulden";
            details.location_name = "Huis van de Wijk";
            details.starts_at = 1'900'000'000;
            details.ends_at = details.starts_at + 7'200;
            details.capacity = 40;
            scope_ = {werkplaats,
                      app::create_event(tx, werkplaats, details, 1'700'000'000).event_id};
            session_ = app::create_live_session(tx, scope_, "Peiling", 1'700'000'000).id;
            const auto add = [&](QuestionKind kind, std::vector<std::string> options) {
                domain::live::QuestionSettings question;
                question.kind = kind;
                question.prompt = "Vraag";
                question.options = std::move(options);
                question.correct_option = kind == QuestionKind::quiz ? 1 : -1;
                return app::save_live_question(tx, scope_, session_, std::nullopt, question).id;
            };
            quiz_ = add(QuestionKind::quiz, {"Een", "Twee", "Drie"});
            choice_ = add(QuestionKind::choice, {"Ja", "Nee"});
            cloud_ = add(QuestionKind::word_cloud, {});
        });
        start_engine();
        control(live::Control::start);
    }

    void start_engine() {
        engine_.reset();
        live::EngineOptions options;
        options.now_ms = [this] { return now_ms_.load(); };
        engine_ = std::make_unique<live::Engine>(*store_, std::move(options));
    }

    live::ControlStatus control(live::Control control, std::optional<std::int64_t> question = {}) {
        std::promise<live::ControlStatus> done;
        engine_->control(scope_, session_, control, question,
                         [&done](live::ControlStatus status) { done.set_value(status); });
        return done.get_future().get();
    }

    void show_and_open(std::int64_t question) {
        ASSERT_EQ(control(live::Control::show_question, question), live::ControlStatus::done);
        ASSERT_EQ(control(live::Control::open_question), live::ControlStatus::done);
    }

    std::int64_t join(std::int64_t group = 0, std::string nickname = "") {
        std::promise<std::optional<live::Ticket>> done;
        engine_->join(session_, group, std::move(nickname), std::nullopt,
                      [&done](std::optional<live::Ticket> ticket) { done.set_value(ticket); });
        const auto ticket = done.get_future().get();
        EXPECT_TRUE(ticket);
        return ticket ? ticket->participant_id : 0;
    }

    AnswerStatus answer(std::int64_t participant, std::int64_t question,
                        domain::live::AnswerValue value) {
        std::promise<AnswerStatus> done;
        engine_->answer(session_, participant,
                        {"id" + std::to_string(++answers_sent_), question, std::move(value)},
                        [&done](AnswerStatus status) { done.set_value(status); });
        return done.get_future().get();
    }
    AnswerStatus pick(std::int64_t participant, std::int64_t question, int option) {
        return answer(participant, question, {{option}, {}, {}, {}, {}});
    }

    domain::live::Results results() {
        const auto view = engine_->presenter_view(scope_, session_);
        EXPECT_TRUE(view && view->results);
        return view && view->results ? *view->results : domain::live::Results{};
    }

    testing::TempDir dir_;
    std::unique_ptr<app::Store> store_;
    std::unique_ptr<live::Engine> engine_;
    std::atomic<std::int64_t> now_ms_{start_ms};
    std::vector<std::int64_t> group_ids_;
    app::EventScope scope_;
    std::int64_t session_ = 0, quiz_ = 0, choice_ = 0, cloud_ = 0;
    int answers_sent_ = 0;
};

TEST_F(LiveEngineTest, QuizPointsRewardSpeedAndTheQuestionClosesAtItsTimeLimit) {
    const auto fast = join(0, "Snel");
    const auto slow = join(0, "Traag");
    const auto wrong = join();
    const auto late = join();
    show_and_open(quiz_);
    now_ms_ += 1'000;
    EXPECT_EQ(pick(fast, quiz_, 1), AnswerStatus::accepted);
    EXPECT_EQ(pick(fast, quiz_, 2), AnswerStatus::already_final);
    now_ms_ += 9'000;
    EXPECT_EQ(pick(slow, quiz_, 1), AnswerStatus::accepted);
    EXPECT_EQ(pick(wrong, quiz_, 0), AnswerStatus::accepted);
    // The correct option is not told while the question is open.
    EXPECT_FALSE(results().options.at(1).correct);

    // Past the 20-second limit the engine closes the quiz by itself.
    now_ms_ += 11'000;
    engine_->tick();
    EXPECT_EQ(pick(late, quiz_, 1), AnswerStatus::closed);
    const auto view = engine_->presenter_view(scope_, session_);
    ASSERT_TRUE(view && view->question);
    EXPECT_EQ(view->question->question.state, app::LiveQuestionState::closed);
    EXPECT_TRUE(view->results->options.at(1).correct);
    ASSERT_EQ(view->leaderboard.size(), 2u);
    EXPECT_EQ(view->leaderboard[0].name, "Snel");
    EXPECT_EQ(view->leaderboard[0].points, domain::live::quiz_points(true, 1'000, 20));
    EXPECT_EQ(view->leaderboard[1].name, "Traag");
    EXPECT_EQ(view->leaderboard[1].points, domain::live::quiz_points(true, 10'000, 20));
    EXPECT_GT(view->leaderboard[0].points, view->leaderboard[1].points);
    // A quiz opens once: opening it again would restart its clock.
    EXPECT_EQ(control(live::Control::open_question), live::ControlStatus::not_allowed);
}

TEST_F(LiveEngineTest, ResultsByGroupShowASmallGroupAsFewerThanTheThreshold) {
    show_and_open(choice_);
    const auto answer_from = [&](std::size_t group, int people) {
        for (int i = 0; i < people; ++i) {
            EXPECT_EQ(pick(join(group_ids_[group]), choice_, 0), AnswerStatus::accepted);
        }
    };
    answer_from(0, 6);
    answer_from(1, 7);
    answer_from(2, 2);
    ASSERT_EQ(control(live::Control::by_group), live::ControlStatus::done);
    const auto counted = results();
    ASSERT_EQ(counted.options.size(), 2u);
    EXPECT_EQ(counted.options[0].count, 15);
    const auto& groups = counted.options[0].groups.by_group;
    ASSERT_GE(groups.size(), 3u);
    // Two people of the third group are "fewer than 5"; because the total is shown, the
    // smallest other group is withheld too, or the two could be worked out.
    EXPECT_EQ(groups[2], (domain::ShownCount{domain::ShownCount::Kind::fewer_than, 5}));
    EXPECT_EQ(groups[0].kind, domain::ShownCount::Kind::withheld);
    EXPECT_EQ(groups[1], (domain::ShownCount{domain::ShownCount::Kind::exact, 7}));
    // The presenter's JSON says the same, never the small count itself.
    const auto snapshot = json::parse(*engine_->presenter_json(scope_, session_)).as_object();
    const auto& by_group = snapshot.at("results").at("options").at(0).at("by_group").at("groups");
    EXPECT_TRUE(by_group.at(0).is_null());
    EXPECT_EQ(by_group.at(1).as_int64(), 7);
    EXPECT_EQ(by_group.at(2).at("fewer_than").as_int64(), 5);
}

TEST_F(LiveEngineTest, PhonesHearEveryChangeButResultsOnlyOnceShown) {
    const auto participant = join();
    auto phone = std::make_shared<RecordingOutlet>();
    const auto subscription = engine_->subscribe_phone(session_, participant, phone);
    ASSERT_TRUE(subscription);
    show_and_open(choice_);
    EXPECT_EQ(pick(participant, choice_, 1), AnswerStatus::accepted);
    engine_->tick();
    const auto questions = phone->of_type("question");
    ASSERT_FALSE(questions.empty());
    EXPECT_EQ(questions.back().at("question").at("state").as_string(), "open");
    for (const auto& results : phone->of_type("results"))
        EXPECT_FALSE(results.at("shown").as_bool());

    ASSERT_EQ(control(live::Control::show_results), live::ControlStatus::done);
    const auto shown = phone->of_type("results");
    ASSERT_FALSE(shown.empty());
    EXPECT_TRUE(shown.back().at("shown").as_bool());
    EXPECT_EQ(shown.back().at("options").at(1).at("count").as_int64(), 1);
    // Showing results changes nothing of a phone's own state; closing the question tells each
    // phone its own answer again (and, in a quiz, its points).
    const auto before_close = phone->of_type("you").size();
    ASSERT_EQ(control(live::Control::close_question), live::ControlStatus::done);
    const auto you = phone->of_type("you");
    EXPECT_EQ(you.size(), before_close + 1);
    ASSERT_FALSE(you.empty());
    EXPECT_EQ(you.back().at("answer").at("options").at(0).as_int64(), 1);
}

TEST_F(LiveEngineTest, ARestartedEngineRebuildsTalliesModerationAndScores) {
    const auto first = join(0, "Eerste");
    const auto second = join();
    show_and_open(quiz_);
    now_ms_ += 2'000;
    EXPECT_EQ(pick(first, quiz_, 1), AnswerStatus::accepted);
    show_and_open(cloud_);
    EXPECT_EQ(answer(first, cloud_, {{}, {}, {"Armoede", "schaamte"}, {}, {}}),
              AnswerStatus::accepted);
    EXPECT_EQ(answer(second, cloud_, {{}, {}, {"ÁRMOEDE", "stress", "kut"}, {}, {}}),
              AnswerStatus::filtered);
    EXPECT_EQ(answer(second, cloud_, {{}, {}, {"armoede", "stress"}, {}, {}}),
              AnswerStatus::accepted);
    std::promise<live::ControlStatus> merged;
    engine_->moderate(scope_, session_,
                      {app::ModerationAction::merge_words, cloud_, "stress", "schaamte"},
                      [&merged](live::ControlStatus status) { merged.set_value(status); });
    ASSERT_EQ(merged.get_future().get(), live::ControlStatus::done);
    const auto before = results();

    start_engine();
    const auto after = results();
    ASSERT_EQ(after.words.size(), before.words.size());
    for (std::size_t i = 0; i < after.words.size(); ++i) {
        EXPECT_EQ(after.words[i].text, before.words[i].text);
        EXPECT_EQ(after.words[i].count, before.words[i].count);
    }
    ASSERT_EQ(after.words.size(), 2u);
    EXPECT_EQ(domain::live::word_key(after.words[0].text), "armoede");
    EXPECT_EQ(after.words[0].count, 2);
    EXPECT_EQ(after.words[1].text, "schaamte");
    EXPECT_EQ(after.words[1].count, 2);
    const auto view = engine_->phone_view(session_, first);
    ASSERT_TRUE(view);
    EXPECT_EQ(view->score, domain::live::quiz_points(true, 2'000, 20));
    // The identities came back too: the same answer id is recognised.
    std::promise<AnswerStatus> again;
    engine_->answer(session_, second, {"id4", cloud_, {{}, {}, {"armoede", "stress"}, {}, {}}},
                    [&again](AnswerStatus status) { again.set_value(status); });
    EXPECT_EQ(again.get_future().get(), AnswerStatus::duplicate);
}

}  // namespace
}  // namespace kc
