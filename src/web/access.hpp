#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>

#include "app/accounts.hpp"
#include "app/follow_up_store.hpp"
#include "app/live_records.hpp"
#include "app/privacy_records.hpp"
#include "app/records.hpp"
#include "app/scope.hpp"
#include "domain/event.hpp"
#include "domain/publication.hpp"
#include "domain/registration.hpp"
#include "domain/theme.hpp"
#include "domain/werkteam.hpp"

namespace kc::web {

// Who is calling an organiser-side route and what its path named, already resolved and
// checked by the router before the handler runs (see docs/decisions/0005). A handler
// gets the event of its path from here, never from the bare id in the path, so it cannot
// reach another Werkplaats's event or an event a host was not assigned to.
class Access {
  public:
    app::User user;
    // The Werkplaats the person works in now and their role there; absent only on the
    // routes for any logged-in person (choosing a Werkplaats, their own password).
    std::optional<app::Membership> membership;
    std::optional<app::Werkplaats> werkplaats;
    // How many Werkplaatsen the person can work in (to offer switching between them).
    std::size_t active_memberships = 0;
    // Set when the caller is a script with an API token.
    std::optional<std::int64_t> token_id;
    // What the path named: {id} is an event, {registration} one of its registrations,
    // {member} a member of the Werkplaats, {token} one of its API tokens, {session} a live
    // session of the event, {theme} a theme on the Werkplaats's agenda, {werkteam} one of its
    // werkteams, {publication} a publication of its library that is not deleted, {action} an
    // action of one of its cafés.
    std::optional<domain::Event> event_in_path;
    std::optional<domain::Registration> registration_in_path;
    std::optional<app::MemberListing> member_in_path;
    std::optional<app::ApiToken> token_in_path;
    std::optional<app::LiveSession> live_session_in_path;
    std::optional<domain::Theme> theme_in_path;
    std::optional<domain::Werkteam> werkteam_in_path;
    std::optional<domain::Publication> publication_in_path;
    std::optional<domain::Action> action_in_path;

    // The role in the current Werkplaats (for a token: the token's role).
    app::Role role() const { return required(membership, "membership").role; }
    bool has_role(app::Role minimum) const {
        return membership && app::has_role(membership->role, minimum);
    }
    std::int64_t werkplaats_id() const { return required(werkplaats, "werkplaats").id; }
    const domain::Event& event() const { return required(event_in_path, "event"); }
    const domain::Registration& registration() const {
        return required(registration_in_path, "registration");
    }
    const app::MemberListing& member() const { return required(member_in_path, "member"); }
    const app::ApiToken& token() const { return required(token_in_path, "token"); }
    const app::LiveSession& live_session() const {
        return required(live_session_in_path, "live session");
    }
    const domain::Theme& theme() const { return required(theme_in_path, "theme"); }
    const domain::Werkteam& werkteam() const { return required(werkteam_in_path, "werkteam"); }
    const domain::Publication& publication() const {
        return required(publication_in_path, "publication");
    }
    const domain::Action& action() const { return required(action_in_path, "action"); }

    // The scope a use case checks again inside its transaction.
    app::EventScope event_scope() const { return {werkplaats_id(), event().id}; }
    app::Actor actor() const { return {user.id, werkplaats_id(), role(), token_id}; }
    // Who the audit log names for what this caller does to personal data.
    app::AuditActor audit_actor() const {
        return token_id ? app::AuditActor::api_token(user.id, *token_id, user.name)
                        : app::AuditActor::account(user.id, user.name);
    }

  private:
    // A handler asking for what its route did not resolve is a programming error; it
    // fails (a 500) rather than falling back to something unscoped.
    template <typename T>
    static const T& required(const std::optional<T>& value, const char* what) {
        if (!value) throw std::logic_error(std::string("route did not resolve the ") + what);
        return *value;
    }
};

}  // namespace kc::web
