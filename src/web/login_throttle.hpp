#pragma once

#include <map>
#include <mutex>
#include <string>

#include "core/time.hpp"

namespace kc::web {

// Slows down password guessing: after `max_failures` failed logins for one account
// or from one address within `window_seconds`, further attempts are refused until
// the window has passed. Kept in memory: a restart forgets, which only helps a
// guesser once, and needs no write per failed attempt.
class LoginThrottle {
  public:
    static constexpr int max_failures = 5;
    static constexpr time::Timestamp window_seconds = 15 * 60;

    bool is_blocked(const std::string& email, const std::string& address, time::Timestamp now);
    void record_failure(const std::string& email, const std::string& address, time::Timestamp now);
    void record_success(const std::string& email);

  private:
    struct Failures {
        int count = 0;
        time::Timestamp first_at = 0;
    };

    bool blocked(const std::string& key, time::Timestamp now);
    void count(const std::string& key, time::Timestamp now);

    std::mutex mutex_;
    std::map<std::string, Failures> failures_;
};

}  // namespace kc::web
