#include "web/login_throttle.hpp"

#include "core/text.hpp"

namespace kc::web {

bool LoginThrottle::blocked(const std::string& key, time::Timestamp now) {
    const auto found = failures_.find(key);
    if (found == failures_.end()) return false;
    if (now - found->second.first_at >= window_seconds) {
        failures_.erase(found);
        return false;
    }
    return found->second.count >= max_failures;
}

void LoginThrottle::count(const std::string& key, time::Timestamp now) {
    auto& entry = failures_[key];
    if (entry.count == 0 || now - entry.first_at >= window_seconds) entry = {0, now};
    ++entry.count;
}

bool LoginThrottle::is_blocked(const std::string& email, const std::string& address,
                               time::Timestamp now) {
    std::lock_guard lock(mutex_);
    return blocked("e:" + text::ascii_lower(email), now) || blocked("a:" + address, now);
}

void LoginThrottle::record_failure(const std::string& email, const std::string& address,
                                   time::Timestamp now) {
    std::lock_guard lock(mutex_);
    // Old entries go, so the map cannot grow without bound under a flood of guesses.
    for (auto it = failures_.begin(); it != failures_.end();) {
        it = now - it->second.first_at >= window_seconds ? failures_.erase(it) : std::next(it);
    }
    count("e:" + text::ascii_lower(email), now);
    count("a:" + address, now);
}

void LoginThrottle::record_success(const std::string& email) {
    std::lock_guard lock(mutex_);
    failures_.erase("e:" + text::ascii_lower(email));
}

}  // namespace kc::web
