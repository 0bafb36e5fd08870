#pragma once

// The organiser's Markdown (a report's introduction and account, a magazine's foreword),
// parsed by cmark-gfm in its safe mode: raw HTML never comes through (cmark writes a comment
// in its place) and links to javascript:, vbscript:, file: and data: addresses lose their
// address. Whatever an organiser types, a reader's browser runs nothing of it.

#include <string>
#include <string_view>
#include <vector>

namespace kc::reports {

// The Markdown as HTML, its headings moved down by `heading_offset` levels (at most to
// <h6>) so that a "# Kop" inside a page with an <h2> section becomes an <h3>.
std::string markdown_html(std::string_view markdown, int heading_offset);

// One block of text for a renderer that sets its own paragraphs (the PDF).
struct MarkdownBlock {
    enum class Kind { paragraph, heading, item, quote, code, rule };
    Kind kind = Kind::paragraph;
    int level = 0;       // heading: 1..6; item: the depth of its list, from 1
    std::string marker;  // item: "•" or "3."
    // Pango markup: the text escaped, with <b>, <i>, <tt> and <u> for strong, emphasis, code
    // and links; a link keeps its address in brackets after its text, since paper cannot
    // follow it.
    std::string markup;
};

// The Markdown as a flat list of blocks in reading order.
std::vector<MarkdownBlock> markdown_blocks(std::string_view markdown);

}  // namespace kc::reports
