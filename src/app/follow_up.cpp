#include "app/follow_up.hpp"

#include "app/security.hpp"
#include "core/text.hpp"

namespace kc::app {

namespace {

FollowUpOutcome outcome(FollowUpStatus status) { return {status, {}, 0, {}}; }

FollowUpOutcome invalid(FieldErrors errors) {
    return {FollowUpStatus::invalid, std::move(errors), 0, {}};
}

// The item, if it is one of the scope's café and (through a link) that link's own.
std::optional<domain::HarvestItem> own_item(Queries& queries, const EventScope& scope,
                                            std::int64_t item_id, const Recorder& recorder) {
    if (!event_in_scope(queries, scope)) return std::nullopt;
    auto item = queries.harvest_item(item_id);
    if (!item || item->event_id != scope.event_id) return std::nullopt;
    if (recorder.is_link() && item->author.link_id != recorder.author.link_id) return std::nullopt;
    return item;
}

FieldErrors check_item(Queries& queries, const domain::Event& event,
                       const domain::HarvestItem& item) {
    const auto cafe = queries.world_cafe(event.id);
    return domain::validate(item, event, cafe ? &*cafe : nullptr);
}

void trim_item(domain::HarvestItem& item) {
    item.text = text::trim(item.text);
    item.origin.table = text::trim(item.origin.table);
    item.origin.programme_item = text::trim(item.origin.programme_item);
}

}  // namespace

FollowUpOutcome add_harvest_item(Transaction& tx, const EventScope& scope, domain::HarvestItem item,
                                 const Recorder& recorder, time::Timestamp now) {
    const auto event = event_in_scope(tx, scope);
    if (!event) return outcome(FollowUpStatus::not_found);
    trim_item(item);
    if (auto errors = check_item(tx, *event, item); !errors.empty()) return invalid(errors);
    if (tx.count_harvest_items(event->id) >= domain::HarvestLimits::items_per_event) {
        return invalid({{"text", "follow_up.error.harvest_full",
                         static_cast<long long>(domain::HarvestLimits::items_per_event)}});
    }
    item.id = 0;
    item.event_id = event->id;
    item.author = recorder.author;
    item.created_at = item.updated_at = now;
    auto result = outcome(FollowUpStatus::done);
    result.id = tx.insert_harvest_item(item);
    return result;
}

FollowUpOutcome update_harvest_item(Transaction& tx, const EventScope& scope, std::int64_t item_id,
                                    domain::HarvestItem changes, const Recorder& recorder,
                                    time::Timestamp now) {
    auto item = own_item(tx, scope, item_id, recorder);
    if (!item) return outcome(FollowUpStatus::not_found);
    trim_item(changes);
    if (auto errors = check_item(tx, *event_in_scope(tx, scope), changes); !errors.empty()) {
        return invalid(errors);
    }
    item->kind = changes.kind;
    item->text = std::move(changes.text);
    item->origin = std::move(changes.origin);
    item->updated_at = now;
    tx.update_harvest_item(*item);
    auto result = outcome(FollowUpStatus::done);
    result.id = item->id;
    return result;
}

FollowUpOutcome delete_harvest_item(Transaction& tx, const EventScope& scope, std::int64_t item_id,
                                    const Recorder& recorder) {
    if (!own_item(tx, scope, item_id, recorder)) return outcome(FollowUpStatus::not_found);
    tx.delete_harvest_item(item_id);
    auto result = outcome(FollowUpStatus::done);
    result.id = item_id;
    return result;
}

FollowUpOutcome create_harvest_link(Transaction& tx, const EventScope& scope, std::string name,
                                    std::optional<std::int64_t> created_by, time::Timestamp now) {
    if (!event_in_scope(tx, scope)) return outcome(FollowUpStatus::not_found);
    name = text::trim(name);
    if (auto errors = domain::validate_link_name(name); !errors.empty()) return invalid(errors);
    if (tx.harvest_links(scope.event_id).size() >= domain::HarvestLimits::links_per_event) {
        return invalid({{"name", "follow_up.error.too_many_links",
                         static_cast<long long>(domain::HarvestLimits::links_per_event)}});
    }
    auto result = outcome(FollowUpStatus::done);
    result.token = security::random_token();
    result.id =
        tx.insert_harvest_link({0, scope.event_id, name, security::token_digest(result.token),
                                created_by, now, std::nullopt});
    return result;
}

FollowUpOutcome revoke_harvest_link(Transaction& tx, const EventScope& scope, std::int64_t link_id,
                                    time::Timestamp now) {
    if (!event_in_scope(tx, scope)) return outcome(FollowUpStatus::not_found);
    for (const auto& link : tx.harvest_links(scope.event_id)) {
        if (link.id != link_id) continue;
        if (!link.revoked_at) tx.revoke_harvest_link(link_id, now);
        auto result = outcome(FollowUpStatus::done);
        result.id = link_id;
        return result;
    }
    return outcome(FollowUpStatus::not_found);
}

Recorder HarvestLinkAccess::recorder() const { return {{std::nullopt, link.id, link.name}}; }

std::optional<HarvestLinkAccess> harvest_link_access(Queries& queries, std::string_view token) {
    if (token.empty()) return std::nullopt;
    auto link = queries.harvest_link_by_token(security::token_digest(token));
    if (!link || link->revoked_at) return std::nullopt;
    auto event = queries.event(link->event_id);
    if (!event) return std::nullopt;
    return HarvestLinkAccess{std::move(*link), std::move(*event)};
}

FollowUpOutcome create_action(Transaction& tx, const EventScope& scope, domain::ActionDraft draft,
                              const std::string& by_name, time::Timestamp now) {
    if (!event_in_scope(tx, scope)) return outcome(FollowUpStatus::not_found);
    draft.description = text::trim(draft.description);
    draft.owner = text::trim(draft.owner);
    draft.contact = text::trim(draft.contact);
    draft.due_on = text::trim(draft.due_on);
    if (auto errors = domain::validate(draft); !errors.empty()) return invalid(errors);
    domain::Action action;
    action.event_id = scope.event_id;
    action.werkplaats_id = scope.werkplaats_id;
    action.draft = std::move(draft);
    action.created_at = action.updated_at = now;
    action.history.push_back({now, domain::ActionStatus::open, "", by_name});
    auto result = outcome(FollowUpStatus::done);
    result.id = tx.insert_action(action);
    return result;
}

std::optional<domain::Action> action_in_werkplaats(Queries& queries, std::int64_t werkplaats_id,
                                                   std::int64_t action_id) {
    auto action = queries.action(action_id);
    if (!action || action->werkplaats_id != werkplaats_id) return std::nullopt;
    return action;
}

FollowUpOutcome change_action_status(Transaction& tx, std::int64_t werkplaats_id,
                                     std::int64_t action_id, domain::ActionStatus status,
                                     std::string update, const std::string& by_name,
                                     time::Timestamp now) {
    const auto action = action_in_werkplaats(tx, werkplaats_id, action_id);
    if (!action) return outcome(FollowUpStatus::not_found);
    update = text::trim(update);
    if (domain::check_transition(action->status, status, update) ==
        domain::TransitionCheck::not_allowed) {
        auto refused = outcome(FollowUpStatus::not_allowed);
        refused.errors = domain::validate_change(action->status, status, update);
        return refused;
    }
    if (auto errors = domain::validate_change(action->status, status, update); !errors.empty()) {
        return invalid(errors);
    }
    if (action->history.size() >= domain::ActionLimits::history) {
        return invalid({{"update", "follow_up.error.history_full",
                         static_cast<long long>(domain::ActionLimits::history)}});
    }
    tx.add_action_update(action_id, {now, status, update, by_name});
    auto result = outcome(FollowUpStatus::done);
    result.id = action_id;
    return result;
}

}  // namespace kc::app
