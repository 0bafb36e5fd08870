#pragma once

#include "app/store.hpp"
#include "storage/sqlite/connection.hpp"

namespace kc::storage::sqlite {

// The columns of a registration row in the order read_registrations() reads them, for every
// query of registrations (sqlite_queries.cpp, sqlite_privacy.cpp).
extern const std::string registration_columns;

// The app's queries and writes as SQL on one connection. Reader threads use it on
// read-only connections; the writer uses it inside its transactions.
class SqliteQueries final : public app::Transaction {
  public:
    explicit SqliteQueries(Connection& connection) : db_(connection) {}

    std::vector<app::Werkplaats> werkplaatsen() override;
    std::optional<app::Werkplaats> werkplaats(std::int64_t id) override;
    std::vector<domain::StakeholderGroup> groups(std::int64_t werkplaats_id) override;
    std::vector<app::Partner> partners(std::int64_t werkplaats_id) override;
    std::optional<domain::Event> event(std::int64_t id) override;
    std::vector<domain::Event> events(const app::EventFilter& filter) override;
    app::Page<domain::Event> event_page(const app::EventFilter& filter,
                                        const app::PageRequest& page,
                                        app::EventOrder order) override;
    app::EventCounts counts(std::int64_t event_id) override;
    std::optional<domain::Registration> registration(std::int64_t id) override;
    std::optional<domain::Registration> registration_by_token(const std::string& token) override;
    std::vector<domain::Registration> registrations(std::int64_t event_id) override;
    std::optional<domain::Registration> active_registration_by_email(
        std::int64_t event_id, const std::string& email_normalized) override;
    std::vector<domain::AttendanceFact> attendance_facts(std::int64_t werkplaats_id) override;
    std::optional<domain::WorldCafe> world_cafe(std::int64_t event_id) override;
    std::vector<domain::Seat> seats(std::int64_t event_id) override;
    std::vector<domain::Seat> seats_of(std::int64_t registration_id) override;

    std::int64_t insert_werkplaats(const std::string& slug, const std::string& name) override;
    void set_werkplaats_host_name(std::int64_t werkplaats_id,
                                  const std::string& host_name) override;
    std::int64_t insert_group(std::int64_t werkplaats_id,
                              const domain::StakeholderGroup& group) override;
    void update_group(const domain::StakeholderGroup& group) override;
    std::int64_t insert_partner(const app::Partner& partner) override;
    std::int64_t insert_event(std::int64_t werkplaats_id, const domain::EventDetails& details,
                              domain::EventStatus status, time::Timestamp now) override;
    void update_event_details(std::int64_t event_id, const domain::EventDetails& details,
                              time::Timestamp now) override;
    void update_event_status(std::int64_t event_id, domain::EventStatus status,
                             time::Timestamp now) override;
    std::int64_t insert_registration(const domain::Registration& registration) override;
    void update_registration_status(std::int64_t id, domain::RegistrationStatus status,
                                    time::Timestamp now) override;
    void update_attendance(std::int64_t id, domain::Attendance attendance,
                           std::optional<time::Timestamp> checked_in_at) override;
    std::vector<domain::Registration> waiting_list(std::int64_t event_id) override;
    void save_world_cafe(domain::WorldCafe& cafe) override;
    void replace_seats(std::int64_t event_id, int from_round,
                       const std::vector<domain::Seat>& seats, const std::string& quality_dutch,
                       const std::string& quality_english) override;
    void set_started_rounds(std::int64_t event_id, int started_rounds) override;
    void set_stays_seated(std::int64_t registration_id, bool stays) override;

