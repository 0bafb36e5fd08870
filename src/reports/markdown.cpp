#include "reports/markdown.hpp"

#include <cmark-gfm.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <utility>

namespace kc::reports {

namespace {

struct NodeFree {
    void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct IterFree {
    void operator()(cmark_iter* iter) const { cmark_iter_free(iter); }
};
using NodePtr = std::unique_ptr<cmark_node, NodeFree>;
using IterPtr = std::unique_ptr<cmark_iter, IterFree>;

// CMARK_OPT_DEFAULT is safe in cmark-gfm 0.29 (CMARK_OPT_UNSAFE turns it off); SAFE is named
// anyway, so an older library that still needs it asked for is safe too.
constexpr int parse_options = CMARK_OPT_DEFAULT | CMARK_OPT_SAFE;

NodePtr parse(std::string_view markdown) {
    return NodePtr(cmark_parse_document(markdown.data(), markdown.size(), parse_options));
}

std::string escaped(const char* text) {
    std::string out;
    for (const char* c = text ? text : ""; *c; ++c) {
        switch (*c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += *c;
        }
    }
    return out;
}

// The addresses a reader could follow from paper; anything else (javascript:, data:) is
// not printed at all.
bool is_printable_address(std::string_view url) {
    return url.starts_with("http://") || url.starts_with("https://") || url.starts_with("mailto:");
}

// Collects the blocks of one document while its iterator walks it.
class BlockWriter {
  public:
    void enter(cmark_node* node) {
        switch (cmark_node_get_type(node)) {
            case CMARK_NODE_LIST:
                lists_.push_back({cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                                  cmark_node_get_list_start(node)});
                break;
            case CMARK_NODE_ITEM: {
                auto& list = lists_.back();
                pending_marker_ =
                    list.ordered ? std::to_string(list.next++) + "." : std::string("•");
                break;
            }
            case CMARK_NODE_BLOCK_QUOTE:
                ++quote_depth_;
                break;
            case CMARK_NODE_PARAGRAPH:
                start(MarkdownBlock::Kind::paragraph, 0);
                break;
            case CMARK_NODE_HEADING:
                start(MarkdownBlock::Kind::heading, cmark_node_get_heading_level(node));
                break;
            case CMARK_NODE_CODE_BLOCK:
                start(MarkdownBlock::Kind::code, 0);
                current_.markup = escaped(cmark_node_get_literal(node));
                while (!current_.markup.empty() && current_.markup.back() == '\n') {
                    current_.markup.pop_back();
                }
                finish();
                break;
            case CMARK_NODE_THEMATIC_BREAK:
                start(MarkdownBlock::Kind::rule, 0);
                finish();
                break;
            case CMARK_NODE_TEXT:
                current_.markup += escaped(cmark_node_get_literal(node));
                break;
            case CMARK_NODE_CODE:
                current_.markup += "<tt>" + escaped(cmark_node_get_literal(node)) + "</tt>";
                break;
            case CMARK_NODE_SOFTBREAK:
                current_.markup += " ";
                break;
            case CMARK_NODE_LINEBREAK:
                current_.markup += "\n";
                break;
            case CMARK_NODE_EMPH:
                current_.markup += "<i>";
                break;
            case CMARK_NODE_STRONG:
                current_.markup += "<b>";
                break;
            case CMARK_NODE_LINK:
                current_.markup += "<u>";
                break;
            default:
                break;  // raw HTML and images: nothing of them is printed
        }
    }

    void exit(cmark_node* node) {
        switch (cmark_node_get_type(node)) {
            case CMARK_NODE_LIST:
                lists_.pop_back();
                break;
            case CMARK_NODE_BLOCK_QUOTE:
                --quote_depth_;
                break;
            case CMARK_NODE_PARAGRAPH:
            case CMARK_NODE_HEADING:
                finish();
                break;
            case CMARK_NODE_EMPH:
                current_.markup += "</i>";
                break;
            case CMARK_NODE_STRONG:
                current_.markup += "</b>";
                break;
            case CMARK_NODE_LINK: {
                current_.markup += "</u>";
                const char* url = cmark_node_get_url(node);
                if (url && is_printable_address(url)) {
                    current_.markup += " (" + escaped(url) + ")";
                }
                break;
            }
            default:
                break;
        }
    }

    std::vector<MarkdownBlock> take() { return std::move(blocks_); }

  private:
    struct List {
        bool ordered = false;
        int next = 1;
    };

    // A paragraph inside a list item is the item; the first one carries its marker.
    void start(MarkdownBlock::Kind kind, int level) {
        current_ = {};
        current_.kind = kind;
        current_.level = level;
        if (kind == MarkdownBlock::Kind::paragraph && !lists_.empty()) {
            current_.kind = MarkdownBlock::Kind::item;
            current_.level = static_cast<int>(lists_.size());
            current_.marker = std::exchange(pending_marker_, "");
        } else if (kind == MarkdownBlock::Kind::paragraph && quote_depth_ > 0) {
            current_.kind = MarkdownBlock::Kind::quote;
            current_.level = quote_depth_;
        }
    }

    void finish() { blocks_.push_back(std::move(current_)); }

    std::vector<MarkdownBlock> blocks_;
    MarkdownBlock current_;
    std::vector<List> lists_;
    std::string pending_marker_;
    int quote_depth_ = 0;
};

}  // namespace

std::string markdown_html(std::string_view markdown, int heading_offset) {
    const NodePtr document = parse(markdown);
    if (heading_offset != 0) {
        const IterPtr iter(cmark_iter_new(document.get()));
        cmark_event_type event;
        while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
            cmark_node* node = cmark_iter_get_node(iter.get());
            if (event == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_HEADING) {
                constexpr int deepest_heading = 6;
                cmark_node_set_heading_level(
                    node,
                    std::min(deepest_heading, cmark_node_get_heading_level(node) + heading_offset));
            }
        }
    }
    char* html = cmark_render_html(document.get(), parse_options, nullptr);
    std::string result = html ? html : "";
    cmark_get_default_mem_allocator()->free(html);
    return result;
}

std::vector<MarkdownBlock> markdown_blocks(std::string_view markdown) {
    const NodePtr document = parse(markdown);
    const IterPtr iter(cmark_iter_new(document.get()));
    BlockWriter writer;
    cmark_event_type event;
    while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
        cmark_node* node = cmark_iter_get_node(iter.get());
        if (event == CMARK_EVENT_ENTER) writer.enter(node);
        if (event == CMARK_EVENT_EXIT) writer.exit(node);
    }
    return writer.take();
}

}  // namespace kc::reports
