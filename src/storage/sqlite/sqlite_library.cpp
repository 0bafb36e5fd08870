// The library ports (src/app/library_store.hpp) on SQLite. Schema:
// migrations/sqlite/0011_library.sql; the Dutch tokenizer of its full-text index is in
// dutch_tokenizer.cpp.
#include <algorithm>
#include <charconv>

#include "storage/sqlite/lines.hpp"
#include "storage/sqlite/sqlite_queries.hpp"

namespace kc::storage::sqlite {

namespace {

// The marks FTS5's snippet() puts around matched words. Neither can occur in a stored
// text, since validation refuses control characters.
constexpr char highlight_start = '\x02';
constexpr char highlight_end = '\x03';
// How many words a snippet holds around the matches.
constexpr int snippet_words = 24;
// A search uses its first words only, so a pasted page cannot make a huge query.
constexpr std::size_t max_search_words = 12;

// The columns of a publication row as read_publication() reads them. Lists leave the body
// out: it may be 100 KB, and no list shows it.
std::string publication_columns(bool with_body) {
    return std::string(
               "p.id, p.werkplaats_id, p.title, p.kind, p.authors, p.published_on, p.summary, ") +
           (with_body ? "p.body" : "''") +
           ", p.link, p.file_media_type, p.file_size, p.file_name, p.file_sha256, p.created_at, "
           "p.updated_at, p.deleted_at, "
           "(SELECT group_concat(theme_id) FROM publication_themes WHERE publication_id = p.id), "
           "(SELECT group_concat(event_id) FROM publication_events WHERE publication_id = p.id), "
           "(SELECT group_concat(werkteam_id) FROM publication_werkteams "
           "WHERE publication_id = p.id)";
}
constexpr int publication_column_count = 19;

std::vector<std::int64_t> sorted_ids(const std::string& joined) {
    std::vector<std::int64_t> ids;
    const char* position = joined.data();
    const char* end = joined.data() + joined.size();
    while (position < end) {
        std::int64_t id = 0;
        const auto [next, error] = std::from_chars(position, end, id);
        if (error != std::errc()) break;
        ids.push_back(id);
        position = next < end && *next == ',' ? next + 1 : end;
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

domain::Publication read_publication(Statement& row) {
    domain::Publication publication;
    publication.id = row.integer(0);
    publication.werkplaats_id = row.integer(1);
    publication.title = row.text(2);
    publication.kind =
        domain::publication_kind_from_slug(row.text(3)).value_or(domain::PublicationKind::report);
    publication.authors = split_lines(row.text(4));
    publication.published_on =
        domain::parse_calendar_date(row.text(5)).value_or(domain::CalendarDate{});
    publication.summary = row.text(6);
    publication.body = row.text(7);
    publication.link = row.text(8);
    if (!row.is_null(9)) {
        publication.file =
            domain::PublicationFile{row.text(9), row.integer(10), row.text(11), row.text(12)};
    }
    publication.created_at = row.integer(13);
    publication.updated_at = row.integer(14);
    publication.deleted_at = row.optional_integer(15);
    publication.theme_ids = sorted_ids(row.text(16));
    publication.event_ids = sorted_ids(row.text(17));
    publication.werkteam_ids = sorted_ids(row.text(18));
    return publication;
}

// An FTS5 query that finds every word of what a visitor typed, whatever they typed. Each word
// becomes a quoted string, in which FTS5 knows no operators (NEAR, AND, *, -, parentheses
// are plain text there), and a quote inside is doubled; the table's tokenizer then stems the
// word as it stemmed the texts. Empty when nothing searchable is left.
std::string match_expression(std::string_view words) {
    std::string expression;
    std::size_t count = 0;
    std::size_t at = 0;
    while (at < words.size() && count < max_search_words) {
        // Words are runs of letters and digits; any byte of a multi-byte UTF-8 character
        // counts as a letter here and is left to the tokenizer.
        auto is_word_byte = [](char c) {
            const auto byte = static_cast<unsigned char>(c);
            return byte >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                   (c >= 'A' && c <= 'Z');
        };
        while (at < words.size() && !is_word_byte(words[at])) ++at;
        const auto start = at;
        while (at < words.size() && is_word_byte(words[at])) ++at;
        if (at == start) break;
        if (!expression.empty()) expression += ' ';
        expression += '"';
        expression += words.substr(start, at - start);
        expression += '"';
        ++count;
    }
    return expression;
}

std::vector<app::SnippetPart> snippet_parts(const std::string& marked) {
    std::vector<app::SnippetPart> parts;
    bool highlighted = false;
    std::string current;
    auto flush = [&] {
        if (!current.empty()) parts.push_back({std::move(current), highlighted});
        current.clear();
    };
    for (const char c : marked) {
        if (c == highlight_start || c == highlight_end) {
            flush();
            highlighted = c == highlight_start;
        } else {
            current += c;
        }
    }
    flush();
    return parts;
}

// The filters both search forms share, with the Werkplaats as ?1, kind ?2, theme ?3, year
// ?4, café ?8 and werkteam ?9; NULL leaves a filter out.
const std::string search_filters =
    "p.werkplaats_id = ?1 AND p.deleted_at IS NULL AND (?2 IS NULL OR p.kind = ?2) "
    "AND (?3 IS NULL OR EXISTS (SELECT 1 FROM publication_themes t WHERE t.publication_id = p.id "
    "AND t.theme_id = ?3)) AND (?4 IS NULL OR substr(p.published_on, 1, 4) = ?4) "
    "AND (?8 IS NULL OR EXISTS (SELECT 1 FROM publication_events e WHERE e.publication_id = "
    "p.id AND e.event_id = ?8)) "
    "AND (?9 IS NULL OR EXISTS (SELECT 1 FROM publication_werkteams w WHERE w.publication_id = "
    "p.id AND w.werkteam_id = ?9))";

void bind_search_filters(Statement& statement, const app::LibrarySearch& search) {
    statement.bind(1, search.werkplaats_id);
    if (search.kind) {
        statement.bind(2, domain::to_slug(*search.kind));
    } else {
        statement.bind(2, std::nullopt);
    }
    statement.bind(3, search.theme_id);
    if (search.year) {
        statement.bind(4, std::to_string(*search.year));
    } else {
        statement.bind(4, std::nullopt);
    }
    statement.bind(8, search.event_id);
    statement.bind(9, search.werkteam_id);
}

}  // namespace

std::optional<domain::Publication> SqliteQueries::publication(std::int64_t id) {
    auto statement =
        db_.prepare("SELECT " + publication_columns(true) + " FROM publications p WHERE p.id = ?");
    statement->bind(1, id);
    if (!statement->step()) return std::nullopt;
    return read_publication(*statement);
}

app::Page<app::LibraryHit> SqliteQueries::search_publications(const app::LibrarySearch& search,
                                                              const app::PageRequest& page) {
    app::Page<app::LibraryHit> result;
    result.request = page;
    // Words with nothing searchable in them ("***") list everything, as no words do.
    const std::string match = match_expression(search.words);

    // Bm25 weighs a match in the title ten times one in the body, the authors and summary
    // in between: a publication about the words ranks above one that mentions them.
    const std::string from =
        match.empty() ? " FROM publications p WHERE " + search_filters
                      : " FROM publications_fts f JOIN publications p ON p.id = f.rowid WHERE "
                        "publications_fts MATCH ?5 AND " +
                            search_filters;
    {
        auto count = db_.prepare("SELECT count(*)" + from);
        bind_search_filters(*count, search);
        if (!match.empty()) count->bind(5, match);
        count->step();
        result.total = static_cast<std::size_t>(count->integer(0));
    }
    const std::string select =
        match.empty() ? "SELECT " + publication_columns(false) + ", '', 0.0" + from +
                            " ORDER BY p.published_on DESC, p.id DESC LIMIT ?6 OFFSET ?7"
                      : "SELECT " + publication_columns(false) +
                            ", snippet(publications_fts, -1, char(2), char(3), '…', " +
                            std::to_string(snippet_words) +
                            "), bm25(publications_fts, 10.0, 4.0, 3.0, 1.0) AS score" + from +
                            " ORDER BY score, p.id LIMIT ?6 OFFSET ?7";
    auto statement = db_.prepare(select);
    bind_search_filters(*statement, search);
    if (match.empty()) {
        statement->bind(5, std::nullopt);
    } else {
        statement->bind(5, match);
    }
    statement->bind(6, static_cast<std::int64_t>(page.size))
        .bind(7, static_cast<std::int64_t>(page.offset()));
    while (statement->step()) {
        app::LibraryHit hit;
        hit.publication = read_publication(*statement);
        hit.snippet = snippet_parts(statement->text(publication_column_count));
        hit.rank = statement->real(publication_column_count + 1);
        result.items.push_back(std::move(hit));
    }
    return result;
}

std::vector<int> SqliteQueries::publication_years(std::int64_t werkplaats_id) {
    auto statement = db_.prepare(
        "SELECT DISTINCT CAST(substr(published_on, 1, 4) AS INTEGER) FROM publications "
        "WHERE werkplaats_id = ? AND deleted_at IS NULL ORDER BY 1 DESC");
    statement->bind(1, werkplaats_id);
    std::vector<int> years;
    while (statement->step()) years.push_back(static_cast<int>(statement->integer(0)));
    return years;
}

std::vector<app::PublicationChange> SqliteQueries::publication_changes(
    std::int64_t werkplaats_id, std::optional<time::Timestamp> from,
    std::optional<time::Timestamp> until, std::optional<app::PublicationCursor> after,
    std::size_t limit) {
    auto statement = db_.prepare(
        "SELECT " + publication_columns(false) +
        " FROM publications p WHERE p.werkplaats_id = ?1 AND (?2 IS NULL OR p.updated_at >= ?2) "
        "AND (?3 IS NULL OR p.updated_at <= ?3) AND (?4 IS NULL OR p.updated_at > ?4 OR "
        "(p.updated_at = ?4 AND p.id > ?5)) ORDER BY p.updated_at, p.id LIMIT ?6");
    statement->bind(1, werkplaats_id).bind(2, from).bind(3, until);
    if (after) {
        statement->bind(4, after->updated_at).bind(5, after->id);
    } else {
        statement->bind(4, std::nullopt).bind(5, std::nullopt);
    }
    statement->bind(6, static_cast<std::int64_t>(limit));
    std::vector<app::PublicationChange> changes;
    while (statement->step()) {
        app::PublicationChange change;
        change.publication = read_publication(*statement);
        change.updated_at = change.publication.updated_at;
        changes.push_back(std::move(change));
    }
    return changes;
}

std::size_t SqliteQueries::count_publication_changes(std::int64_t werkplaats_id,
                                                     std::optional<time::Timestamp> from,
                                                     std::optional<time::Timestamp> until) {
    auto statement = db_.prepare(
        "SELECT count(*) FROM publications WHERE werkplaats_id = ?1 AND (?2 IS NULL OR "
        "updated_at >= ?2) AND (?3 IS NULL OR updated_at <= ?3)");
    statement->bind(1, werkplaats_id).bind(2, from).bind(3, until);
    statement->step();
    return static_cast<std::size_t>(statement->integer(0));
}

std::optional<time::Timestamp> SqliteQueries::earliest_publication_change(
    std::int64_t werkplaats_id) {
    auto statement =
        db_.prepare("SELECT min(updated_at) FROM publications WHERE werkplaats_id = ?");
    statement->bind(1, werkplaats_id);
    statement->step();
    return statement->optional_integer(0);
}

std::optional<std::string> SqliteQueries::publication_file_bytes(std::int64_t publication_id) {
    auto statement = db_.prepare("SELECT bytes FROM publication_files WHERE publication_id = ?");
    statement->bind(1, publication_id);
    if (!statement->step()) return std::nullopt;
    return statement->blob(0);
}

std::int64_t SqliteQueries::insert_publication(const domain::Publication& publication) {
    auto statement = db_.prepare(
        "INSERT INTO publications (werkplaats_id, title, kind, authors, published_on, summary, "
        "body, link, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    statement->bind(1, publication.werkplaats_id)
        .bind(2, publication.title)
        .bind(3, domain::to_slug(publication.kind))
        .bind(4, join_lines(publication.authors))
        .bind(5, domain::format_calendar_date(publication.published_on))
        .bind(6, publication.summary)
        .bind(7, publication.body)
        .bind(8, publication.link)
        .bind(9, publication.created_at)
        .bind(10, publication.updated_at)
        .run();
    const std::int64_t id = db_.last_insert_id();
    write_publication_links(id, publication);
    return id;
}

void SqliteQueries::update_publication(const domain::Publication& publication) {
    auto statement = db_.prepare(
        "UPDATE publications SET title = ?, kind = ?, authors = ?, published_on = ?, summary = ?, "
        "body = ?, link = ?, updated_at = ? WHERE id = ?");
    statement->bind(1, publication.title)
        .bind(2, domain::to_slug(publication.kind))
        .bind(3, join_lines(publication.authors))
        .bind(4, domain::format_calendar_date(publication.published_on))
        .bind(5, publication.summary)
        .bind(6, publication.body)
        .bind(7, publication.link)
        .bind(8, publication.updated_at)
        .bind(9, publication.id)
        .run();
    write_publication_links(publication.id, publication);
}

void SqliteQueries::write_publication_links(std::int64_t publication_id,
                                            const domain::Publication& publication) {
    // The three link tables have one shape: (publication_id, other id).
    const auto replace = [&](const std::string& table, const std::string& column,
                             const std::vector<std::int64_t>& ids) {
        db_.prepare("DELETE FROM " + table + " WHERE publication_id = ?")
            ->bind(1, publication_id)
            .run();
        for (const auto id : ids) {
            db_.prepare("INSERT OR IGNORE INTO " + table + " (publication_id, " + column +
                        ") VALUES (?, ?)")
                ->bind(1, publication_id)
                .bind(2, id)
                .run();
        }
    };
    replace("publication_themes", "theme_id", publication.theme_ids);
    replace("publication_events", "event_id", publication.event_ids);
    replace("publication_werkteams", "werkteam_id", publication.werkteam_ids);
}

void SqliteQueries::save_publication_file(std::int64_t publication_id,
                                          const domain::PublicationFile& file,
                                          const std::string& bytes, time::Timestamp now) {
    db_.prepare(
           "UPDATE publications SET file_media_type = ?, file_size = ?, file_name = ?, "
           "file_sha256 = ?, updated_at = ? WHERE id = ?")
        ->bind(1, file.media_type)
        .bind(2, file.size)
        .bind(3, file.original_name)
        .bind(4, file.sha256)
        .bind(5, now)
        .bind(6, publication_id)
        .run();
    db_.prepare("INSERT OR REPLACE INTO publication_files (publication_id, bytes) VALUES (?, ?)")
        ->bind(1, publication_id)
        .bind_blob(2, bytes)
        .run();
}

void SqliteQueries::delete_publication(std::int64_t publication_id, time::Timestamp now) {
    db_.prepare("DELETE FROM publication_files WHERE publication_id = ?")
        ->bind(1, publication_id)
        .run();
    write_publication_links(publication_id, domain::Publication{});
    db_.prepare(
           "UPDATE publications SET title = '', authors = '', summary = '', body = '', link = '', "
           "file_media_type = NULL, file_size = NULL, file_name = NULL, file_sha256 = NULL, "
           "deleted_at = ?1, updated_at = ?1 WHERE id = ?2")
        ->bind(1, now)
        .bind(2, publication_id)
        .run();
}

}  // namespace kc::storage::sqlite
