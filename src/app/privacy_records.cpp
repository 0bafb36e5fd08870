#include "app/privacy_records.hpp"

#include <array>
#include <utility>

namespace kc::app {

namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> from_slug(const std::array<std::string_view, N>& slugs, std::string_view slug) {
    for (std::size_t i = 0; i < N; ++i) {
        if (slugs[i] == slug) return static_cast<Enum>(i);
    }
    return std::nullopt;
}

constexpr std::array<std::string_view, 2> consent_slugs = {"photos", "contact"};
constexpr std::array<std::string_view, 4> actor_slugs = {"account", "api_token", "participant",
                                                         "system"};
constexpr std::array<std::string_view, 11> action_slugs = {"viewed_checkin_list",
                                                           "viewed_registrations",
                                                           "viewed_personal_data",
                                                           "exported",
                                                           "changed_registration",
                                                           "erased",
                                                           "purged",
                                                           "consent_given",
                                                           "consent_withdrawn",
                                                           "settings_changed",
                                                           "other"};

}  // namespace

std::string_view to_slug(ConsentKind kind) { return consent_slugs[static_cast<std::size_t>(kind)]; }

std::optional<ConsentKind> consent_kind_from_slug(std::string_view slug) {
    return from_slug<ConsentKind>(consent_slugs, slug);
}

std::string_view to_slug(ActorKind kind) { return actor_slugs[static_cast<std::size_t>(kind)]; }

std::optional<ActorKind> actor_kind_from_slug(std::string_view slug) {
    return from_slug<ActorKind>(actor_slugs, slug);
}

std::string_view to_slug(AuditAction action) {
    return action_slugs[static_cast<std::size_t>(action)];
}

AuditAction audit_action_from_slug(std::string_view slug) {
    return from_slug<AuditAction>(action_slugs, slug).value_or(AuditAction::other);
}

AuditActor AuditActor::account(std::int64_t account_id, std::string name) {
    return {ActorKind::account, account_id, std::nullopt, std::move(name)};
}

AuditActor AuditActor::api_token(std::int64_t account_id, std::int64_t token_id, std::string name) {
    return {ActorKind::api_token, account_id, token_id, std::move(name)};
}

AuditActor AuditActor::participant() {
    return {ActorKind::participant, std::nullopt, std::nullopt, ""};
}

AuditActor AuditActor::system(std::string name) {
    return {ActorKind::system, std::nullopt, std::nullopt, std::move(name)};
}

}  // namespace kc::app
