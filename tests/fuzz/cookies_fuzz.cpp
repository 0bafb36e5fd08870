// The Cookie header: the session, CSRF and language cookies are read from it on every request.
// Input: the cookie name on the first line, the header after it.
#include <string>

#include "fuzz_support.hpp"
#include "web/cookies.hpp"

using kc::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto [name, header] = kc::fuzz::split_first_line(kc::fuzz::as_text(data, size));
    const auto value = kc::web::cookie_value(header, name);
    if (value) {
        const std::string pair = std::string(name) + "=" + *value;
        require(header.find(pair) != std::string_view::npos,
                "the value is the text after 'name=' in the header");
        require(value->find(';') == std::string::npos, "a value ends at ';'");
    }

    // A cookie the server set comes back as "name=value" among others and reads back unchanged.
    const bool plain_name = !name.empty() && name.find_first_of("=; ") == std::string_view::npos;
    if (plain_name && header.find(';') == std::string_view::npos) {
        for (const std::string& sent :
             {std::string(name) + "=" + std::string(header),
              "kc_other=1; " + std::string(name) + "=" + std::string(header) + "; kc_last=2"}) {
            if (name == "kc_other") continue;
            require(kc::web::cookie_value(sent, name) == header, "a sent cookie reads back");
        }
    }
    return 0;
}
