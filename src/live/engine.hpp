#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "app/live_records.hpp"
#include "app/scope.hpp"
#include "app/store.hpp"
#include "live/protocol.hpp"

// The live-session engine: running sessions in memory, answers counted as they arrive,
// written in batches and acknowledged once durable, results pushed at a steady pace.
// No Beast and no HTTP: the web layer hands it messages and gives it outlets to send to.
namespace kc::live {

// Where messages for one connected phone or presenter screen go. Thread-safe; a message
// with a slot replaces an unsent earlier one of that slot (see web::ChannelSink).
class Outlet {
  public:
    virtual ~Outlet() = default;
    virtual void send(std::shared_ptr<const std::string> message, std::string_view slot) = 0;
};

struct EngineOptions {
    // How often a presenter screen gets new results while answers come in.
    std::chrono::milliseconds presenter_interval{100};
    // How often phones get new results while they are shown: less often, because every
    // phone gets them.
    std::chrono::milliseconds phone_interval{1000};
    // Milliseconds since the epoch; quiz points and opening times use it.
    std::function<std::int64_t()> now_ms;
    // How many answers and joins go into one write at most.
    std::size_t max_batch = 20000;
    // How many may wait for a write before new answers are refused as not stored (the
    // phone sends them again): a few seconds of the storage's pace at the busiest.
    std::size_t max_pending = 200000;
};

enum class AnswerStatus {
    accepted,
    filtered,          // stored but never shown (word filter)
    duplicate,         // this answer id was taken before
    invalid,           // does not fit the question
    closed,            // the question is not open
    already_final,     // quiz: the first answer counts
    too_late,          // quiz: after the time limit
    unknown_question,  // not a question of this session
    not_stored,        // the storage failed; send it again later
};
std::string_view to_slug(AnswerStatus status);
std::optional<AnswerStatus> answer_status_from_slug(std::string_view slug);
bool is_acknowledged(AnswerStatus status);

using AnswerDone = std::function<void(AnswerStatus)>;

struct Ticket {
    std::int64_t session_id = 0;
    std::int64_t participant_id = 0;
    std::string token;  // the phone's secret; only its digest is stored
};
using JoinDone = std::function<void(std::optional<Ticket>)>;

// What a phone shows now: for the plain page without JavaScript, and as the JSON of the
// "question" and "you" messages.
struct QuestionView {
    app::LiveQuestion question;
    int number = 0;  // 1-based position in the session
    int count = 0;
    std::optional<std::int64_t> remaining_ms;  // an open quiz
};

struct GroupView {
    std::int64_t id = 0;
    std::string slug;
    std::string name;
};

struct PhoneView {
    app::LiveSession session;
    std::vector<GroupView> groups;
    std::int64_t group_id = 0;
    std::string nickname;
    int score = 0;
    std::optional<QuestionView> question;
    std::optional<domain::live::AnswerValue> answer;  // theirs, for one-answer kinds
    std::optional<domain::live::Results> results;     // once shown; for Q&A always
    std::string results_svg;
};

struct PresenterView {
    app::LiveSession session;
    std::vector<GroupView> groups;
    std::vector<app::LiveQuestion> questions;
    int participants = 0;
    bool by_group = false;
    std::optional<QuestionView> question;
    int answers = 0;                               // to the current question
    std::optional<domain::live::Results> results;  // always, with pending entries
    std::string results_svg;
    std::vector<domain::live::LeaderboardRow> leaderboard;
};

enum class Control {
    start,          // the session takes answers; the first question is shown
    end,            // no more answers; results stay for the report
    show_question,  // makes `question_id` the current question (not yet open)
    open_question,  // opens the current question for answers
    close_question,
    show_results,  // on phones too
    hide_results,
    by_group,  // results split by stakeholder group on the screen
    all_together,
};

enum class ControlStatus { done, not_found, not_allowed, not_stored };
using ControlDone = std::function<void(ControlStatus)>;

struct Moderation {
    app::ModerationAction action = app::ModerationAction::hide_word;
    std::int64_t question_id = 0;
    std::string subject;  // a word, or an entry id
    std::string target;   // merge_words: the word it goes into
};

class Room;

// Keeps an outlet subscribed until destroyed.
class Subscription {
  public:
    explicit Subscription(std::function<void()> end,
                          std::function<void(std::int64_t)> identify = {})
        : end_(std::move(end)), identify_(std::move(identify)) {}
    ~Subscription() { end_(); }
    Subscription(const Subscription&) = delete;
    Subscription& operator=(const Subscription&) = delete;

    // A phone that joined while listening now gets its own messages too.
    void set_participant(std::int64_t participant_id) {
        if (identify_) identify_(participant_id);
    }

  private:
    std::function<void()> end_;
    std::function<void(std::int64_t)> identify_;
};

// Builds the message one listener of an event's seating gets (their own tables), when the
// world café's plan or rounds change.
using SeatingMessage = std::function<std::string()>;

class Engine {
  public:
    Engine(app::Store& store, EngineOptions options);
    ~Engine();
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    // A running session by its join code; loaded from storage on first use.
    std::optional<std::int64_t> running_session(const std::string& join_code);
    // A participant of a running session by their token.
    std::optional<std::int64_t> participant(std::int64_t session_id, std::string_view token);

