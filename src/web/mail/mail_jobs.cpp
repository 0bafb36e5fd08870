#include "web/mail/mail_jobs.hpp"

#include <map>
#include <memory>

#include "app/mail.hpp"
#include "core/text.hpp"
#include "domain/evaluation.hpp"
#include "web/site.hpp"

namespace kc::web {

namespace {

constexpr time::Timestamp hour = 3600;
constexpr time::Timestamp day = 24 * hour;
// A reminder for a café that starts sooner than this is of no use any more.
constexpr time::Timestamp reminder_too_late = 2 * hour;
// Invitations go out for cafés that ended at most this long ago; later, people forget.
constexpr time::Timestamp evaluation_window = 3 * day;
// The digest reads the overdue actions a page at a time.
constexpr std::size_t actions_page = 200;
constexpr int digest_weekday = 1;  // Monday
constexpr int digest_hour = 8;

bool has_address(const domain::Registration& registration) {
    return registration.status == domain::RegistrationStatus::registered &&
           !registration.form.email.empty();
}

// The events of every Werkplaats in `filter`'s time window.
std::vector<domain::Event> events_of_all(app::Queries& queries, app::EventFilter filter) {
    std::vector<domain::Event> events;
    for (const auto& werkplaats : queries.werkplaatsen()) {
        filter.werkplaats_id = werkplaats.id;
        for (auto& event : queries.events(filter)) events.push_back(std::move(event));
    }
    return events;
}

// Queues the mails `make` writes for each chosen registration of each event, in one write.
template <typename Choose, typename Make>
int queue_per_registration(app::Store& store, const std::vector<domain::Event>& events,
                           Choose choose, Make make, time::Timestamp now) {
    int queued = 0;
    if (events.empty()) return queued;
    store.write_and_wait([&](app::Transaction& tx) {
        for (const auto& event : events) {
            for (const auto& registration : tx.registrations(event.id)) {
                if (!has_address(registration) || !choose(tx, event, registration)) continue;
                if (app::queue_mail(tx, make(tx, event, registration), now) ==
                    app::QueueResult::queued) {
                    ++queued;
                }
            }
        }
    });
    return queued;
}

// The Monday of the week of `now` ("2026-11-30"), which names the week's digest.
std::string monday_of(time::Timestamp now) {
    const int weekday = time::weekday(now, time::amsterdam_offset_seconds(now));
    return time::format_date_input(now - ((weekday + 6) % 7) * day);
}

}  // namespace

int queue_reminders(app::Store& store, const MailWriter& writer, time::Timestamp now) {
    app::EventFilter filter;
    filter.published_only = true;
    filter.starts_from = now + reminder_too_late;
    filter.starts_before = now + day;
    auto events = events_of_all(store.read(), filter);
    std::erase_if(events, [](const domain::Event& event) {
        return event.status != domain::EventStatus::published;
    });
    return queue_per_registration(
        store, events,
        [](app::Queries&, const domain::Event& event, const domain::Registration& registration) {
            return registration.created_at < event.details.starts_at - day;
        },
        [&](app::Queries& queries, const domain::Event& event,
            const domain::Registration& registration) {
            return writer.reminder(queries, event, registration, now);
        },
        now);
}

int queue_evaluation_invitations(app::Store& store, const MailWriter& writer, time::Timestamp now) {
    app::EventFilter filter;
    filter.published_only = true;
    filter.ends_from = now - evaluation_window;
    filter.ends_before = now;
    auto events = events_of_all(store.read(), filter);
    std::erase_if(events, [now](const domain::Event& event) {
        return !domain::is_open_for_evaluation(event, now);
    });
    return queue_per_registration(
        store, events,
        [](app::Queries& queries, const domain::Event&, const domain::Registration& registration) {
            return registration.attendance != domain::Attendance::no_show &&
                   !queries.has_evaluation_from(registration.id);
        },
        [&](app::Queries& queries, const domain::Event& event,
            const domain::Registration& registration) {
            return writer.evaluation(queries, event, registration);
        },
        now);
}

bool action_digest_due(time::Timestamp now) {
    const auto local = time::to_amsterdam(now);
    const int weekday = time::weekday(now, time::amsterdam_offset_seconds(now));
    return weekday != digest_weekday || local.hour >= digest_hour;
}

int queue_action_digests(app::Store& store, const MailWriter& writer, time::Timestamp now) {
    const std::string week = monday_of(now);
    // Read first, then claim the week and queue every Werkplaats's digests in one write, so
    // the week is never marked done without its mails.
    std::vector<std::pair<std::int64_t, std::map<std::string, std::vector<domain::Action>>>>
        digests;
    auto& queries = store.read();
    for (const auto& werkplaats : queries.werkplaatsen()) {
        app::ActionFilter filter;
        filter.werkplaats_id = werkplaats.id;
        filter.overdue_on = time::format_date_input(now);
        std::map<std::string, std::vector<domain::Action>> per_contact;
        for (app::PageRequest page{1, actions_page};; ++page.number) {
            const auto actions = queries.actions(filter, page);
            for (const auto& action : actions.items) {
                if (const auto email = text::normalize_email(action.draft.contact)) {
                    per_contact[*email].push_back(action);
                }
            }
            if (!actions.has_next()) break;
        }
        if (!per_contact.empty()) digests.emplace_back(werkplaats.id, std::move(per_contact));
    }
    int queued = 0;
    store.write_and_wait([&](app::Transaction& tx) {
        if (!tx.claim_mail_period("action-digest", week)) return;
        for (const auto& [werkplaats_id, per_contact] : digests) {
            for (const auto& [email, actions] : per_contact) {
                if (app::queue_mail(tx,
                                    writer.action_digest(tx, werkplaats_id, email, actions, week),
                                    now) == app::QueueResult::queued) {
                    ++queued;
                }
            }
        }
    });
    return queued;
}

void add_mail_jobs(app::Scheduler& scheduler, Site& site) {
    auto writer = std::make_shared<MailWriter>(site);
    scheduler.add("mail-reminders", app::Schedule::every(hour, true),
                  [&site, writer] { queue_reminders(site.store(), *writer, site.now()); });
    scheduler.add("mail-evaluations", app::Schedule::every(hour, true), [&site, writer] {
        queue_evaluation_invitations(site.store(), *writer, site.now());
    });
    // Every morning at the digest's hour and when the server starts: the first run at which
    // the week's digest is due makes it, so a server that was down on Monday morning sends it
    // when it is back, and only once.
    scheduler.add("mail-action-digest", app::Schedule::daily_at(digest_hour, 0, true),
                  [&site, writer] {
                      const time::Timestamp now = site.now();
                      if (action_digest_due(now)) queue_action_digests(site.store(), *writer, now);
                  });
}

}  // namespace kc::web
