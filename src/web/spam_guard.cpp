#include "web/spam_guard.hpp"

#include "app/security.hpp"
#include "core/text.hpp"

namespace kc::web {

namespace {

// The stamp binds the time the form was shown to the visitor's CSRF token, so a stamp
// cannot be moved to another visitor or altered without being noticed.
std::string signature(const Visit& visit, const std::string& issued) {
    return app::security::token_digest(visit.csrf_token + ":" + issued).substr(0, 20);
}

}  // namespace

void SpamGuard::add_to_form(const Visit& visit, kainjow::mustache::data& values,
                            time::Timestamp now) {
    const std::string issued = std::to_string(now);
    values.set("spam_stamp", issued + "." + signature(visit, issued));
}

SpamGuard::Verdict SpamGuard::check(const Visit& visit, time::Timestamp now) {
    if (!visit.form.get(spam_trap_field).empty()) return Verdict::trap;
    const std::string stamp = visit.form.get(spam_stamp_field);
    const auto dot = stamp.find('.');
    if (dot == std::string::npos) return Verdict::stale;
    const std::string issued_text = stamp.substr(0, dot);
    const auto issued = text::parse_integer(issued_text, 0, now);
    if (!issued || !app::security::constant_time_equals(stamp.substr(dot + 1),
                                                        signature(visit, issued_text))) {
        return Verdict::stale;
    }
    if (now - *issued > maximum_age_seconds) return Verdict::stale;
    if (now - *issued < minimum_seconds) return Verdict::too_fast;
    return count_submission(visit.request.remote_address, now) ? Verdict::person
                                                               : Verdict::too_many;
}

bool SpamGuard::count_submission(const std::string& address, time::Timestamp now) {
    std::lock_guard lock(mutex_);
    // A flood from many addresses must not grow the table without bound.
    if (submissions_.size() > 100'000) submissions_.clear();
    auto& [count, hour_began] = submissions_[address];
    if (now - hour_began >= 3600) {
        count = 0;
        hour_began = now;
    }
    if (count >= submissions_per_hour) return false;
    ++count;
    return true;
}

}  // namespace kc::web
