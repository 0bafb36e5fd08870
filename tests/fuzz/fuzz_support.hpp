#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <utility>

// What the fuzz targets share. Each target checks properties of its parser beyond "does not
// crash"; a property that does not hold aborts, so that libFuzzer keeps the input as a crash
// and the corpus replay under ctest fails.
namespace kc::fuzz {

inline void require(bool holds, const char* property) {
    if (holds) return;
    std::fprintf(stderr, "Fuzz property does not hold: %s\n", property);
    std::abort();
}

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// The text before the first line break and the text after it (empty when there is none), for
// targets that take two inputs.
inline std::pair<std::string_view, std::string_view> split_first_line(std::string_view text) {
    const auto line_break = text.find('\n');
    if (line_break == std::string_view::npos) return {text, {}};
    return {text.substr(0, line_break), text.substr(line_break + 1)};
}

}  // namespace kc::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
