// OAI-PMH requests as harvesters (or anyone) send them to /oai: a query string or form, and the
// resumption tokens inside them.
#include <string>

#include "core/text.hpp"
#include "domain/oai_pmh.hpp"
#include "fuzz_support.hpp"
#include "web/form_data.hpp"

using kc::fuzz::require;
namespace oai = kc::domain::oai;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = kc::fuzz::as_text(data, size);

    // A token is accepted only as this server writes it.
    if (const auto resumption = oai::decode_token(text)) {
        require(oai::encode_token(*resumption) == text, "decode_token accepts only encode_token");
    }

    // Whatever the text, the XML made of it holds no markup of its own and stays UTF-8.
    const std::string safe = oai::xml_text(text);
    require(safe.find_first_of("<>\"'") == std::string::npos, "xml_text escapes markup");
    require(kc::text::is_clean_utf8(safe, false), "xml_text writes clean UTF-8");

    const auto form = kc::web::FormData::parse(text);
    if (!form) return 0;
    const auto parsed = oai::parse_request(form->fields());
    require(parsed.request.has_value() == parsed.errors.empty(), "a request or its errors");
    for (const auto& error : parsed.errors) {
        require(!error.message_key.empty(), "every error has a message");
        const bool bad_request =
            error.code == oai::ErrorCode::bad_verb || error.code == oai::ErrorCode::bad_argument;
        require(!bad_request || parsed.echo.empty(), "a bad verb or argument is never echoed");
    }
    if (parsed.request && parsed.request->resumption) {
        const auto& resumption = *parsed.request->resumption;
        require(oai::decode_token(oai::encode_token(resumption)) == resumption,
                "a token carries its list on");
    }
    return 0;
}
