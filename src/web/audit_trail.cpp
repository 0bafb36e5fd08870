#include "web/audit_trail.hpp"

#include <spdlog/spdlog.h>

#include "app/privacy.hpp"

namespace kc::web {

void AuditTrail::viewed(const Access& access, app::AuditAction action, std::int64_t event_id) {
    const time::Timestamp now = site_.now();
    {
        std::lock_guard lock(mutex_);
        auto& last = last_recorded_[{access.user.id, static_cast<int>(action), event_id}];
        if (last != 0 && now - last < quiet_seconds) return;
        last = now;
    }
    site_.store().write(
        [werkplaats_id = access.werkplaats_id(), actor = access.audit_actor(), action, event_id,
         now](app::Transaction& tx) {
            app::record_audit(tx, werkplaats_id, actor, action, event_id, std::nullopt, "", now);
        },
        [](std::exception_ptr failure) {
            if (!failure) return;
            try {
                std::rethrow_exception(failure);
            } catch (const std::exception& error) {
                spdlog::error("audit log: could not record a view: {}", error.what());
            }
        });
}

}  // namespace kc::web
