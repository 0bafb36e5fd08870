// The people file of `kenniscafe plan-tables` (name,group,organisation,host_table[,stays]).
// Input: the first byte picks the number of tables (1 to 32), the rest is the file.
#include <set>
#include <string>
#include <vector>

#include "fuzz_support.hpp"
#include "planner/csv.hpp"

using kc::fuzz::require;
using kc::planner::CsvError;

namespace {

using Rows = std::vector<std::vector<std::string>>;

// Every field quoted, so that any text reads back as it was.
std::string write_quoted(const Rows& rows) {
    std::string text;
    for (const auto& row : rows) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i > 0) text += ',';
            text += '"';
            for (const char c : row[i]) {
                if (c == '"') text += '"';
                text += c;
            }
            text += '"';
        }
        text += "\r\n";
    }
    return text;
}

bool is_trimmed(const std::string& text) {
    return text.empty() ||
           (text.find_first_of(" \t") != 0 && text.find_last_of(" \t") != text.size() - 1);
}

void check_people(std::string_view text, int tables, const Rows& rows) {
    std::vector<kc::planner::Person> people;
    try {
        people = kc::planner::parse_people_csv(text, tables);
    } catch (const CsvError& error) {
        require(!error.dutch().empty() && !error.english().empty(), "an error says what is wrong");
        return;
    }
    require(people.size() + 1 == rows.size(), "one person per line after the header");
    std::set<std::string> names;
    for (const auto& person : people) {
        require(!person.name.empty() && !person.group.empty(), "everyone has a name and group");
        require(
            is_trimmed(person.name) && is_trimmed(person.group) && is_trimmed(person.organisation),
            "fields are trimmed");
        require(names.insert(person.name).second, "names are unique");
        require(!person.host_table || (*person.host_table >= 0 && *person.host_table < tables),
                "a host table is one of the tables");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const int tables = 1 + data[0] % 32;
    const std::string_view text = kc::fuzz::as_text(data + 1, size - 1);

    Rows rows;
    try {
        rows = kc::planner::parse_csv(text);
    } catch (const CsvError& error) {
        require(!error.dutch().empty() && !error.english().empty(), "an error says what is wrong");
        bool refused = false;
        try {
            kc::planner::parse_people_csv(text, tables);
        } catch (const CsvError&) {
            refused = true;
        }
        require(refused, "a file that is not CSV is no people file either");
        return 0;
    }
    require(kc::planner::parse_csv(write_quoted(rows)) == rows, "parse(write(rows)) == rows");
    check_people(text, tables, rows);
    return 0;
}
