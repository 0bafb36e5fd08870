#include "live/engine.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <sstream>

#include "app/live.hpp"
#include "app/security.hpp"
#include "core/text.hpp"
#include "live/answers_csv.hpp"
#include "live/messages.hpp"
#include "live/room.hpp"

namespace kc::live {

namespace {

// How often the engine's thread looks at the rooms: often enough that a presenter screen
// with a 100 ms interval is never late by more than this.
constexpr std::chrono::milliseconds tick_interval{10};

// Answers and joins wait for the next tick to be written, so that a busy room commits a
// tick's worth at once: a commit per few answers cost the writer more in page writes and
// fsyncs than the answers themselves, and ten milliseconds more before an acknowledgement
// is nothing to a phone. More than this many waiting go at once, without waiting for a tick.
constexpr std::size_t eager_batch = 1000;

using Shared = std::shared_ptr<const std::string>;

Shared share(std::string text) { return std::make_shared<const std::string>(std::move(text)); }

AnswerStatus status_of(domain::live::AnswerCheck check) {
    switch (check) {
        case domain::live::AnswerCheck::accepted:
            return AnswerStatus::accepted;
        case domain::live::AnswerCheck::filtered:
            return AnswerStatus::filtered;
        case domain::live::AnswerCheck::invalid:
            return AnswerStatus::invalid;
        case domain::live::AnswerCheck::already_final:
            return AnswerStatus::already_final;
        case domain::live::AnswerCheck::too_late:
            return AnswerStatus::too_late;
    }
    return AnswerStatus::invalid;
}

// Who of a room's listeners a message is for.
enum class Audience { phones, presenters };

std::vector<std::shared_ptr<Outlet>> outlets_of(const Room& room, Audience audience) {
    const auto& listeners = audience == Audience::phones ? room.listeners : room.presenters;
    std::vector<std::shared_ptr<Outlet>> outlets;
    outlets.reserve(listeners.size());
    for (const auto& [key, listener] : listeners) outlets.push_back(listener.outlet);
    return outlets;
}

void send_all(const std::vector<std::shared_ptr<Outlet>>& outlets, const Shared& message,
              std::string_view slot) {
    for (const auto& outlet : outlets) outlet->send(message, slot);
}

}  // namespace

std::string_view to_slug(AnswerStatus status) {
    switch (status) {
        case AnswerStatus::accepted:
            return "accepted";
        case AnswerStatus::filtered:
            return "filtered";
        case AnswerStatus::duplicate:
            return "duplicate";
        case AnswerStatus::invalid:
            return "invalid";
        case AnswerStatus::closed:
            return "closed";
        case AnswerStatus::already_final:
            return "already_final";
        case AnswerStatus::too_late:
            return "too_late";
        case AnswerStatus::unknown_question:
            return "unknown_question";
        case AnswerStatus::not_stored:
            return "not_stored";
    }
    return "invalid";
}

std::optional<AnswerStatus> answer_status_from_slug(std::string_view slug) {
    for (int value = 0; value <= static_cast<int>(AnswerStatus::not_stored); ++value) {
        const auto status = static_cast<AnswerStatus>(value);
        if (to_slug(status) == slug) return status;
    }
    return std::nullopt;
}

bool is_acknowledged(AnswerStatus status) {
    return status == AnswerStatus::accepted || status == AnswerStatus::filtered ||
           status == AnswerStatus::duplicate;
}

namespace {

std::unique_ptr<Subscription> room_subscription(const std::shared_ptr<Room>& room,
                                                const std::shared_ptr<Outlet>& outlet) {
    return std::make_unique<Subscription>(
        [room, key = outlet.get()] {
            std::lock_guard lock(room->mutex);
            room->listeners.erase(key);
            room->presenters.erase(key);
        },
        [room, key = outlet.get()](std::int64_t participant_id) {
            std::lock_guard lock(room->mutex);
            const auto found = room->listeners.find(key);
            if (found != room->listeners.end()) found->second.participant_id = participant_id;
        });
}

}  // namespace

struct Engine::PendingWrite {
    std::int64_t session_id = 0;
    std::optional<app::LiveAnswer> answer;
    std::optional<app::LiveParticipant> participant;
    std::function<void(app::Transaction&)> change;
    std::function<void(bool stored)> done;
    // An answer's own callback and status, kept as they are instead of wrapped in `done`:
    // one closure fewer per answer to allocate here and free on the writer's thread.
    AnswerDone answered;
    AnswerStatus status = AnswerStatus::accepted;

