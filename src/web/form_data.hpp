#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kc::web {

// Decodes %XX escapes (and '+' as space when `plus_is_space`). Returns nullopt on a
// malformed escape, so broken input is refused rather than guessed at.
std::optional<std::string> percent_decode(std::string_view encoded, bool plus_is_space);

std::string percent_encode(std::string_view text);

// The fields of an application/x-www-form-urlencoded body or a query string. A
// field may repeat (checkboxes); `get` gives the first value.
class FormData {
  public:
    // Parses; nullopt when an escape is malformed.
    static std::optional<FormData> parse(std::string_view encoded);

    void add(std::string name, std::string value) {
        fields_.emplace_back(std::move(name), std::move(value));
    }
    std::string get(std::string_view name) const;
    bool has(std::string_view name) const;
    std::vector<std::string> get_all(std::string_view name) const;
    const std::vector<std::pair<std::string, std::string>>& fields() const { return fields_; }

  private:
    std::vector<std::pair<std::string, std::string>> fields_;
};

// One parameter of a query string; empty when it is missing or the query is malformed.
std::string query_value(std::string_view query, std::string_view name);

// The name of a field in the numbered rows of a form that lists several of one thing
// ("speaker_name_2", "table_capacity_5"); rows count from 1.
std::string row_field(std::string_view name, std::size_t row);

}  // namespace kc::web
