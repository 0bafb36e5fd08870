#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/store.hpp"

namespace kc::app {

enum class ThemeChangeResult { done, invalid, not_found };

struct ThemeChangeOutcome {
    ThemeChangeResult result = ThemeChangeResult::not_found;
    FieldErrors errors;
    std::int64_t theme_id = 0;
};

// What someone proposes: a theme, and where they would like the café, if anywhere.
struct ThemeProposal {
    std::string title;
    std::string description;
    std::string place;
};

// Puts a proposal on the Werkplaats's agenda as proposed; `source` says who brought it in.
ThemeChangeOutcome propose_theme(Transaction& tx, std::int64_t werkplaats_id,
                                 const ThemeProposal& proposal, domain::ThemeSource source,
                                 time::Timestamp now);

// Changes the text of a theme of the Werkplaats (an organiser's correction).
ThemeChangeOutcome edit_theme(Transaction& tx, std::int64_t werkplaats_id, std::int64_t theme_id,
                              const ThemeProposal& text);

// Where an organiser moves a theme: a status, the café for a scheduled theme (an event of
// the same Werkplaats), and the reason the public reads for a declined one.
struct ThemeMove {
    domain::ThemeStatus status = domain::ThemeStatus::proposed;
    std::optional<std::int64_t> event_id;
    std::string decline_reason;
};

// Moves a theme of the Werkplaats on the agenda. Scheduling links the café to the theme;
// leaving scheduled unlinks it again. Moving to the status it has changes nothing and is
// done, so that a form sent twice does no harm.
ThemeChangeOutcome move_theme(Transaction& tx, std::int64_t werkplaats_id, std::int64_t theme_id,
                              const ThemeMove& move, time::Timestamp now);

enum class SupportResult { counted, already_supported, not_found };

// One support of one supporter (a random key kept in their browser) for a theme that is
// still open (proposed or adopted) on the Werkplaats's agenda.
SupportResult support_theme(Transaction& tx, std::int64_t werkplaats_id, std::int64_t theme_id,
                            const std::string& supporter_key, time::Timestamp now);

}  // namespace kc::app
