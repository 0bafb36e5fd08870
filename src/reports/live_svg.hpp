#pragma once

#include <array>
#include <string>
#include <vector>

#include "domain/live_question.hpp"

namespace kc::reports {

// The words in the live charts, Dutch by default; the web layer fills them from the
// catalogue for another language.
struct LiveSvgTexts {
    std::array<std::string, 5> statement_levels = {"helemaal oneens", "oneens", "neutraal", "eens",
                                                   "helemaal eens"};
    std::string correct = "✓ juist";        // beside the correct quiz option, once revealed
    std::string fewer_than = "minder dan";  // followed by the small-number threshold
    std::string withheld = "–";             // a group count left out so a small one stays hidden
    std::string total = "totaal";
    std::string respondents = "deelnemers";  // after their number, in the description
    std::string average = "gemiddeld";
    std::string no_words = "Nog geen woorden";
};

struct LiveSvgOptions {
    // Prefix of the element ids, which must be unique within the page.
    std::string id = "kc-live";
    LiveSvgTexts texts;
};

// An option's label as the charts write it: a statement's level in words, a scale's end
// with its label, the correct quiz option marked in words once revealed.
std::string live_option_label(const domain::live::OptionResult& option, std::size_t index,
                              const domain::live::QuestionSettings& question,
                              const LiveSvgTexts& texts);

// The results of a live question as SVG for the presenter's screen and the report:
// choice, quiz, scale and ranking as bars (ranking by score, the correct quiz option
// marked in words, not by colour alone), a statement as its five levels, a word cloud
// with nothing rotated, and when the results were asked by group, a bar per group under
// every option with small numbers written as "minder dan N". Like svg_bar_chart it has
// role="img", a <title> (the prompt) and a <desc> that lists every value, and colours of
// at least 4.5:1 on white. `group_names` follow the order of the results' group counts.
// Open questions and Q&A have no chart: the result is empty and the page lists entries.
std::string svg_live_results(const domain::live::Results& results,
                             const domain::live::QuestionSettings& question,
                             const std::vector<std::string>& group_names,
                             const LiveSvgOptions& options);

}  // namespace kc::reports
