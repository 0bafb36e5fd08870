#include "app/accounts.hpp"

#include <algorithm>

#include "app/security.hpp"
#include "core/text.hpp"
#include "core/validation.hpp"

namespace kc::app {

namespace {

bool is_enabled_admin(const Membership& membership) {
    return membership.role == Role::admin && !membership.disabled;
}

// Whether the Werkplaats keeps an enabled admin once `user_id` gets `role` and `disabled`.
bool keeps_an_admin(Queries& queries, std::int64_t werkplaats_id, std::int64_t user_id, Role role,
                    bool disabled) {
    if (role == Role::admin && !disabled) return true;
    const auto members = queries.members(werkplaats_id);
    return std::any_of(members.begin(), members.end(), [&](const MemberListing& member) {
        return member.user.id != user_id && is_enabled_admin(member.membership);
    });
}

// The name of a person or a token: one line of clean text, not too long.
void check_name(FieldErrors& errors, std::string_view name) {
    validation::check_text(errors, "name", name, validation::Presence::required,
                           AccountLimits::max_name_code_points);
}

LinkOutcome store_link(Transaction& tx, AccountLink link) {
    LinkOutcome outcome;
    outcome.token = security::random_token(32);
    link.token_hash = security::token_digest(outcome.token);
    tx.insert_account_link(link);
    outcome.result = AccountResult::done;
    return outcome;
}

}  // namespace

FieldErrors validate_password(std::string_view password) {
    if (password.size() > AccountLimits::max_password_bytes) {
        return {{"password", "error.password_too_long"}};
    }
    if (text::code_point_count(password) < AccountLimits::min_password_code_points) {
        return {{"password", "error.password_too_short",
                 static_cast<long long>(AccountLimits::min_password_code_points)}};
    }
    return {};
}

std::vector<Membership> active_memberships(Queries& queries, std::int64_t user_id) {
    auto memberships = queries.memberships_of(user_id);
    std::erase_if(memberships, [](const Membership& membership) { return membership.disabled; });
    return memberships;
}

LinkOutcome invite_member(Transaction& tx, const Actor& admin, const std::string& email,
                          const std::string& name, Role role, time::Timestamp now) {
    LinkOutcome outcome;
    if (admin.role != Role::admin) {
        outcome.result = AccountResult::not_allowed;
        return outcome;
    }
    const auto normalized = text::normalize_email(email);
    if (!normalized) outcome.errors.push_back({"email", "error.invalid_email"});
    const std::string trimmed_name = text::trim(name);
    check_name(outcome.errors, trimmed_name);
    if (normalized) {
        if (const auto existing = tx.user_by_email(*normalized)) {
            if (tx.membership(existing->id, admin.werkplaats_id)) {
                outcome.errors.push_back({"email", "error.already_member"});
            }
        }
    }
    if (!outcome.errors.empty()) return outcome;
    return store_link(
        tx, {"", AccountLinkKind::invite, *normalized, trimmed_name, admin.werkplaats_id, role,
             admin.user_id, now, now + AccountLimits::link_seconds, std::nullopt});
}

LinkOutcome create_reset_link(Transaction& tx, const Actor& admin, std::int64_t user_id,
                              time::Timestamp now) {
    LinkOutcome outcome;
    if (admin.role != Role::admin) {
        outcome.result = AccountResult::not_allowed;
        return outcome;
    }
    const auto membership = tx.membership(user_id, admin.werkplaats_id);
    const auto user = membership ? tx.user(user_id) : std::nullopt;
    if (!user) {
        outcome.result = AccountResult::not_found;
        return outcome;
    }
    return store_link(tx, {"", AccountLinkKind::reset, user->email, user->name, admin.werkplaats_id,
                           membership->role, admin.user_id, now, now + AccountLimits::link_seconds,
                           std::nullopt});
}

std::optional<LinkPreview> preview_link(Queries& queries, const std::string& token,
                                        time::Timestamp now) {
    auto link = queries.account_link(security::token_digest(token));
    if (!link || link->used_at || link->expires_at <= now) return std::nullopt;
    const auto werkplaats = queries.werkplaats(link->werkplaats_id);
    if (!werkplaats) return std::nullopt;
    return LinkPreview{*link, queries.user_by_email(link->email), werkplaats->name};
}

AcceptOutcome accept_link(Transaction& tx, const std::string& token, const std::string& name,
                          const std::string& password_hash, time::Timestamp now) {
    AcceptOutcome outcome;
    const auto preview = preview_link(tx, token, now);
    if (!preview) {
        outcome.result = AccountResult::used_or_expired;
        return outcome;
    }
    const AccountLink& link = preview->link;
    outcome.werkplaats_id = link.werkplaats_id;
    if (link.kind == AccountLinkKind::reset) {
        if (!preview->existing_user) {
            outcome.result = AccountResult::not_found;
            return outcome;
        }
        outcome.user_id = preview->existing_user->id;
        set_password(tx, outcome.user_id, password_hash);
    } else if (preview->existing_user) {
        // An existing account joins with the password it has; the web layer checked it.
        outcome.user_id = preview->existing_user->id;
        tx.upsert_membership({outcome.user_id, link.werkplaats_id, link.role, false});
    } else {
        const std::string trimmed_name = text::trim(name).empty() ? link.name : text::trim(name);
        check_name(outcome.errors, trimmed_name);
        if (!outcome.errors.empty()) return outcome;
        outcome.user_id = tx.insert_user({0, link.email, trimmed_name, password_hash});
        tx.upsert_membership({outcome.user_id, link.werkplaats_id, link.role, false});
    }
    tx.mark_account_link_used(link.token_hash, now);
    outcome.result = AccountResult::done;
    return outcome;
}

AccountResult change_membership(Transaction& tx, const Actor& admin, std::int64_t user_id,
                                Role role, bool disabled) {
    if (admin.role != Role::admin) return AccountResult::not_allowed;
    const auto membership = tx.membership(user_id, admin.werkplaats_id);
    if (!membership) return AccountResult::not_found;
    if (!keeps_an_admin(tx, admin.werkplaats_id, user_id, role, disabled)) {
        return AccountResult::not_allowed;
    }
    // A disabled member's sessions and tokens in this Werkplaats stop working at once:
    // every request looks up the enabled membership.
    tx.upsert_membership({user_id, admin.werkplaats_id, role, disabled});
    return AccountResult::done;
}

TokenOutcome create_api_token(Transaction& tx, const Actor& actor, const std::string& name,
                              Role role, int days, time::Timestamp now) {
    TokenOutcome outcome;
    if (!has_role(actor.role, role)) {
        outcome.errors.push_back({"role", "error.role_too_high"});
    }
    const std::string trimmed_name = text::trim(name);
    check_name(outcome.errors, trimmed_name);
    if (days < 1 || days > AccountLimits::max_token_days) {
        outcome.errors.push_back({"days", "error.token_days_range",
                                  static_cast<long long>(AccountLimits::max_token_days)});
    }
    if (!outcome.errors.empty()) return outcome;
    outcome.token = security::random_token(32);
    outcome.token_id = tx.insert_api_token({0, security::token_digest(outcome.token), actor.user_id,
                                            actor.werkplaats_id, role, trimmed_name, now,
                                            now + static_cast<time::Timestamp>(days) * 24 * 3600,
                                            std::nullopt, std::nullopt});
    outcome.result = AccountResult::done;
    return outcome;
}

AccountResult revoke_api_token(Transaction& tx, const Actor& admin, std::int64_t token_id,
                               time::Timestamp now) {
    if (admin.role != Role::admin) return AccountResult::not_allowed;
    const auto tokens = tx.api_tokens(admin.werkplaats_id);
    const bool ours = std::any_of(tokens.begin(), tokens.end(),
                                  [&](const ApiToken& token) { return token.id == token_id; });
    if (!ours) return AccountResult::not_found;
    tx.revoke_api_token(token_id, now);
    return AccountResult::done;
}

void set_password(Transaction& tx, std::int64_t user_id, const std::string& password_hash) {
    tx.update_user_password(user_id, password_hash);
    tx.delete_sessions_of(user_id);
}

AccountResult assign_event_hosts(Transaction& tx, const Actor& organiser, std::int64_t event_id,
                                 const std::vector<std::int64_t>& user_ids) {
    if (!has_role(organiser.role, Role::organiser)) return AccountResult::not_allowed;
    const auto event = tx.event(event_id);
    if (!event || event->werkplaats_id != organiser.werkplaats_id) return AccountResult::not_found;
    for (const auto user_id : user_ids) {
        if (!tx.membership(user_id, organiser.werkplaats_id)) return AccountResult::invalid;
    }
    tx.set_event_hosts(event_id, user_ids);
    return AccountResult::done;
}

}  // namespace kc::app
