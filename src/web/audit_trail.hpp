#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <tuple>

#include "app/privacy_records.hpp"
#include "web/access.hpp"
#include "web/site.hpp"

namespace kc::web {

// Records in the audit log that someone looked at participants' personal data (a
// check-in list, a world café's participants). A page at the door is reloaded after every
// check-in, so one look per person, page and event is recorded at most every
// `quiet_seconds`; the log says who looked and when, not how often they pressed reload.
class AuditTrail {
  public:
    static constexpr time::Timestamp quiet_seconds = 15 * 60;

    explicit AuditTrail(Site& site) : site_(site) {}

    // Queues the record; the page does not wait for it.
    void viewed(const Access& access, app::AuditAction action, std::int64_t event_id);

  private:
    Site& site_;
    std::mutex mutex_;
    std::map<std::tuple<std::int64_t, int, std::int64_t>, time::Timestamp> last_recorded_;
};

}  // namespace kc::web
