#pragma once

#include <kainjow/mustache.hpp>
#include <map>
#include <mutex>
#include <string>

#include "core/time.hpp"
#include "web/visit.hpp"

namespace kc::web {

// What keeps automated spam out of the public forms anyone may send without an account
// (theme proposals, evaluations), without a puzzle that would stop a resident: a field
// people never see (a bot fills in every field), a minimum time between showing the form and
// sending it (a bot sends at once), and a ceiling on submissions per address and hour.
// The CSRF token every form carries already stops posts from pages that never loaded ours.
class SpamGuard {
  public:
    static constexpr time::Timestamp minimum_seconds = 3;
    static constexpr time::Timestamp maximum_age_seconds = 24 * 60 * 60;
    static constexpr int submissions_per_hour = 10;

    enum class Verdict {
        person,    // looks like a person: take the form
        trap,      // the hidden field was filled in: answer as if taken, keep nothing
        too_fast,  // sent sooner than a person reads the form: ask to send it again
        stale,     // the form is older than a day or its stamp is broken: show it again
        too_many,  // this address sent too much this hour: ask to wait
    };

    // Adds the hidden field and the stamp to a form's template data (partial spam_guard).
    void add_to_form(const Visit& visit, kainjow::mustache::data& values, time::Timestamp now);
    // Checks a sent form and, when it looks like a person's, counts it for its address.
    Verdict check(const Visit& visit, time::Timestamp now);
    // Counts a submission that has no form (the JSON API); false when the address sent too
    // much this hour.
    bool count_submission(const std::string& address, time::Timestamp now);

  private:
    std::mutex mutex_;
    // Per address: submissions in the current hour and when that hour began.
    std::map<std::string, std::pair<int, time::Timestamp>> submissions_;
};

// The field names the forms use; the trap (partial spam_trap) is called "website", which bots
// love to fill. Forms that only set the trap check it with this name too.
inline constexpr const char* spam_trap_field = "website";
inline constexpr const char* spam_stamp_field = "stamp";

}  // namespace kc::web
