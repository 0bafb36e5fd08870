// The harvest and follow-up ports (src/app/follow_up_store.hpp) on SQLite. Schema:
// migrations/sqlite/0012_follow_up.sql. The filters are fixed statements with optional
// parameters ("?2 IS NULL OR ..."), so each is prepared once and cached.
#include <algorithm>

#include "storage/sqlite/sqlite_queries.hpp"

namespace kc::storage::sqlite {

namespace {

const std::string item_columns =
    "id, event_id, kind, text, table_name, round, programme_item, recorded_by_user, "
    "recorded_by_link, recorded_by_name, created_at, updated_at";

domain::HarvestItem read_item(Statement& row) {
    domain::HarvestItem item;
    item.id = row.integer(0);
    item.event_id = row.integer(1);
    item.kind = domain::harvest_kind_from_slug(row.text(2)).value_or(domain::HarvestKind::insight);
    item.text = row.text(3);
    item.origin.table = row.text(4);
    item.origin.round = static_cast<int>(row.integer(5));
    item.origin.programme_item = row.text(6);
    item.author.user_id = row.optional_integer(7);
    item.author.link_id = row.optional_integer(8);
    item.author.name = row.text(9);
    item.created_at = row.integer(10);
    item.updated_at = row.integer(11);
    return item;
}

std::int64_t kind_order(domain::HarvestKind kind) {
    const auto& kinds = domain::all_harvest_kinds();
    return std::find(kinds.begin(), kinds.end(), kind) - kinds.begin();
}

// The harvest filter's condition on harvest_items, parameters ?1 to ?4.
const std::string item_condition =
    " WHERE event_id = ?1 AND (?2 IS NULL OR kind = ?2) AND (?3 IS NULL OR recorded_by_link = ?3) "
    "AND (?4 = 0 OR kind <> 'quote')";

void bind_item_filter(Statement& statement, const app::HarvestFilter& filter) {
    std::optional<std::string> kind;
    if (filter.kind) kind = std::string(domain::to_slug(*filter.kind));
    statement.bind(1, filter.event_id)
        .bind(2, kind)
        .bind(3, filter.link_id)
        .bind(4, filter.public_only);
}

app::HarvestLink read_link(Statement& row) {
    return {
        row.integer(0), row.integer(1),         row.text(2), row.text(3), row.optional_integer(4),
        row.integer(5), row.optional_integer(6)};
}

const std::string link_columns =
    "id, event_id, name, token_hash, created_by, created_at, revoked_at";

const std::string action_columns =
    "a.id, a.event_id, a.werkplaats_id, a.description, a.owner, a.contact, a.due_on, a.status, "
    "a.created_at, a.updated_at";

domain::Action read_action(Statement& row) {
    domain::Action action;
    action.id = row.integer(0);
    action.event_id = row.integer(1);
    action.werkplaats_id = row.integer(2);
    action.draft = {row.text(3), row.text(4), row.text(5), row.text(6)};
    action.status =
        domain::action_status_from_slug(row.text(7)).value_or(domain::ActionStatus::open);
    action.created_at = row.integer(8);
    action.updated_at = row.integer(9);
    return action;
}

// The board's filter on actions `a` joined with their events `e`, parameters ?1 to ?7.
const std::string action_condition =
    " FROM actions a JOIN events e ON e.id = a.event_id WHERE a.werkplaats_id = ?1 "
    "AND (?2 IS NULL OR a.event_id = ?2) AND (?3 IS NULL OR e.theme_id = ?3) "
    "AND (?4 = '' OR a.owner = ?4) AND (?5 IS NULL OR a.status = ?5) "
    "AND (?6 IS NULL OR (a.due_on < ?6 AND a.status IN ('open', 'in_progress'))) "
    "AND (?7 = 0 OR e.status IN ('published', 'held'))";

void bind_action_filter(Statement& statement, const app::ActionFilter& filter) {
    std::optional<std::string> status;
    if (filter.status) status = std::string(domain::to_slug(*filter.status));
    statement.bind(1, filter.werkplaats_id)
        .bind(2, filter.event_id)
        .bind(3, filter.theme_id)
        .bind(4, filter.owner)
        .bind(5, status)
        .bind(6, filter.overdue_on)
        .bind(7, filter.public_only);
}

std::size_t count_of(Statement& statement) {
    statement.step();
    return static_cast<std::size_t>(statement.integer(0));
}

}  // namespace

std::optional<domain::HarvestItem> SqliteQueries::harvest_item(std::int64_t id) {
    auto statement = db_.prepare("SELECT " + item_columns + " FROM harvest_items WHERE id = ?");
    statement->bind(1, id);
    if (!statement->step()) return std::nullopt;
    return read_item(*statement);
}

app::Page<domain::HarvestItem> SqliteQueries::harvest_items(const app::HarvestFilter& filter,
                                                            const app::PageRequest& page) {
    app::Page<domain::HarvestItem> result;
    result.request = page;
    {
        auto count = db_.prepare("SELECT COUNT(*) FROM harvest_items" + item_condition);
        bind_item_filter(*count, filter);
        result.total = count_of(*count);
    }
    auto statement = db_.prepare("SELECT " + item_columns + " FROM harvest_items" + item_condition +
                                 " ORDER BY kind_order, table_name, round, id LIMIT ?5 OFFSET ?6");
    bind_item_filter(*statement, filter);
    statement->bind(5, static_cast<std::int64_t>(page.size))
        .bind(6, static_cast<std::int64_t>(page.offset()));
    while (statement->step()) result.items.push_back(read_item(*statement));
    return result;
}

std::size_t SqliteQueries::count_harvest_items(std::int64_t event_id) {
    auto statement = db_.prepare("SELECT COUNT(*) FROM harvest_items WHERE event_id = ?");
    statement->bind(1, event_id);
    return count_of(*statement);
}

std::vector<app::HarvestLink> SqliteQueries::harvest_links(std::int64_t event_id) {
    auto statement = db_.prepare("SELECT " + link_columns +
                                 " FROM harvest_links WHERE event_id = ? ORDER BY id DESC");
    statement->bind(1, event_id);
    std::vector<app::HarvestLink> links;
    while (statement->step()) links.push_back(read_link(*statement));
    return links;
}

std::optional<app::HarvestLink> SqliteQueries::harvest_link_by_token(
    const std::string& token_hash) {
    auto statement =
        db_.prepare("SELECT " + link_columns + " FROM harvest_links WHERE token_hash = ?");
    statement->bind(1, token_hash);
    if (!statement->step()) return std::nullopt;
    return read_link(*statement);
}

std::optional<domain::Action> SqliteQueries::action(std::int64_t id) {
    std::optional<domain::Action> action;
    {
        auto statement = db_.prepare("SELECT " + action_columns + " FROM actions a WHERE a.id = ?");
        statement->bind(1, id);
        if (!statement->step()) return std::nullopt;
        action = read_action(*statement);
    }
    load_action_history(*action);
    return action;
}

void SqliteQueries::load_action_history(domain::Action& action) {
    auto statement = db_.prepare(
        "SELECT at, status, text, by_name FROM action_updates WHERE action_id = ? ORDER BY id");
    statement->bind(1, action.id);
    while (statement->step()) {
        action.history.push_back(
            {statement->integer(0),
             domain::action_status_from_slug(statement->text(1)).value_or(action.status),
             statement->text(2), statement->text(3)});
    }
}

app::Page<domain::Action> SqliteQueries::actions(const app::ActionFilter& filter,
                                                 const app::PageRequest& page) {
    app::Page<domain::Action> result;
    result.request = page;
    {
        auto count = db_.prepare("SELECT COUNT(*)" + action_condition);
        bind_action_filter(*count, filter);
        result.total = count_of(*count);
    }
    {
        // Unfinished actions first, earliest due first, so the overdue ones lead.
        auto statement = db_.prepare(
            "SELECT " + action_columns + action_condition +
            " ORDER BY a.status IN ('done', 'dropped'), a.due_on, a.id LIMIT ?8 OFFSET ?9");
        bind_action_filter(*statement, filter);
        statement->bind(8, static_cast<std::int64_t>(page.size))
            .bind(9, static_cast<std::int64_t>(page.offset()));
        while (statement->step()) result.items.push_back(read_action(*statement));
    }
    for (auto& action : result.items) load_action_history(action);
    return result;
}

std::vector<std::string> SqliteQueries::action_owners(std::int64_t werkplaats_id) {
    // A filter list, not a report: a few hundred names at most are useful in a choice.
    auto statement = db_.prepare(
        "SELECT DISTINCT owner FROM actions WHERE werkplaats_id = ? ORDER BY owner LIMIT 300");
    statement->bind(1, werkplaats_id);
    std::vector<std::string> owners;
    while (statement->step()) owners.push_back(statement->text(0));
    return owners;
}

std::int64_t SqliteQueries::insert_harvest_item(const domain::HarvestItem& item) {
    auto statement = db_.prepare(
        "INSERT INTO harvest_items (event_id, kind, kind_order, text, table_name, round, "
        "programme_item, recorded_by_user, recorded_by_link, recorded_by_name, created_at, "
        "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    statement->bind(1, item.event_id)
        .bind(2, domain::to_slug(item.kind))
        .bind(3, kind_order(item.kind))
        .bind(4, item.text)
        .bind(5, item.origin.table)
        .bind(6, item.origin.round)
        .bind(7, item.origin.programme_item)
        .bind(8, item.author.user_id)
        .bind(9, item.author.link_id)
        .bind(10, item.author.name)
        .bind(11, item.created_at)
        .bind(12, item.updated_at)
        .run();
    return db_.last_insert_id();
}

void SqliteQueries::update_harvest_item(const domain::HarvestItem& item) {
    auto statement = db_.prepare(
        "UPDATE harvest_items SET kind = ?, kind_order = ?, text = ?, table_name = ?, round = ?, "
        "programme_item = ?, updated_at = ? WHERE id = ?");
    statement->bind(1, domain::to_slug(item.kind))
        .bind(2, kind_order(item.kind))
        .bind(3, item.text)
        .bind(4, item.origin.table)
        .bind(5, item.origin.round)
        .bind(6, item.origin.programme_item)
        .bind(7, item.updated_at)
        .bind(8, item.id)
        .run();
}

void SqliteQueries::delete_harvest_item(std::int64_t id) {
    auto statement = db_.prepare("DELETE FROM harvest_items WHERE id = ?");
    statement->bind(1, id).run();
}

std::int64_t SqliteQueries::insert_harvest_link(const app::HarvestLink& link) {
    auto statement = db_.prepare(
        "INSERT INTO harvest_links (event_id, name, token_hash, created_by, created_at, "
        "revoked_at) VALUES (?, ?, ?, ?, ?, ?)");
    statement->bind(1, link.event_id)
        .bind(2, link.name)
        .bind(3, link.token_hash)
        .bind(4, link.created_by)
        .bind(5, link.created_at)
        .bind(6, link.revoked_at)
        .run();
    return db_.last_insert_id();
}

void SqliteQueries::revoke_harvest_link(std::int64_t id, time::Timestamp now) {
    auto statement = db_.prepare("UPDATE harvest_links SET revoked_at = ? WHERE id = ?");
    statement->bind(1, now).bind(2, id).run();
}

std::int64_t SqliteQueries::insert_action(const domain::Action& action) {
    std::int64_t id = 0;
    {
        auto statement = db_.prepare(
            "INSERT INTO actions (werkplaats_id, event_id, description, owner, contact, due_on, "
            "status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        statement->bind(1, action.werkplaats_id)
            .bind(2, action.event_id)
            .bind(3, action.draft.description)
            .bind(4, action.draft.owner)
            .bind(5, action.draft.contact)
            .bind(6, action.draft.due_on)
            .bind(7, domain::to_slug(action.status))
            .bind(8, action.created_at)
            .bind(9, action.updated_at)
            .run();
        id = db_.last_insert_id();
    }
    for (const auto& update : action.history) insert_action_update(id, update);
    return id;
}

void SqliteQueries::insert_action_update(std::int64_t action_id,
                                         const domain::ActionUpdate& update) {
    auto statement = db_.prepare(
        "INSERT INTO action_updates (action_id, at, status, text, by_name) VALUES (?, ?, ?, ?, ?)");
    statement->bind(1, action_id)
        .bind(2, update.at)
        .bind(3, domain::to_slug(update.status))
        .bind(4, update.text)
        .bind(5, update.by_name)
        .run();
}

void SqliteQueries::add_action_update(std::int64_t action_id, const domain::ActionUpdate& update) {
    {
        auto statement = db_.prepare("UPDATE actions SET status = ?, updated_at = ? WHERE id = ?");
        statement->bind(1, domain::to_slug(update.status))
            .bind(2, update.at)
            .bind(3, action_id)
            .run();
    }
    insert_action_update(action_id, update);
}

}  // namespace kc::storage::sqlite
