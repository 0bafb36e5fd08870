#pragma once

#include <boost/unordered/unordered_flat_set.hpp>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/live_records.hpp"
#include "app/store.hpp"
#include "live/engine.hpp"

namespace kc::live {

// One session in memory: its questions with their tallies, its participants and who is
// listening. Everything in it is guarded by `mutex`; the engine never holds two rooms'
// mutexes at once.
class Room {
  public:
    struct Question {
        app::LiveQuestion record;
        domain::live::Tally tally;
        int answers = 0;  // accepted answers, also changed ones
    };
    struct Participant {
        std::int64_t group_id = 0;
        std::string nickname;
        std::optional<std::int64_t> registration_id;
    };
    struct Listener {
        std::shared_ptr<Outlet> outlet;
        std::int64_t participant_id = 0;
    };

    // Reads the session, replays its answers and moderation, and keeps the listeners.
    // False when the session no longer exists.
    bool load(app::Queries& queries, std::int64_t session_id);

    Question* find_question(std::int64_t question_id);
    const Question* find_question(std::int64_t question_id) const;
    Question* current_question();
    const Question* current_question() const;
    int position_of(std::int64_t question_id) const;
    std::int64_t group_by_slug(std::string_view slug) const;
    bool has_group(std::int64_t group_id) const;
    // Records an answer in the question's tally and keeps the counts, quiz points and change
    // flags that go with it.
    domain::live::AnswerCheck record(Question& question, std::int64_t participant_id,
                                     std::int64_t group_id, const domain::live::AnswerValue& value,
                                     std::int64_t entry_id, std::int64_t elapsed_ms);
    // Quiz points over the whole session.
    int score_of(std::int64_t participant_id) const;
    domain::live::ResultOptions result_options(bool for_presenter) const;
    std::vector<std::string> group_names() const;
    std::vector<domain::live::LeaderboardRow> leaderboard() const;
    void apply(const app::LiveModeration& moderation);
    static std::string answer_key(std::int64_t participant_id, std::string_view client_id);

    std::mutex mutex;
    app::LiveSession session;
    std::int64_t werkplaats_id = 0;
    std::vector<GroupView> groups;
    domain::SmallNumberPolicy small_numbers;
    domain::live::WordFilter filter;
    std::vector<Question> questions;
    std::unordered_map<std::int64_t, Participant> participants;
    std::unordered_map<std::string, std::int64_t> participants_by_token_hash;
    // "participant:client id" of every answer taken, so that a resent answer is harmless.
    // Open addressing keeps a key in the table's own array: at hundreds of thousands of
    // answers a lookup is one or two cache misses instead of a bucket, a node and a chain.
    boost::unordered_flat_set<std::string> answer_keys;
    // Quiz points per participant over the session, kept as answers come in.
    std::unordered_map<std::int64_t, int> quiz_points;
    bool by_group = false;

    // Phones (participant -1 until they join) and presenter screens, apart so that a
    // presenter snapshot does not walk ten thousand phones to find its few screens.
    std::unordered_map<Outlet*, Listener> listeners;
    std::unordered_map<Outlet*, Listener> presenters;
    // Set when something a screen shows changed since it was last sent.
    bool presenter_changed = true;
    bool phone_results_changed = true;
    std::int64_t presenter_sent_at = 0;
    std::int64_t phone_results_sent_at = 0;
};

}  // namespace kc::live
