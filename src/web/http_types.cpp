#include "web/http_types.hpp"

namespace kc::web {

std::optional<std::string_view> Request::header(std::string_view name) const {
    // A request has a handful of headers, so a linear scan beats building an index.
    for (const auto& [header_name, value] : headers) {
        if (header_name == name) return std::string_view(value);
    }
    return std::nullopt;
}

bool Application::takes_upload(std::string_view, std::string_view) const { return false; }

ChannelOpening Application::open_channel(const Request&, ChannelKind,
                                         std::shared_ptr<ChannelSink>) {
    ChannelOpening refused;
    refused.refusal.status = 404;
    refused.refusal.content_type = "text/plain; charset=utf-8";
    refused.refusal.body = "Hier is geen live verbinding.";
    return refused;
}

}  // namespace kc::web
