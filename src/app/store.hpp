#pragma once

#include <cstdint>
#include <exception>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/account_store.hpp"
#include "app/evaluation_store.hpp"
#include "app/follow_up_store.hpp"
#include "app/library_store.hpp"
#include "app/live_store.hpp"
#include "app/mail_store.hpp"
#include "app/privacy_store.hpp"
#include "app/records.hpp"
#include "app/report_store.hpp"
#include "app/theme_store.hpp"
#include "app/werkteam_store.hpp"
#include "domain/attendance_statistics.hpp"
#include "domain/event.hpp"
#include "domain/registration.hpp"
#include "domain/stakeholder_group.hpp"
#include "domain/world_cafe.hpp"

namespace kc::app {

// A failure of the storage itself rather than of a request. Temporary ones pass by
// themselves (a full disk, a locked database, a lost connection): nothing of the failed
// write was stored, and the same request may work when tried again later.
class StorageFailure : public std::runtime_error {
  public:
    enum class Kind { temporary, permanent };
    StorageFailure(const std::string& what, Kind kind) : std::runtime_error(what), kind_(kind) {}
    bool is_temporary() const { return kind_ == Kind::temporary; }

  private:
    Kind kind_;
};

struct EventFilter {
    std::optional<std::int64_t> werkplaats_id;
    bool published_only = false;  // published, held and cancelled: what the public may see
    std::optional<time::Timestamp> starts_from;
    std::optional<time::Timestamp> starts_before;
    // Events still going on or to come at a moment (ends at or after it), or over before it.
    std::optional<time::Timestamp> ends_from;
    std::optional<time::Timestamp> ends_before;
    std::optional<std::int64_t> theme_id;
    // Only the events this account hosts (what a host sees of the Werkplaats).
    std::optional<std::int64_t> hosted_by;
};

enum class EventOrder { earliest_first, latest_first };

// Everything the use cases read. Implementations exist per storage backend
// (src/storage/sqlite now, PostgreSQL later); the domain never sees them.
class Queries : public AccountQueries,
                public PrivacyQueries,
                public LiveQueries,
                public ThemeQueries,
                public WerkteamQueries,
                public LibraryQueries,
                public EvaluationQueries,
                public FollowUpQueries,
                public ReportQueries,
                public MailQueries {
  public:
    virtual ~Queries() = default;

    virtual std::vector<Werkplaats> werkplaatsen() = 0;
    virtual std::optional<Werkplaats> werkplaats(std::int64_t id) = 0;
    virtual std::vector<domain::StakeholderGroup> groups(std::int64_t werkplaats_id) = 0;
    virtual std::vector<Partner> partners(std::int64_t werkplaats_id) = 0;

    virtual std::optional<domain::Event> event(std::int64_t id) = 0;
    // Ordered by start time, earliest first.
    virtual std::vector<domain::Event> events(const EventFilter& filter) = 0;
    // One page of the events, for the lists that grow with the years.
    virtual Page<domain::Event> event_page(const EventFilter& filter, const PageRequest& page,
                                           EventOrder order) = 0;
    virtual EventCounts counts(std::int64_t event_id) = 0;

    virtual std::optional<domain::Registration> registration(std::int64_t id) = 0;
    virtual std::optional<domain::Registration> registration_by_token(const std::string& token) = 0;
    // All registrations of an event, in order of registration.
    virtual std::vector<domain::Registration> registrations(std::int64_t event_id) = 0;
    virtual std::optional<domain::Registration> active_registration_by_email(
        std::int64_t event_id, const std::string& email_normalized) = 0;
    // Attendance facts of every event of a Werkplaats.
    virtual std::vector<domain::AttendanceFact> attendance_facts(std::int64_t werkplaats_id) = 0;

    // The world café of an event and its plan, ordered by round, table position and person.
    virtual std::optional<domain::WorldCafe> world_cafe(std::int64_t event_id) = 0;
    virtual std::vector<domain::Seat> seats(std::int64_t event_id) = 0;
    // One participant's seats, by round.
    virtual std::vector<domain::Seat> seats_of(std::int64_t registration_id) = 0;
};

// Reads and writes inside one write transaction.
class Transaction : public Queries,
                    public AccountWrites,
                    public PrivacyWrites,
                    public LiveWrites,
                    public ThemeWrites,
                    public WerkteamWrites,
                    public LibraryWrites,
                    public EvaluationWrites,
                    public FollowUpWrites,
                    public ReportWrites,
                    public MailWrites {
  public:
    virtual std::int64_t insert_werkplaats(const std::string& slug, const std::string& name) = 0;
    virtual void set_werkplaats_host_name(std::int64_t werkplaats_id,
                                          const std::string& host_name) = 0;
    virtual std::int64_t insert_group(std::int64_t werkplaats_id,
                                      const domain::StakeholderGroup& group) = 0;
    virtual void update_group(const domain::StakeholderGroup& group) = 0;
    virtual std::int64_t insert_partner(const Partner& partner) = 0;

    virtual std::int64_t insert_event(std::int64_t werkplaats_id,
                                      const domain::EventDetails& details,
                                      domain::EventStatus status, time::Timestamp now) = 0;
    virtual void update_event_details(std::int64_t event_id, const domain::EventDetails& details,
                                      time::Timestamp now) = 0;
    virtual void update_event_status(std::int64_t event_id, domain::EventStatus status,
                                     time::Timestamp now) = 0;

    virtual std::int64_t insert_registration(const domain::Registration& registration) = 0;
    virtual void update_registration_status(std::int64_t id, domain::RegistrationStatus status,
                                            time::Timestamp now) = 0;
    virtual void update_attendance(std::int64_t id, domain::Attendance attendance,
                                   std::optional<time::Timestamp> checked_in_at) = 0;
    // The waiting list of an event, first in line first.
    virtual std::vector<domain::Registration> waiting_list(std::int64_t event_id) = 0;

    // Stores the set-up of a world café, replacing its tables and rounds, and drops
    // its plan; fills in the ids of new tables.
    virtual void save_world_cafe(domain::WorldCafe& cafe) = 0;
    // Replaces the seats of rounds `from_round` and later, and the plan's verdict.
    virtual void replace_seats(std::int64_t event_id, int from_round,
                               const std::vector<domain::Seat>& seats,
                               const std::string& quality_dutch,
                               const std::string& quality_english) = 0;
    virtual void set_started_rounds(std::int64_t event_id, int started_rounds) = 0;
    virtual void set_stays_seated(std::int64_t registration_id, bool stays) = 0;
};

// The storage as the application sees it. Reads may run on any thread. Writes are
// queued to one writer, which commits them in batches (one fsync for many) and
// reports each job's outcome only once its commit is durable.
class Store {
  public:
    using WriteJob = std::function<void(Transaction&)>;
    // Called on the writer's thread with nullptr on a durable commit, or the
    // exception that made the job (and only that job) roll back.
    using WriteDone = std::function<void(std::exception_ptr)>;

    virtual ~Store() = default;
    virtual Queries& read() = 0;
    virtual void write(WriteJob job, WriteDone done) = 0;

    // Runs a write and waits for it; for the command line and tests. Rethrows a
    // failure of the job.
    void write_and_wait(WriteJob job);
};

}  // namespace kc::app
