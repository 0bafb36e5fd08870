#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "app/records.hpp"
#include "web/access.hpp"
#include "web/form_data.hpp"
#include "web/http_types.hpp"
#include "web/i18n.hpp"
#include "web/multipart.hpp"
#include "web/router.hpp"

namespace kc::web {

// One request on its way through the app: the request, the visitor's language, the
// Werkplaats whose public site it came to, who is calling and the CSRF token of their
// forms. Shared, because a write finishes on the storage's writer thread after the
// handler has returned.
struct Visit {
    Request request;
    Language language = Language::nl;
    const Catalogue* texts = nullptr;
    // The Werkplaats whose public site this is (by host name or /w/{slug}/ prefix), and
    // that prefix, which links on its pages keep.
    std::optional<app::Werkplaats> site;
    std::string site_prefix;
    std::string csrf_token;
    bool csrf_cookie_is_new = false;
    std::string session_token_hash;
    PathParams params;
    // The posted form of a page route, parsed and checked for CSRF before the handler.
    FormData form;
    // The files of a multipart form, unchecked: what a sender claims about them is not trusted.
    std::vector<FormFile> files;
    // Set by the router on every route that is not open to everyone.
    std::optional<Access> access;
    Respond respond;
    // A channel request (a WebSocket or an event stream, method "CHANNEL" for the router):
    // the sink to send to, and the channel a handler opens instead of responding.
    std::shared_ptr<ChannelSink> channel_sink;
    ChannelKind channel_kind = ChannelKind::websocket;
    std::shared_ptr<Channel> channel;
    // The site's data version when a cacheable page began to read (Site::serve_cached), so
    // that the page is cached as of that version and not of a later write.
    std::uint64_t data_version_read = 0;

    std::string text(std::string_view key, long long number = 0) const {
        return texts->text(key, number);
    }
};

using VisitPtr = std::shared_ptr<Visit>;

}  // namespace kc::web