    // Accounts (sqlite_accounts.cpp).
    std::optional<app::User> user(std::int64_t id) override;
    std::optional<app::User> user_by_email(const std::string& email) override;
    std::vector<app::Membership> memberships_of(std::int64_t user_id) override;
    std::optional<app::Membership> membership(std::int64_t user_id,
                                              std::int64_t werkplaats_id) override;
    std::vector<app::MemberListing> members(std::int64_t werkplaats_id) override;
    std::optional<app::SessionRecord> session(const std::string& token_hash) override;
    std::optional<app::ApiToken> api_token(const std::string& token_hash) override;
    std::vector<app::ApiToken> api_tokens(std::int64_t werkplaats_id) override;
    std::optional<app::AccountLink> account_link(const std::string& token_hash) override;
    std::vector<app::AccountLink> open_account_links(std::int64_t werkplaats_id,
                                                     time::Timestamp now) override;
    std::vector<std::int64_t> event_hosts(std::int64_t event_id) override;
    bool is_event_host(std::int64_t event_id, std::int64_t user_id) override;
    std::int64_t insert_user(const app::User& user) override;
    void update_user_password(std::int64_t user_id, const std::string& password_hash) override;
    void delete_sessions_of(std::int64_t user_id) override;
    void upsert_membership(const app::Membership& membership) override;
    void insert_session(const app::SessionRecord& session) override;
    void set_session_werkplaats(const std::string& token_hash, std::int64_t werkplaats_id) override;
    void delete_session(const std::string& token_hash) override;
    void delete_expired_sessions(time::Timestamp now) override;
    std::int64_t insert_api_token(const app::ApiToken& token) override;
    void revoke_api_token(std::int64_t token_id, time::Timestamp now) override;
    void touch_api_token(std::int64_t token_id, time::Timestamp now) override;
    void insert_account_link(const app::AccountLink& link) override;
    void mark_account_link_used(const std::string& token_hash, time::Timestamp now) override;
    void set_event_hosts(std::int64_t event_id, const std::vector<std::int64_t>& user_ids) override;

    // Privacy (src/storage/sqlite/sqlite_privacy.cpp).
    std::optional<app::PrivacySettings> privacy_settings(std::int64_t werkplaats_id) override;
    std::vector<domain::Registration> registrations_by_email(
        std::int64_t werkplaats_id, const std::string& email_normalized) override;
    std::vector<app::ConsentRecord> consent_records(std::int64_t registration_id) override;
    std::vector<app::EventWithRegistrations> events_with_registrations(
        std::int64_t werkplaats_id) override;
    std::vector<app::AuditEntry> audit_entries(std::int64_t werkplaats_id,
                                               std::optional<std::int64_t> before_id,
                                               int limit) override;
    int count_audit_entries_before(std::int64_t werkplaats_id, time::Timestamp cutoff) override;
    void save_privacy_settings(const app::PrivacySettings& settings) override;
    void insert_consent_record(const app::ConsentRecord& record) override;
    void update_consent(std::int64_t registration_id, app::ConsentKind kind, bool given) override;
    void add_anonymous_counts(const std::vector<domain::AnonymousCount>& counts) override;
    void mark_seen_before(const std::vector<std::int64_t>& registration_ids) override;
    void delete_registrations(const std::vector<std::int64_t>& registration_ids) override;
    void insert_audit_entry(const app::AuditEntry& entry) override;
    int delete_audit_entries_before(std::int64_t werkplaats_id, time::Timestamp cutoff) override;

    // Live sessions (src/storage/sqlite/sqlite_live.cpp).
    std::optional<app::LiveSession> live_session(std::int64_t id) override;
    std::optional<app::LiveSession> live_session_by_code(const std::string& join_code) override;
    std::vector<app::LiveSession> live_sessions(std::int64_t event_id) override;
    std::vector<app::LiveQuestion> live_questions(std::int64_t session_id) override;
    std::vector<app::LiveParticipant> live_participants(std::int64_t session_id) override;
    std::vector<app::LiveAnswer> live_answers(std::int64_t session_id) override;
    std::vector<app::LiveModeration> live_moderation(std::int64_t session_id) override;
    std::int64_t max_live_answer_id() override;
    std::int64_t max_live_participant_id() override;
    void insert_live_session(app::LiveSession& session, time::Timestamp now) override;
    void update_live_session(const app::LiveSession& session, time::Timestamp now) override;
    void delete_live_session(std::int64_t id) override;
    void insert_live_question(app::LiveQuestion& question) override;
    void update_live_question(const app::LiveQuestion& question) override;
    void delete_live_question(std::int64_t id) override;
    void insert_live_participants(const std::vector<app::LiveParticipant>& participants) override;
    void update_live_participant(const app::LiveParticipant& participant) override;
    void insert_live_answers(const std::vector<app::LiveAnswer>& answers) override;
    void insert_live_moderation(const app::LiveModeration& moderation) override;

