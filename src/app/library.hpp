#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/store.hpp"
#include "domain/publication.hpp"

namespace kc::app {

enum class LibraryResult { done, invalid, not_found };

struct LibraryOutcome {
    LibraryResult result = LibraryResult::not_found;
    FieldErrors errors;
    std::int64_t publication_id = 0;
    // Theme, event and werkteam ids that are not the Werkplaats's, for an answer that names
    // them.
    std::vector<std::int64_t> unknown_themes;
    std::vector<std::int64_t> unknown_events;
    std::vector<std::int64_t> unknown_werkteams;
};

// A file as it was uploaded: its bytes and the name the uploader's computer gave it, kept
// only to offer a safe download name.
struct FileUpload {
    std::string bytes;
    std::string name;
};

// Adds a publication to the library of a Werkplaats after validating it, including that its
// themes, cafés and werkteams are the Werkplaats's own, with its file if one was uploaded. A file
// must be a PDF within the size limit ("library.error.not_pdf", "library.error.too_large" on the
// field "file"); it is checked by its content, never by its name.
LibraryOutcome create_publication(Transaction& tx, std::int64_t werkplaats_id,
                                  domain::Publication publication,
                                  const std::optional<FileUpload>& file, time::Timestamp now);

// Changes a publication's texts, kind, date, authors, link, themes, cafés and
// werkteams, and replaces
// its file when a new one was uploaded. A publication of another Werkplaats, or a deleted
// one, is not found.
LibraryOutcome update_publication(Transaction& tx, std::int64_t werkplaats_id,
                                  domain::Publication edited, const std::optional<FileUpload>& file,
                                  time::Timestamp now);

// Deletes a publication, keeping a tombstone for harvesters; its file is gone at once.
LibraryOutcome delete_publication(Transaction& tx, std::int64_t werkplaats_id,
                                  std::int64_t publication_id, time::Timestamp now);

// The errors found while reading a form or a JSON body, followed by what validating the
// publication finds in the other fields, so that every problem shows at once.
FieldErrors with_validation(FieldErrors reading, const domain::Publication& publication);

// A publication of the Werkplaats that is not deleted, or nothing.
std::optional<domain::Publication> own_publication(Queries& queries, std::int64_t werkplaats_id,
                                                   std::int64_t publication_id);

// The path of a publication's public page within its Werkplaats's site ("/library/12"), for
// the pages, their JSON-LD and the harvested records alike.
std::string publication_path(std::int64_t publication_id);

}  // namespace kc::app