    // Creates a participant and calls `done` once it is stored (nullopt if it could not be,
    // or the session is not running). `group_id` must be one of the session's groups or 0.
    void join(std::int64_t session_id, std::int64_t group_id, std::string nickname,
              std::optional<std::int64_t> registration_id, JoinDone done);
    // Sets a participant's group once; false when they have one already or it is unknown.
    bool set_group(std::int64_t session_id, std::int64_t participant_id, std::int64_t group_id);
    // A group of the session's Werkplaats by slug, or 0.
    std::int64_t group_by_slug(std::int64_t session_id, std::string_view slug);

    // Takes an answer; `done` is called once it is durably stored, or at once when refused.
    void answer(std::int64_t session_id, std::int64_t participant_id, AnswerMessage message,
                AnswerDone done);

    // Phones get the current question now and every change later; presenters get the
    // presenter snapshot. Nullptr when the session is not loaded.
    std::unique_ptr<Subscription> subscribe_phone(std::int64_t session_id,
                                                  std::int64_t participant_id,
                                                  std::shared_ptr<Outlet> outlet);
    std::unique_ptr<Subscription> subscribe_presenter(const app::EventScope& scope,
                                                      std::int64_t session_id,
                                                      std::shared_ptr<Outlet> outlet);
    // The messages a phone gets when it connects, for a channel to send first.
    std::vector<std::shared_ptr<const std::string>> phone_greeting(std::int64_t session_id,
                                                                   std::int64_t participant_id);
    // The phone's own state ("you"), e.g. right after it joined on a channel that has the
    // question already.
    std::shared_ptr<const std::string> you(std::int64_t session_id, std::int64_t participant_id);

    std::optional<PhoneView> phone_view(std::int64_t session_id, std::int64_t participant_id);
    std::optional<PresenterView> presenter_view(const app::EventScope& scope,
                                                std::int64_t session_id);
    // The presenter snapshot as JSON, as the presenter channel sends it.
    std::optional<std::string> presenter_json(const app::EventScope& scope,
                                              std::int64_t session_id);

    void control(const app::EventScope& scope, std::int64_t session_id, Control control,
                 std::optional<std::int64_t> question_id, ControlDone done);
    void moderate(const app::EventScope& scope, std::int64_t session_id, Moderation moderation,
                  ControlDone done);
    // A phone (a personal page, or a live session's phone linked to a registration) hears
    // where it sits whenever the event's world café changes, on the channel it already has.
    std::unique_ptr<Subscription> subscribe_seating(std::int64_t event_id,
                                                    std::shared_ptr<Outlet> outlet,
                                                    SeatingMessage message);
    void seating_changed(std::int64_t event_id);
    // The registration a participant joined with (from a personal link), if any.
    std::optional<std::int64_t> registration_of(std::int64_t session_id,
                                                std::int64_t participant_id);

    // Drops a loaded session so that the next use reads it again (after an organiser
    // changed its questions or word filter).
    void reload(std::int64_t session_id);

    // Every answer of the session as CSV rows (question, kind, participant, group, answer,
    // points, time), readable while the session runs.
    std::optional<std::string> results_csv(const app::EventScope& scope, std::int64_t session_id);

    // Runs a tick by hand (tests); the engine's own thread calls it every few milliseconds.
    void tick();

  private:
    struct PendingWrite;
    std::shared_ptr<Room> room(std::int64_t session_id);
    std::shared_ptr<Room> load_room(std::int64_t session_id);
    void queue(PendingWrite write);
    void flush_locked(std::unique_lock<std::mutex>& lock);
    void forget_rooms(const std::vector<std::int64_t>& session_ids);
    void run_ticker();
    // Tells every phone of the room the question as it is now, with the results if shown,
    // and when `personal` says so each phone's own answer and points.
    enum class Personal { send, skip };
    void broadcast_question(Room& room, Personal personal);

    app::Store& store_;
    EngineOptions options_;

    std::mutex rooms_mutex_;
    std::map<std::int64_t, std::shared_ptr<Room>> rooms_;
    std::map<std::string, std::int64_t> codes_;

    // Answers, joins and control changes wait here until the writer takes them all in one
    // transaction; one batch is in flight at a time, so batches grow with the load.
    std::mutex writes_mutex_;
    std::vector<PendingWrite> pending_;
    bool write_in_flight_ = false;
    std::atomic<std::size_t> pending_count_{0};
    std::condition_variable writes_done_;
    std::int64_t next_answer_id_ = 0;
    std::int64_t next_participant_id_ = 0;

    struct SeatingListener {
        std::shared_ptr<Outlet> outlet;
        SeatingMessage message;
    };
    std::mutex seating_mutex_;
    std::map<std::int64_t, std::map<Outlet*, SeatingListener>> seating_;

    std::mutex ticker_mutex_;
    std::condition_variable ticker_wake_;
    bool stopping_ = false;
    std::thread ticker_;
};

}  // namespace kc::live
