#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/paging.hpp"
#include "core/time.hpp"
#include "domain/publication.hpp"

namespace kc::app {

// A position in the list of changes, ordered by (updated_at, id): the next change is the
// first one after it. Harvesters resume from here (OAI-PMH resumption tokens).
struct PublicationCursor {
    time::Timestamp updated_at = 0;
    std::int64_t id = 0;

    bool operator==(const PublicationCursor&) const = default;
};

// One publication as it is now, for a harvester. For a deleted one only the id and
// `deleted_at` are known: `publication` carries them, its texts are empty.
struct PublicationChange {
    domain::Publication publication;
    time::Timestamp updated_at = 0;

    bool deleted() const { return publication.deleted_at.has_value(); }
    PublicationCursor cursor() const { return {updated_at, publication.id}; }
};

// What a visitor looks for in the library. Empty `words` lists every publication that passes
// the filters, newest first; otherwise the best matches come first.
struct LibrarySearch {
    std::int64_t werkplaats_id = 0;
    std::string words;
    std::optional<domain::PublicationKind> kind;
    std::optional<std::int64_t> theme_id;
    std::optional<int> year;
    // Only the publications that belong to this café.
    std::optional<std::int64_t> event_id;
    // Only the publications that belong to this werkteam.
    std::optional<std::int64_t> werkteam_id;
};

// A piece of a search result's snippet: the words that matched are `highlighted`. The web
// layer escapes each piece and marks the highlighted ones.
struct SnippetPart {
    std::string text;
    bool highlighted = false;

    bool operator==(const SnippetPart&) const = default;
};

// One publication found. Its body is left out (a list never needs it); `rank` is bm25's
// score, lower is better, 0 without search words.
struct LibraryHit {
    domain::Publication publication;
    std::vector<SnippetPart> snippet;
    double rank = 0;
};

// The library's reads; `Queries` extends this (src/storage/sqlite/sqlite_library.cpp).
class LibraryQueries {
  public:
    virtual ~LibraryQueries() = default;

    // Any publication, deleted ones included (as tombstones); the caller checks the
    // Werkplaats.
    virtual std::optional<domain::Publication> publication(std::int64_t id) = 0;

    // Publications of a Werkplaats that are not deleted and match the search. Words are
    // stemmed as Dutch and all must occur (in the title, authors, summary or body); any text
    // is a valid search, whatever characters it holds.
    virtual Page<LibraryHit> search_publications(const LibrarySearch& search,
                                                 const PageRequest& page) = 0;
    // The years in which the Werkplaats's publications appeared, newest first.
    virtual std::vector<int> publication_years(std::int64_t werkplaats_id) = 0;

    // The publications of a Werkplaats, deleted ones included, whose last change lies in
    // [from, until] (both inclusive, either open), ordered by (updated_at, id), starting
    // after `after`, at most `limit`.
    virtual std::vector<PublicationChange> publication_changes(
        std::int64_t werkplaats_id, std::optional<time::Timestamp> from,
        std::optional<time::Timestamp> until, std::optional<PublicationCursor> after,
        std::size_t limit) = 0;
    // How many publications of a Werkplaats, deleted ones included, last changed in
    // [from, until]: the length of the list publication_changes pages through.
    virtual std::size_t count_publication_changes(std::int64_t werkplaats_id,
                                                  std::optional<time::Timestamp> from,
                                                  std::optional<time::Timestamp> until) = 0;
    // The time of the oldest change of a Werkplaats's publications, or nothing when it has
    // none.
    virtual std::optional<time::Timestamp> earliest_publication_change(
        std::int64_t werkplaats_id) = 0;
    // The bytes of a publication's file, or nothing when it has none.
    virtual std::optional<std::string> publication_file_bytes(std::int64_t publication_id) = 0;
};

// The library's writes; `Transaction` extends this.
class LibraryWrites {
  public:
    virtual ~LibraryWrites() = default;

    // Stores a new publication with its themes and events; returns its id.
    virtual std::int64_t insert_publication(const domain::Publication& publication) = 0;
    // Replaces texts, kind, date, authors, link, themes and events; the file stays as it is.
    virtual void update_publication(const domain::Publication& publication) = 0;
    // Sets or replaces the file of a publication (its metadata and its bytes).
    virtual void save_publication_file(std::int64_t publication_id,
                                       const domain::PublicationFile& file,
                                       const std::string& bytes, time::Timestamp now) = 0;
    // Makes the publication a tombstone: texts, authors, links and file erased, only the
    // id, Werkplaats and `deleted_at` stay.
    virtual void delete_publication(std::int64_t publication_id, time::Timestamp now) = 0;
};

}  // namespace kc::app