    // The theme agenda (src/storage/sqlite/sqlite_themes.cpp).
    std::optional<domain::Theme> theme(std::int64_t id) override;
    app::Page<domain::Theme> themes(const app::ThemeFilter& filter,
                                    const app::PageRequest& page) override;
    std::int64_t insert_theme(const domain::Theme& theme) override;
    void update_theme(const domain::Theme& theme) override;
    bool add_theme_support(std::int64_t theme_id, const std::string& supporter_key,
                           time::Timestamp at) override;
    void set_event_theme(std::int64_t event_id, std::optional<std::int64_t> theme_id) override;
    // Werkteams (src/storage/sqlite/sqlite_werkteams.cpp).
    std::optional<domain::Werkteam> werkteam(std::int64_t id) override;
    std::vector<app::WerkteamMembership> werkteam_memberships_by_email(
        std::int64_t werkplaats_id, const std::string& email) override;
    app::Page<domain::Werkteam> werkteams(const app::WerkteamFilter& filter,
                                          const app::PageRequest& page) override;
    std::vector<domain::WerkteamMember> werkteam_members(std::int64_t werkteam_id) override;
    app::Page<domain::WerkteamMeeting> werkteam_meetings(std::int64_t werkteam_id,
                                                         const app::PageRequest& page) override;
    app::Page<domain::WerkteamProduct> werkteam_products(std::int64_t werkteam_id,
                                                         const app::PageRequest& page) override;
    app::Page<domain::Event> werkteam_events(std::int64_t werkteam_id, bool published_only,
                                             const app::PageRequest& page) override;
    std::optional<std::int64_t> event_werkteam(std::int64_t event_id) override;
    std::int64_t insert_werkteam(const domain::Werkteam& werkteam, time::Timestamp now) override;
    void update_werkteam(const domain::Werkteam& werkteam, time::Timestamp now) override;
    std::int64_t insert_werkteam_member(const domain::WerkteamMember& member) override;
    bool delete_werkteam_member(std::int64_t werkteam_id, std::int64_t member_id) override;
    std::int64_t insert_werkteam_meeting(const domain::WerkteamMeeting& meeting) override;
    bool delete_werkteam_meeting(std::int64_t werkteam_id, std::int64_t meeting_id) override;
    std::int64_t insert_werkteam_product(const domain::WerkteamProduct& product) override;
    bool delete_werkteam_product(std::int64_t werkteam_id, std::int64_t product_id) override;
    void set_event_werkteam(std::int64_t event_id,
                            std::optional<std::int64_t> werkteam_id) override;
    int erase_werkteam_member_emails(std::int64_t werkplaats_id,
                                     const std::string& ended_before) override;
    // The library (src/storage/sqlite/sqlite_library.cpp).
    std::optional<domain::Publication> publication(std::int64_t id) override;
    app::Page<app::LibraryHit> search_publications(const app::LibrarySearch& search,
                                                   const app::PageRequest& page) override;
    std::vector<int> publication_years(std::int64_t werkplaats_id) override;
    std::vector<app::PublicationChange> publication_changes(
        std::int64_t werkplaats_id, std::optional<time::Timestamp> from,
        std::optional<time::Timestamp> until, std::optional<app::PublicationCursor> after,
        std::size_t limit) override;
    std::size_t count_publication_changes(std::int64_t werkplaats_id,
                                          std::optional<time::Timestamp> from,
                                          std::optional<time::Timestamp> until) override;
    std::optional<time::Timestamp> earliest_publication_change(std::int64_t werkplaats_id) override;
    std::optional<std::string> publication_file_bytes(std::int64_t publication_id) override;
    std::int64_t insert_publication(const domain::Publication& publication) override;
    void update_publication(const domain::Publication& publication) override;
    void save_publication_file(std::int64_t publication_id, const domain::PublicationFile& file,
                               const std::string& bytes, time::Timestamp now) override;
    void delete_publication(std::int64_t publication_id, time::Timestamp now) override;
    // Evaluations and experiences (src/storage/sqlite/sqlite_evaluations.cpp).
    std::vector<domain::EvaluationTally> evaluation_tallies(std::int64_t event_id) override;
    app::Page<domain::Evaluation> evaluations_with_text(std::int64_t event_id,
                                                        const app::PageRequest& page) override;
    bool has_evaluation_from(std::int64_t registration_id) override;
    std::optional<domain::Experience> experience(std::int64_t id) override;
    std::optional<domain::Experience> experience_by_token_hash(
        const std::string& token_hash) override;
    app::Page<domain::Experience> experiences(const app::ExperienceFilter& filter,
                                              const app::PageRequest& page) override;
    std::vector<domain::Experience> experiences_of_registrations(
        const std::vector<std::int64_t>& registration_ids) override;
    std::int64_t insert_evaluation(const domain::Evaluation& evaluation) override;
    std::int64_t insert_experience(const domain::Experience& experience,
                                   const std::string& token_hash) override;
    void update_experience(const domain::Experience& experience) override;
    int delete_unpublished_experiences(std::int64_t event_id) override;

