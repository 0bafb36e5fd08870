// Form bodies (application/x-www-form-urlencoded) and query strings, as any client sends them.
#include <algorithm>
#include <string>

#include "fuzz_support.hpp"
#include "web/form_data.hpp"

using kc::fuzz::require;
using kc::web::FormData;

namespace {

std::string encode(const FormData& form) {
    std::string encoded;
    for (const auto& [name, value] : form.fields()) {
        if (!encoded.empty()) encoded += '&';
        encoded += kc::web::percent_encode(name) + '=' + kc::web::percent_encode(value);
    }
    return encoded;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = kc::fuzz::as_text(data, size);

    // Any bytes survive encoding and decoding, whether '+' means a space or not.
    const std::string encoded_text = kc::web::percent_encode(text);
    require(kc::web::percent_decode(encoded_text, true) == text, "percent_decode(encode(x)) == x");
    require(kc::web::percent_decode(encoded_text, false) == text,
            "percent_decode(encode(x)) == x without '+' as space");

    const auto form = FormData::parse(text);
    if (!form) return 0;

    // Encoding the fields and parsing them again gives the same fields in the same order.
    const auto again = FormData::parse(encode(*form));
    require(again && again->fields() == form->fields(), "parse(encode(fields)) == fields");

    // The first few fields can be looked up by name (all of them would be quadratic).
    const auto& fields = form->fields();
    for (std::size_t i = 0; i < std::min<std::size_t>(fields.size(), 8); ++i) {
        const auto& [name, value] = fields[i];
        require(form->has(name), "has() finds every field");
        const auto values = form->get_all(name);
        require(!values.empty() && values.front() == form->get(name),
                "get() is the first of get_all()");
        require(std::find(values.begin(), values.end(), value) != values.end(),
                "get_all() holds every value of the name");
    }
    return 0;
}