    void finish(bool stored) {
        if (answered) answered(stored ? status : AnswerStatus::not_stored);
        if (done) done(stored);
    }
};

Engine::Engine(app::Store& store, EngineOptions options)
    : store_(store), options_(std::move(options)) {
    auto& queries = store_.read();
    next_answer_id_ = queries.max_live_answer_id() + 1;
    next_participant_id_ = queries.max_live_participant_id() + 1;
    ticker_ = std::thread([this] { run_ticker(); });
}

Engine::~Engine() {
    {
        std::lock_guard lock(ticker_mutex_);
        stopping_ = true;
    }
    ticker_wake_.notify_all();
    ticker_.join();
    // Writes still queued or in flight call back into this engine; wait for them, and write
    // what was waiting for a tick that no longer comes.
    std::unique_lock lock(writes_mutex_);
    while (write_in_flight_ || !pending_.empty()) {
        if (write_in_flight_) {
            writes_done_.wait(lock);
        } else {
            flush_locked(lock);  // unlocks: there is something to write
            lock.lock();
        }
    }
}

std::shared_ptr<Room> Engine::room(std::int64_t session_id) {
    {
        std::lock_guard lock(rooms_mutex_);
        if (const auto found = rooms_.find(session_id); found != rooms_.end()) return found->second;
    }
    return load_room(session_id);
}

std::shared_ptr<Room> Engine::load_room(std::int64_t session_id) {
    auto loaded = std::make_shared<Room>();
    if (!loaded->load(store_.read(), session_id)) return nullptr;
    std::lock_guard lock(rooms_mutex_);
    // Another thread may have loaded it meanwhile; the first one stays.
    const auto [position, inserted] = rooms_.emplace(session_id, loaded);
    if (inserted && loaded->session.state == app::LiveSessionState::running) {
        codes_[loaded->session.join_code] = session_id;
    }
    return position->second;
}

void Engine::reload(std::int64_t session_id) {
    std::shared_ptr<Room> loaded;
    {
        std::lock_guard lock(rooms_mutex_);
        const auto found = rooms_.find(session_id);
        if (found == rooms_.end()) return;
        loaded = found->second;
    }
    std::string old_code;
    app::LiveSessionState state;
    std::string code;
    bool exists = false;
    {
        std::lock_guard lock(loaded->mutex);
        old_code = loaded->session.join_code;
        exists = loaded->load(store_.read(), session_id);
        state = loaded->session.state;
        code = loaded->session.join_code;
    }
    {
        std::lock_guard lock(rooms_mutex_);
        codes_.erase(old_code);
        // A deleted session leaves nothing behind to answer to.
        if (!exists) {
            rooms_.erase(session_id);
            return;
        }
        if (state == app::LiveSessionState::running) codes_[code] = session_id;
    }
    std::string question;
    std::vector<std::shared_ptr<Outlet>> phones;
    {
        std::lock_guard lock(loaded->mutex);
        question = question_message(*loaded, options_.now_ms());
        phones = outlets_of(*loaded, Audience::phones);
    }
    send_all(phones, share(std::move(question)), "question");
}

std::optional<std::int64_t> Engine::running_session(const std::string& join_code) {
    {
        std::lock_guard lock(rooms_mutex_);
        if (const auto found = codes_.find(join_code); found != codes_.end()) return found->second;
    }
    const auto stored = store_.read().live_session_by_code(join_code);
    if (!stored || stored->state != app::LiveSessionState::running) return std::nullopt;
    const auto loaded = room(stored->id);
    if (!loaded) return std::nullopt;
    std::lock_guard lock(loaded->mutex);
    if (loaded->session.state != app::LiveSessionState::running) return std::nullopt;
    return stored->id;
}

std::optional<std::int64_t> Engine::participant(std::int64_t session_id, std::string_view token) {
    const auto loaded = room(session_id);
    if (!loaded || token.empty()) return std::nullopt;
    const std::string digest = app::security::token_digest(token);
    std::lock_guard lock(loaded->mutex);
    const auto found = loaded->participants_by_token_hash.find(digest);
    if (found == loaded->participants_by_token_hash.end()) return std::nullopt;
    return found->second;
}

std::int64_t Engine::group_by_slug(std::int64_t session_id, std::string_view slug) {
    const auto loaded = room(session_id);
    if (!loaded) return 0;
    std::lock_guard lock(loaded->mutex);
    return loaded->group_by_slug(slug);
}

void Engine::join(std::int64_t session_id, std::int64_t group_id, std::string nickname,
                  std::optional<std::int64_t> registration_id, JoinDone done) {
    const auto loaded = room(session_id);
    nickname = text::trim(nickname);
    if (!text::is_clean_utf8(nickname, false) ||
        text::code_point_count(nickname) > app::LiveLimits::nickname) {
        nickname.clear();
    }
    Ticket ticket{session_id, 0, app::security::random_token()};
    app::LiveParticipant participant;
    {
        if (!loaded) return done(std::nullopt);
        std::lock_guard lock(loaded->mutex);
        if (loaded->session.state != app::LiveSessionState::running) return done(std::nullopt);
        if (!loaded->has_group(group_id)) group_id = 0;
        {
            std::lock_guard writes(writes_mutex_);
            ticket.participant_id = next_participant_id_++;
        }
        participant.id = ticket.participant_id;
        participant.session_id = session_id;
        participant.token_hash = app::security::token_digest(ticket.token);
        participant.group_id = group_id;
        participant.registration_id = registration_id;
        participant.nickname = nickname;
        participant.joined_at = options_.now_ms() / 1000;
        loaded->participants[participant.id] = {group_id, nickname, registration_id};
        loaded->participants_by_token_hash[participant.token_hash] = participant.id;
        loaded->presenter_changed = true;
    }
    PendingWrite write;
    write.session_id = session_id;
    write.participant = std::move(participant);
    write.done = [ticket = std::move(ticket), done = std::move(done)](bool stored) {
        done(stored ? std::optional(ticket) : std::nullopt);
    };
    queue(std::move(write));
}

bool Engine::set_group(std::int64_t session_id, std::int64_t participant_id,
                       std::int64_t group_id) {
    const auto loaded = room(session_id);
    if (!loaded) return false;
    app::LiveParticipant changed;
    {
        std::lock_guard lock(loaded->mutex);
        const auto found = loaded->participants.find(participant_id);
        if (found == loaded->participants.end() || found->second.group_id != 0 ||
            !loaded->has_group(group_id)) {
            return false;
        }
        found->second.group_id = group_id;
        changed.id = participant_id;
        changed.group_id = group_id;
        changed.nickname = found->second.nickname;
    }
    PendingWrite write;
    write.session_id = session_id;
    write.change = [changed](app::Transaction& tx) { tx.update_live_participant(changed); };
    queue(std::move(write));
    return true;
}

void Engine::answer(std::int64_t session_id, std::int64_t participant_id, AnswerMessage message,
                    AnswerDone done) {
    const auto loaded = room(session_id);
    if (!loaded) return done(AnswerStatus::unknown_question);
    // More waiting than the storage can write in a few seconds: the phone keeps the answer
    // and sends it again, rather than the queue growing without bound.
    if (pending_count_.load(std::memory_order_relaxed) >= options_.max_pending) {
        return done(AnswerStatus::not_stored);
    }
    const std::int64_t now = options_.now_ms();
    PendingWrite write;
    write.session_id = session_id;
    AnswerStatus status = AnswerStatus::accepted;
    std::string key = Room::answer_key(participant_id, message.client_id);
    {
        std::lock_guard lock(loaded->mutex);
        auto& room = *loaded;
        const auto participant = room.participants.find(participant_id);
        auto* question = room.find_question(message.question_id);
        if (participant == room.participants.end() || !question) {
            status = AnswerStatus::unknown_question;
        } else if (room.answer_keys.contains(key)) {
            // Acknowledged only after the batch behind the original one, so never before the
            // original is durable.
            status = AnswerStatus::duplicate;
        } else if (room.session.state != app::LiveSessionState::running ||
                   question->record.state != app::LiveQuestionState::open) {
            status = AnswerStatus::closed;
        } else {
            std::int64_t answer_id = 0;
            {
                std::lock_guard writes(writes_mutex_);
                answer_id = next_answer_id_++;
            }
            const std::int64_t elapsed = now - question->record.opened_at_ms.value_or(now);
            const std::int64_t group_id = participant->second.group_id;
            status = status_of(room.record(*question, participant_id, group_id, message.value,
                                           answer_id, elapsed));
            if (is_acknowledged(status)) {
                room.answer_keys.insert(std::move(key));
                app::LiveAnswer answer;
                answer.id = answer_id;
                answer.question_id = question->record.id;
                answer.participant_id = participant_id;
                answer.group_id = group_id;
                answer.client_id = std::move(message.client_id);
                answer.value = std::move(message.value);
                answer.elapsed_ms = elapsed;
                answer.received_at = now / 1000;
                write.answer = std::move(answer);
            }
        }
    }
    if (!is_acknowledged(status)) return done(status);
    write.answered = std::move(done);
    write.status = status;
    queue(std::move(write));
}

void Engine::queue(PendingWrite write) {
    std::unique_lock lock(writes_mutex_);
    pending_.push_back(std::move(write));
    pending_count_.store(pending_.size(), std::memory_order_relaxed);
    if (!write_in_flight_ && pending_.size() >= eager_batch) flush_locked(lock);
}

void Engine::flush_locked(std::unique_lock<std::mutex>& lock) {
    if (pending_.empty()) {
        writes_done_.notify_all();
        return;
    }
    write_in_flight_ = true;
    auto batch = std::make_shared<std::vector<PendingWrite>>();
    if (pending_.size() <= options_.max_batch) {
        batch->swap(pending_);
        // The next batch will be about as large: room for it at once, rather than the vector
        // growing (moving every waiting write, and allocating anew) a dozen times per batch.
        pending_.reserve(batch->size());
    } else {
        const auto end = pending_.begin() + static_cast<std::ptrdiff_t>(options_.max_batch);
        batch->assign(std::make_move_iterator(pending_.begin()), std::make_move_iterator(end));
        pending_.erase(pending_.begin(), end);
    }
    pending_count_.store(pending_.size(), std::memory_order_relaxed);
    lock.unlock();
    store_.write(
        [batch](app::Transaction& tx) {
            std::vector<app::LiveParticipant> participants;
            std::vector<app::LiveAnswer> answers;
            answers.reserve(batch->size());
            // Moved, not copied: only the completion below still reads the batch, and it
            // needs neither.
            for (auto& write : *batch) {
                if (write.participant) participants.push_back(std::move(*write.participant));
                if (write.answer) answers.push_back(std::move(*write.answer));
            }
            // Participants first: answers and changes refer to them.
            if (!participants.empty()) tx.insert_live_participants(participants);
            for (const auto& write : *batch) {
                if (write.change) write.change(tx);
            }
            if (!answers.empty()) tx.insert_live_answers(answers);
        },
        [this, batch](std::exception_ptr failure) {
            if (failure) {
                try {
                    std::rethrow_exception(failure);
                } catch (const std::exception& error) {
                    spdlog::error("Live answers could not be stored: {}", error.what());
                }
            }
            for (auto& write : *batch) write.finish(!failure);
            // The rooms counted what could not be stored; they read the truth again.
            if (failure) {
                std::vector<std::int64_t> sessions;
                for (const auto& write : *batch) sessions.push_back(write.session_id);
                std::sort(sessions.begin(), sessions.end());
                sessions.erase(std::unique(sessions.begin(), sessions.end()), sessions.end());
                for (const auto session_id : sessions) reload(session_id);
            }
            std::unique_lock next(writes_mutex_);
            write_in_flight_ = false;
            writes_done_.notify_all();
            if (pending_.size() >= eager_batch) flush_locked(next);
        });
}

std::unique_ptr<Subscription> Engine::subscribe_phone(std::int64_t session_id,
                                                      std::int64_t participant_id,
                                                      std::shared_ptr<Outlet> outlet) {
    const auto loaded = room(session_id);
    if (!loaded) return nullptr;
    {
        std::lock_guard lock(loaded->mutex);
        // A phone that has not joined yet listens as participant -1 until it joins.
        loaded->listeners[outlet.get()] = {outlet, participant_id == 0 ? -1 : participant_id};
    }
    return room_subscription(loaded, outlet);
}

std::vector<std::shared_ptr<const std::string>> Engine::phone_greeting(
    std::int64_t session_id, std::int64_t participant_id) {
    const auto loaded = room(session_id);
    if (!loaded) return {};
    std::lock_guard lock(loaded->mutex);
    std::vector<Shared> messages;
    if (participant_id == 0) {
        messages.push_back(share(hello_message(*loaded)));
    } else {
        messages.push_back(share(you_message(*loaded, participant_id)));
    }
    messages.push_back(share(question_message(*loaded, options_.now_ms())));
    if (const auto* question = loaded->current_question();
        question && question->record.results_shown) {
        messages.push_back(share(results_message(*loaded)));
    }
    return messages;
}

std::shared_ptr<const std::string> Engine::you(std::int64_t session_id,
                                               std::int64_t participant_id) {
    const auto loaded = room(session_id);
    if (!loaded) return nullptr;
    std::lock_guard lock(loaded->mutex);
    return share(you_message(*loaded, participant_id));
}

std::unique_ptr<Subscription> Engine::subscribe_presenter(const app::EventScope& scope,
                                                          std::int64_t session_id,
                                                          std::shared_ptr<Outlet> outlet) {
    const auto loaded = room(session_id);
    if (!loaded) return nullptr;
    std::string snapshot;
    {
        std::lock_guard lock(loaded->mutex);
        if (loaded->session.event_id != scope.event_id) return nullptr;
        loaded->presenters[outlet.get()] = {outlet, 0};
        snapshot = presenter_message(*loaded, options_.now_ms());
    }
    outlet->send(share(std::move(snapshot)), "presenter");
    return room_subscription(loaded, outlet);
}

std::optional<PhoneView> Engine::phone_view(std::int64_t session_id, std::int64_t participant_id) {
    const auto loaded = room(session_id);
    if (!loaded) return std::nullopt;
    std::lock_guard lock(loaded->mutex);
    const auto& room = *loaded;
    PhoneView view;
    view.session = room.session;
    view.groups = room.groups;
    if (const auto participant = room.participants.find(participant_id);
        participant != room.participants.end()) {
        view.group_id = participant->second.group_id;
        view.nickname = participant->second.nickname;
    }
    view.score = room.score_of(participant_id);
    view.question = current_question_view(room, options_.now_ms());
    if (const auto* question = room.current_question()) {
        view.answer = question->tally.answer_of(participant_id);
        // Q&A lists the room's questions on every phone, so that people can vote on them.
        const bool is_qa = question->record.settings.kind == domain::live::QuestionKind::qa;
        if (question->record.results_shown || is_qa) {
            auto options = room.result_options(false);
            options.by_group = false;
            options.reveal_correct = question->record.state == app::LiveQuestionState::closed;
            view.results = question->tally.results(options);
            view.results_svg = results_svg(room, *question, *view.results);
        }
    }
    return view;
}

std::optional<PresenterView> Engine::presenter_view(const app::EventScope& scope,
                                                    std::int64_t session_id) {
    const auto loaded = room(session_id);
    if (!loaded) return std::nullopt;
    std::lock_guard lock(loaded->mutex);
    const auto& room = *loaded;
    if (room.session.event_id != scope.event_id) return std::nullopt;
    PresenterView view;
    view.session = room.session;
    view.groups = room.groups;
    for (const auto& question : room.questions) view.questions.push_back(question.record);
    view.participants = static_cast<int>(room.participants.size());
    view.by_group = room.by_group;
    view.question = current_question_view(room, options_.now_ms());
    if (const auto* question = room.current_question()) {
        view.answers = question->answers;
        auto options = room.result_options(true);
        options.reveal_correct = question->record.state == app::LiveQuestionState::closed;
        view.results = question->tally.results(options);
        view.results_svg = results_svg(room, *question, *view.results);
        if (question->record.settings.kind == domain::live::QuestionKind::quiz) {
            view.leaderboard = room.leaderboard();
        }
    }
    return view;
}

std::optional<std::string> Engine::presenter_json(const app::EventScope& scope,
                                                  std::int64_t session_id) {
    const auto loaded = room(session_id);
    if (!loaded) return std::nullopt;
    std::lock_guard lock(loaded->mutex);
    if (loaded->session.event_id != scope.event_id) return std::nullopt;
    return presenter_message(*loaded, options_.now_ms());
}

void Engine::control(const app::EventScope& scope, std::int64_t session_id, Control control,
                     std::optional<std::int64_t> question_id, ControlDone done) {
    const auto loaded = room(session_id);
    if (!loaded) return done(ControlStatus::not_found);
    const std::int64_t now = options_.now_ms();
    std::vector<app::LiveQuestion> changed_questions;
    bool session_changed = false;
    bool phones_see_change = false;
    Personal personal = Personal::skip;
    std::string old_code;
    {
        std::lock_guard lock(loaded->mutex);
        auto& room = *loaded;
        if (room.session.event_id != scope.event_id) return done(ControlStatus::not_found);
        auto& session = room.session;
        const bool running = session.state == app::LiveSessionState::running;
        auto close = [&](Room::Question& question) {
            if (question.record.state != app::LiveQuestionState::open) return;
            question.record.state = app::LiveQuestionState::closed;
            changed_questions.push_back(question.record);
        };
        auto* current = room.current_question();
        switch (control) {
            case Control::start:
                if (running) break;
                session.state = app::LiveSessionState::running;
                if (!session.current_question_id && !room.questions.empty()) {
                    session.current_question_id = room.questions.front().record.id;
                }
                session_changed = true;
                break;
            case Control::end:
                if (session.state == app::LiveSessionState::ended) break;
                for (auto& question : room.questions) close(question);
                session.state = app::LiveSessionState::ended;
                session_changed = true;
                break;
            case Control::show_question: {
                auto* shown = question_id ? room.find_question(*question_id) : nullptr;
                if (!shown) return done(ControlStatus::not_found);
                if (current && current != shown) close(*current);
                session.current_question_id = shown->record.id;
                session_changed = true;
                break;
            }
            case Control::open_question:
                if (!running || !current) return done(ControlStatus::not_allowed);
                // A quiz counts time from its opening, so it opens once.
                if (current->record.settings.kind == domain::live::QuestionKind::quiz &&
                    current->record.state == app::LiveQuestionState::closed) {
                    return done(ControlStatus::not_allowed);
                }
                if (current->record.state == app::LiveQuestionState::open) break;
                current->record.state = app::LiveQuestionState::open;
                if (!current->record.opened_at_ms) current->record.opened_at_ms = now;
                changed_questions.push_back(current->record);
                break;
            case Control::close_question:
                if (!current) return done(ControlStatus::not_allowed);
                close(*current);
                break;
            case Control::show_results:
            case Control::hide_results:
                if (!current) return done(ControlStatus::not_allowed);
                current->record.results_shown = control == Control::show_results;
                changed_questions.push_back(current->record);
                room.phone_results_changed = true;
                room.phone_results_sent_at = 0;
                break;
            case Control::by_group:
            case Control::all_together:
                room.by_group = control == Control::by_group;
                break;
        }
        phones_see_change = session_changed || !changed_questions.empty();
        personal = session_changed || control == Control::close_question ||
                           control == Control::open_question
                       ? Personal::send
                       : Personal::skip;
        room.presenter_changed = true;
        room.presenter_sent_at = 0;
        old_code = session.join_code;
    }
    {
        std::lock_guard lock(rooms_mutex_);
        std::lock_guard room_lock(loaded->mutex);
        if (loaded->session.state == app::LiveSessionState::running) {
            codes_[loaded->session.join_code] = session_id;
        } else {
            codes_.erase(old_code);
        }
    }
    if (phones_see_change) broadcast_question(*loaded, personal);
    app::LiveSession session_record;
    {
        std::lock_guard lock(loaded->mutex);
        session_record = loaded->session;
    }
    // Straight to the store, not behind the answers waiting in this engine's queue: a
    // presenter's click must not wait for a backlog of a full room. Replaying does not depend
    // on the order of the two, because a question's state never decides what an answer was.
    store_.write(
        [session_record, changed_questions, session_changed, now](app::Transaction& tx) {
            if (session_changed) tx.update_live_session(session_record, now / 1000);
            for (const auto& question : changed_questions) tx.update_live_question(question);
        },
        [this, session_id, done = std::move(done)](std::exception_ptr failure) {
            if (failure) reload(session_id);
            done(failure ? ControlStatus::not_stored : ControlStatus::done);
        });
}

void Engine::broadcast_question(Room& room, Personal personal_too) {
    std::vector<std::shared_ptr<Outlet>> phones;
    std::vector<std::pair<std::shared_ptr<Outlet>, Shared>> personal;
    Shared question;
    Shared results;
    {
        std::lock_guard lock(room.mutex);
        question = share(question_message(room, options_.now_ms()));
        phones = outlets_of(room, Audience::phones);
        const auto* current = room.current_question();
        if (current) results = share(results_message(room));
        // After another question came up, or a quiz question closed, every phone hears its
        // own answer and points; showing or hiding results changes nothing of that.
        if (current && personal_too == Personal::send) {
            for (const auto& [key, listener] : room.listeners) {
                if (listener.participant_id <= 0) continue;
                personal.emplace_back(listener.outlet,
                                      share(you_message(room, listener.participant_id)));
            }
        }
    }
    send_all(phones, question, "question");
    if (results) send_all(phones, results, "results");
    for (const auto& [outlet, message] : personal) outlet->send(message, "you");
}

void Engine::moderate(const app::EventScope& scope, std::int64_t session_id, Moderation moderation,
                      ControlDone done) {
    const auto loaded = room(session_id);
    if (!loaded) return done(ControlStatus::not_found);
    app::LiveModeration record{moderation.question_id, moderation.action,
                               std::move(moderation.subject), std::move(moderation.target),
                               options_.now_ms() / 1000};
    {
        std::lock_guard lock(loaded->mutex);
        if (loaded->session.event_id != scope.event_id ||
            !loaded->find_question(record.question_id)) {
            return done(ControlStatus::not_found);
        }
        loaded->apply(record);
        loaded->presenter_changed = true;
        loaded->presenter_sent_at = 0;
        loaded->phone_results_changed = true;
    }
    store_.write([record](app::Transaction& tx) { tx.insert_live_moderation(record); },
                 [this, session_id, done = std::move(done)](std::exception_ptr failure) {
                     if (failure) reload(session_id);
                     done(failure ? ControlStatus::not_stored : ControlStatus::done);
                 });
}

std::optional<std::string> Engine::results_csv(const app::EventScope& scope,
                                               std::int64_t session_id) {
    auto& queries = store_.read();
    const auto session = app::live_session_in_scope(queries, scope, session_id);
    if (!session) return std::nullopt;
    return csv_of_answers(queries, *session);
}

std::unique_ptr<Subscription> Engine::subscribe_seating(std::int64_t event_id,
                                                        std::shared_ptr<Outlet> outlet,
                                                        SeatingMessage message) {
    Outlet* key = outlet.get();
    if (auto first = message(); !first.empty()) outlet->send(share(std::move(first)), "seat");
    {
        std::lock_guard lock(seating_mutex_);
        seating_[event_id][key] = {std::move(outlet), std::move(message)};
    }
    return std::make_unique<Subscription>([this, event_id, key] {
        std::lock_guard lock(seating_mutex_);
        const auto event = seating_.find(event_id);
        if (event == seating_.end()) return;
        event->second.erase(key);
        if (event->second.empty()) seating_.erase(event);
    });
}

void Engine::seating_changed(std::int64_t event_id) {
    std::vector<SeatingListener> listeners;
    {
        std::lock_guard lock(seating_mutex_);
        const auto event = seating_.find(event_id);
        if (event == seating_.end()) return;
        for (const auto& [key, listener] : event->second) listeners.push_back(listener);
    }
    // Each phone's tables are its own, so each message is built for it.
    for (const auto& listener : listeners) {
        if (auto message = listener.message(); !message.empty()) {
            listener.outlet->send(share(std::move(message)), "seat");
        }
    }
}

std::optional<std::int64_t> Engine::registration_of(std::int64_t session_id,
                                                    std::int64_t participant_id) {
    const auto loaded = room(session_id);
    if (!loaded) return std::nullopt;
    std::lock_guard lock(loaded->mutex);
    const auto found = loaded->participants.find(participant_id);
    if (found == loaded->participants.end()) return std::nullopt;
    return found->second.registration_id;
}

void Engine::tick() {
    {
        std::unique_lock lock(writes_mutex_);
        if (!write_in_flight_ && !pending_.empty()) flush_locked(lock);
    }
    const std::int64_t now = options_.now_ms();
    std::vector<std::shared_ptr<Room>> rooms;
    {
        std::lock_guard lock(rooms_mutex_);
        for (const auto& [id, room] : rooms_) rooms.push_back(room);
    }
    for (const auto& room : rooms) {
        std::optional<std::int64_t> expired_quiz;
        Shared presenter;
        Shared phone_results;
        std::vector<std::shared_ptr<Outlet>> presenters;
        std::vector<std::shared_ptr<Outlet>> phones;
        {
            std::lock_guard lock(room->mutex);
            const auto* current = room->current_question();
            if (current && current->record.settings.kind == domain::live::QuestionKind::quiz &&
                current->record.state == app::LiveQuestionState::open &&
                current->record.opened_at_ms &&
                now >= *current->record.opened_at_ms +
                           current->record.settings.time_limit_seconds * std::int64_t{1000}) {
                expired_quiz = current->record.id;
            }
            if (room->presenter_changed &&
                now - room->presenter_sent_at >= options_.presenter_interval.count()) {
                presenters = outlets_of(*room, Audience::presenters);
                if (!presenters.empty()) presenter = share(presenter_message(*room, now));
                room->presenter_changed = false;
                room->presenter_sent_at = now;
            }
            if (room->phone_results_changed && current && current->record.results_shown &&
                now - room->phone_results_sent_at >= options_.phone_interval.count()) {
                phones = outlets_of(*room, Audience::phones);
                if (!phones.empty()) phone_results = share(results_message(*room));
                room->phone_results_changed = false;
                room->phone_results_sent_at = now;
            }
        }
        if (presenter) send_all(presenters, presenter, "presenter");
        if (phone_results) send_all(phones, phone_results, "results");
        if (expired_quiz) {
            std::int64_t event_id = 0;
            {
                std::lock_guard lock(room->mutex);
                event_id = room->session.event_id;
            }
            control({room->werkplaats_id, event_id}, room->session.id, Control::close_question,
                    expired_quiz, [](ControlStatus) {});
        }
    }
}

void Engine::run_ticker() {
    std::unique_lock lock(ticker_mutex_);
    while (!stopping_) {
        ticker_wake_.wait_for(lock, tick_interval, [this] { return stopping_; });
        if (stopping_) break;
        lock.unlock();
        try {
            tick();
        } catch (const std::exception& failure) {
            spdlog::error("The live engine's tick failed: {}", failure.what());
        }
        lock.lock();
    }
}

}  // namespace kc::live
