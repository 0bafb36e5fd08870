#pragma once

#include <string>
#include <vector>

namespace kc::reports {

// The words printed on the cards, in the reader's language.
struct CardTexts {
    std::string round;             // e.g. "Ronde"
    std::string table;             // e.g. "Tafel"
    std::string host;              // e.g. "Gastheer of gastvrouw"
    std::string nothing_to_print;  // the only text of a document without cards
    std::string scan_hint;         // next to a route card's QR code
};

// One round at one table: its question (may be empty) and who sits there.
struct TableRound {
    int number = 0;
    std::string question;
    std::vector<std::string> names;
};

// The card that stands on a table: its name, its host (may be empty) and its rounds.
struct TableCard {
    std::string table_name;
    std::string host;
    std::vector<TableRound> rounds;
};

// Where one person sits in one round.
struct RouteStep {
    int round = 0;
    std::string table_name;
};

// The card a participant carries: their table in every round.
struct RouteCard {
    std::string person;
    std::vector<RouteStep> steps;
    // The participant's personal page, printed as a QR code; none when empty.
    std::string link;
};

// A PDF with one A4 page per table card: the table's name large enough to read across
// a room, its host, and per round the question and the names. A table with more names
// than fit on a page continues on the next page, headed by its name again, so no text
// is ever cut off. Without cards the PDF has one page with `texts.nothing_to_print`.
// Text is set in DejaVu Sans, which covers every accent Dutch and its neighbours use.
// Throws std::runtime_error if cairo cannot write the document.
std::string table_cards_pdf(const std::string& event_title, const std::vector<TableCard>& cards,
                            const CardTexts& texts);

// A PDF of A6 route cards, four to an A4 page with light cut lines between them: the
// person's name large, the event title small, a line "Ronde 1: Tafel Oranje" per round,
// and, where the card has a link, a QR code to it in the bottom corner with
// `texts.scan_hint` beside it. Text that would not fit on a card is set smaller until it does.
// Without cards the PDF has one page with `texts.nothing_to_print`. Throws std::runtime_error if
// cairo cannot write the document.
std::string route_cards_pdf(const std::string& event_title, const std::vector<RouteCard>& cards,
                            const CardTexts& texts);

}  // namespace kc::reports
