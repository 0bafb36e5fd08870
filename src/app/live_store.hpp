#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/live_records.hpp"

namespace kc::app {

// The live-session reads; `Queries` extends this (src/storage/sqlite/sqlite_live.cpp).
class LiveQueries {
  public:
    virtual ~LiveQueries() = default;

    virtual std::optional<LiveSession> live_session(std::int64_t id) = 0;
    // A session that is not ended, by its join code.
    virtual std::optional<LiveSession> live_session_by_code(const std::string& join_code) = 0;
    // The sessions of an event, oldest first.
    virtual std::vector<LiveSession> live_sessions(std::int64_t event_id) = 0;
    // Questions of a session in their order.
    virtual std::vector<LiveQuestion> live_questions(std::int64_t session_id) = 0;
    virtual std::vector<LiveParticipant> live_participants(std::int64_t session_id) = 0;
    // Every answer of a session in the order the engine took them.
    virtual std::vector<LiveAnswer> live_answers(std::int64_t session_id) = 0;
    virtual std::vector<LiveModeration> live_moderation(std::int64_t session_id) = 0;
    // The highest answer and participant ids ever given, so that the engine continues after
    // them: it numbers both itself, to batch them into one write without a round trip.
    virtual std::int64_t max_live_answer_id() = 0;
    virtual std::int64_t max_live_participant_id() = 0;
};

// The live-session writes; `Transaction` extends this.
class LiveWrites {
  public:
    virtual ~LiveWrites() = default;

    // Fills in the id.
    virtual void insert_live_session(LiveSession& session, time::Timestamp now) = 0;
    virtual void update_live_session(const LiveSession& session, time::Timestamp now) = 0;
    virtual void delete_live_session(std::int64_t id) = 0;
    // Fills in the id.
    virtual void insert_live_question(LiveQuestion& question) = 0;
    // Settings, position, state, opening time and whether results are shown.
    virtual void update_live_question(const LiveQuestion& question) = 0;
    virtual void delete_live_question(std::int64_t id) = 0;
    // With the id the engine gave the participant.
    virtual void insert_live_participants(const std::vector<LiveParticipant>& participants) = 0;
    virtual void update_live_participant(const LiveParticipant& participant) = 0;
    // With the id the engine gave the answer.
    virtual void insert_live_answers(const std::vector<LiveAnswer>& answers) = 0;
    virtual void insert_live_moderation(const LiveModeration& moderation) = 0;
};

}  // namespace kc::app