    // Harvest and follow-up (src/storage/sqlite/sqlite_follow_up.cpp).
    std::optional<domain::HarvestItem> harvest_item(std::int64_t id) override;
    app::Page<domain::HarvestItem> harvest_items(const app::HarvestFilter& filter,
                                                 const app::PageRequest& page) override;
    std::size_t count_harvest_items(std::int64_t event_id) override;
    std::vector<app::HarvestLink> harvest_links(std::int64_t event_id) override;
    std::optional<app::HarvestLink> harvest_link_by_token(const std::string& token_hash) override;
    std::optional<domain::Action> action(std::int64_t id) override;
    app::Page<domain::Action> actions(const app::ActionFilter& filter,
                                      const app::PageRequest& page) override;
    std::vector<std::string> action_owners(std::int64_t werkplaats_id) override;
    std::int64_t insert_harvest_item(const domain::HarvestItem& item) override;
    void update_harvest_item(const domain::HarvestItem& item) override;
    void delete_harvest_item(std::int64_t id) override;
    std::int64_t insert_harvest_link(const app::HarvestLink& link) override;
    void revoke_harvest_link(std::int64_t id, time::Timestamp now) override;
    std::int64_t insert_action(const domain::Action& action) override;
    void add_action_update(std::int64_t action_id, const domain::ActionUpdate& update) override;
    // Reports (src/storage/sqlite/sqlite_reports.cpp).
    std::optional<app::ReportTexts> report_texts(std::int64_t event_id) override;
    void save_report_texts(const app::ReportTexts& texts) override;

    // The mail outbox (src/storage/sqlite/sqlite_mail.cpp).
    std::optional<app::OutboxMail> outbox_mail(std::int64_t id) override;
    std::vector<app::OutboxMail> waiting_mails(std::optional<time::Timestamp> due_at,
                                               std::size_t limit) override;
    app::Page<app::OutboxMail> outbox_page(std::int64_t werkplaats_id, app::MailState state,
                                           const app::PageRequest& page) override;
    app::MailCounts mail_counts(std::int64_t werkplaats_id) override;
    std::optional<std::int64_t> insert_mail(const app::OutgoingMail& mail,
                                            time::Timestamp now) override;
    void update_mail_delivery(const app::OutboxMail& mail) override;
    int delete_mails_to(std::int64_t werkplaats_id, const std::string& email) override;
    int delete_mails_finished_before(std::int64_t werkplaats_id, time::Timestamp cutoff) override;
    bool claim_mail_period(const std::string& job, const std::string& period) override;

  private:
    // Replaces the themes and events a publication belongs to.
    void write_publication_links(std::int64_t publication_id,
                                 const domain::Publication& publication);
    void load_action_history(domain::Action& action);
    void insert_action_update(std::int64_t action_id, const domain::ActionUpdate& update);
    // The anonymous counts of erased registrations as facts, for attendance_facts.
    void append_anonymous_facts(std::int64_t werkplaats_id,
                                std::vector<domain::AttendanceFact>& facts);
    domain::Event read_event_row(Statement& row);
    void load_event_children(domain::Event& event);
    void write_event_children(std::int64_t event_id, const domain::EventDetails& details);
    std::vector<domain::Registration> read_registrations(Statement& statement);

    Connection& db_;
};

}  // namespace kc::storage::sqlite
