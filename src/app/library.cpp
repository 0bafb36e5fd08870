#include "app/library.hpp"

#include <sodium.h>

#include <algorithm>

namespace kc::app {

namespace {

std::string sha256_hex(const std::string& bytes) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

std::vector<std::int64_t> without_duplicates(std::vector<std::int64_t> ids) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

domain::PublicationFile file_of(const FileUpload& upload) {
    domain::PublicationFile file;
    file.media_type = "application/pdf";
    file.size = static_cast<std::int64_t>(upload.bytes.size());
    file.original_name = domain::safe_file_name(upload.name);
    file.sha256 = sha256_hex(upload.bytes);
    return file;
}

void check_file(FieldErrors& errors, const FileUpload& upload) {
    switch (domain::check_pdf(upload.bytes)) {
        case domain::FileCheck::pdf:
            return;
        case domain::FileCheck::too_large:
            errors.push_back({"file", "library.error.too_large",
                              domain::PublicationLimits::file_bytes / (1024 * 1024)});
            return;
        case domain::FileCheck::empty:
        case domain::FileCheck::not_pdf:
            errors.push_back({"file", "library.error.not_pdf"});
            return;
    }
}

// The ids among `ids` whose record `owner_of` does not find in the Werkplaats: missing or
// another Werkplaats's, which a form must not be able to tell apart.
template <typename OwnerOf>
std::vector<std::int64_t> foreign_ids(const std::vector<std::int64_t>& ids,
                                      std::int64_t werkplaats_id, OwnerOf owner_of) {
    std::vector<std::int64_t> foreign;
    for (const auto id : ids) {
        if (owner_of(id) != std::optional<std::int64_t>(werkplaats_id)) foreign.push_back(id);
    }
    return foreign;
}

// Validates a publication and its new file, and checks its themes, cafés and werkteams
// within the Werkplaats.
LibraryOutcome checked(Queries& queries, std::int64_t werkplaats_id,
                       domain::Publication& publication, const std::optional<FileUpload>& file) {
    LibraryOutcome outcome;
    publication.theme_ids = without_duplicates(std::move(publication.theme_ids));
    publication.event_ids = without_duplicates(std::move(publication.event_ids));
    publication.werkteam_ids = without_duplicates(std::move(publication.werkteam_ids));
    outcome.errors = domain::validate(publication);
    if (file) check_file(outcome.errors, *file);
    outcome.unknown_themes =
        foreign_ids(publication.theme_ids, werkplaats_id, [&](std::int64_t id) {
            const auto theme = queries.theme(id);
            return theme ? std::optional(theme->werkplaats_id) : std::nullopt;
        });
    outcome.unknown_events =
        foreign_ids(publication.event_ids, werkplaats_id, [&](std::int64_t id) {
            const auto event = queries.event(id);
            return event ? std::optional(event->werkplaats_id) : std::nullopt;
        });
    outcome.unknown_werkteams =
        foreign_ids(publication.werkteam_ids, werkplaats_id, [&](std::int64_t id) {
            const auto werkteam = queries.werkteam(id);
            return werkteam ? std::optional(werkteam->werkplaats_id) : std::nullopt;
        });
    if (!outcome.unknown_themes.empty()) {
        outcome.errors.push_back({"themes", "library.error.unknown_themes"});
    }
    if (!outcome.unknown_events.empty()) {
        outcome.errors.push_back({"events", "library.error.unknown_events"});
    }
    if (!outcome.unknown_werkteams.empty()) {
        outcome.errors.push_back({"werkteams", "library.error.unknown_werkteams"});
    }
    outcome.result = outcome.errors.empty() ? LibraryResult::done : LibraryResult::invalid;
    return outcome;
}

}  // namespace

FieldErrors with_validation(FieldErrors reading, const domain::Publication& publication) {
    const auto named = reading;
    for (auto& error : domain::validate(publication)) {
        const bool already = std::any_of(named.begin(), named.end(), [&](const FieldError& seen) {
            return seen.field == error.field;
        });
        if (!already) reading.push_back(std::move(error));
    }
    return reading;
}

std::optional<domain::Publication> own_publication(Queries& queries, std::int64_t werkplaats_id,
                                                   std::int64_t publication_id) {
    auto publication = queries.publication(publication_id);
    if (!publication || publication->werkplaats_id != werkplaats_id || publication->deleted_at) {
        return std::nullopt;
    }
    return publication;
}

LibraryOutcome create_publication(Transaction& tx, std::int64_t werkplaats_id,
                                  domain::Publication publication,
                                  const std::optional<FileUpload>& file, time::Timestamp now) {
    publication.werkplaats_id = werkplaats_id;
    publication.file = file ? std::optional(file_of(*file)) : std::nullopt;
    auto outcome = checked(tx, werkplaats_id, publication, file);
    if (outcome.result != LibraryResult::done) return outcome;
    publication.created_at = now;
    publication.updated_at = now;
    publication.deleted_at.reset();
    outcome.publication_id = tx.insert_publication(publication);
    if (file) tx.save_publication_file(outcome.publication_id, *publication.file, file->bytes, now);
    return outcome;
}

LibraryOutcome update_publication(Transaction& tx, std::int64_t werkplaats_id,
                                  domain::Publication edited, const std::optional<FileUpload>& file,
                                  time::Timestamp now) {
    const auto stored = own_publication(tx, werkplaats_id, edited.id);
    if (!stored) return {};
    edited.werkplaats_id = werkplaats_id;
    // What a publication offers to read includes the file it already has.
    edited.file = file ? std::optional(file_of(*file)) : stored->file;
    auto outcome = checked(tx, werkplaats_id, edited, file);
    outcome.publication_id = edited.id;
    if (outcome.result != LibraryResult::done) return outcome;
    edited.updated_at = now;
    tx.update_publication(edited);
    if (file) tx.save_publication_file(edited.id, *edited.file, file->bytes, now);
    return outcome;
}

LibraryOutcome delete_publication(Transaction& tx, std::int64_t werkplaats_id,
                                  std::int64_t publication_id, time::Timestamp now) {
    if (!own_publication(tx, werkplaats_id, publication_id)) return {};
    tx.delete_publication(publication_id, now);
    LibraryOutcome outcome;
    outcome.result = LibraryResult::done;
    outcome.publication_id = publication_id;
    return outcome;
}

std::string publication_path(std::int64_t publication_id) {
    return "/library/" + std::to_string(publication_id);
}

}  // namespace kc::app
