#include "planner/csv.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "core/text.hpp"

namespace kc::planner {

namespace {

std::string trimmed(std::string_view value) {
    const auto first = value.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    const auto last = value.find_last_not_of(" \t");
    return std::string(value.substr(first, last - first + 1));
}

std::string lower(std::string value) {
    std::transform(value.begin(), value.end(), value.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return value;
}

CsvError error_at(int line, const std::string& dutch, const std::string& english) {
    return CsvError("regel " + std::to_string(line) + ": " + dutch,
                    "line " + std::to_string(line) + ": " + english);
}

std::optional<bool> yes_or_no(const std::string& value) {
    static const std::set<std::string> yes = {"ja", "j", "yes", "y", "1", "true", "waar", "x"};
    static const std::set<std::string> no = {"", "nee", "n", "no", "0", "false", "onwaar"};
    const std::string word = lower(value);
    if (yes.count(word)) return true;
    if (no.count(word)) return false;
    return std::nullopt;
}

}  // namespace

std::vector<std::vector<std::string>> parse_csv(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    bool in_quotes = false;
    bool was_quoted = false;
    int line = 1;
    int quote_line = 1;
    const auto end_row = [&] {
        row.push_back(std::move(field));
        field.clear();
        const bool blank = row.size() == 1 && row.front().empty() && !was_quoted;
        if (!blank) rows.push_back(std::move(row));
        row.clear();
        was_quoted = false;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_quotes) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                in_quotes = false;
            } else {
                if (c == '\n') ++line;
                field += c;
            }
            continue;
        }
        if (c == '"') {
            if (!trimmed(field).empty() || was_quoted) {
                throw error_at(line, "een aanhalingsteken midden in een veld.",
                               "a quote in the middle of a field.");
            }
            field.clear();
            in_quotes = true;
            was_quoted = true;
            quote_line = line;
        } else if (c == ',') {
            row.push_back(std::move(field));
            field.clear();
            was_quoted = false;
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            end_row();
            ++line;
        } else if (was_quoted && c != ' ' && c != '\t') {
            throw error_at(line, "tekst na het sluitende aanhalingsteken.",
                           "text after the closing quote.");
        } else if (!was_quoted) {
            field += c;
        }
    }
    if (in_quotes) {
        throw error_at(quote_line, "een aanhalingsteken wordt niet gesloten.",
                       "a quote is never closed.");
    }
    if (!field.empty() || !row.empty() || was_quoted) end_row();
    return rows;
}

std::vector<Person> parse_people_csv(std::string_view text, int tables) {
    const std::vector<std::vector<std::string>> rows = parse_csv(text);
    if (rows.empty()) {
        throw CsvError(
            "het bestand is leeg; verwacht de kop name,group,organisation,host_table.",
            "the file is empty; expected the header name,group,organisation,host_table.");
    }
    std::map<std::string, std::size_t> column;
    for (std::size_t i = 0; i < rows.front().size(); ++i) {
        column.emplace(lower(trimmed(rows.front()[i])), i);
    }
    for (const char* required : {"name", "group", "organisation", "host_table"}) {
        if (!column.count(required)) {
            throw CsvError(std::string("de kolom \"") + required +
                               "\" ontbreekt; verwacht de kop name,group,organisation,host_table.",
                           std::string("the column \"") + required +
                               "\" is missing; expected the header "
                               "name,group,organisation,host_table.");
        }
    }
    const auto stays_column = column.find("stays");
    std::vector<Person> people;
    std::set<std::string> names;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const auto& row = rows[r];
        const int line = static_cast<int>(r) + 1;
        const auto cell = [&](std::size_t index) {
            return index < row.size() ? trimmed(row[index]) : std::string();
        };
        if (row.size() > rows.front().size()) {
            throw error_at(line, "meer velden dan de kop heeft kolommen.",
                           "more fields than the header has columns.");
        }
        Person person;
        person.name = cell(column.at("name"));
        person.group = cell(column.at("group"));
        person.organisation = cell(column.at("organisation"));
        if (person.name.empty()) throw error_at(line, "de naam ontbreekt.", "the name is missing.");
        if (person.group.empty()) {
            throw error_at(line, "de groep van " + person.name + " ontbreekt.",
                           "the group of " + person.name + " is missing.");
        }
        if (!names.insert(person.name).second) {
            throw error_at(line, "de naam " + person.name + " komt twee keer voor.",
                           "the name " + person.name + " appears twice.");
        }
        const std::string host = cell(column.at("host_table"));
        if (!host.empty()) {
            const bool digits =
                host.size() <= 6 &&
                std::all_of(host.begin(), host.end(), [](char c) { return c >= '0' && c <= '9'; });
            const int table = digits ? std::stoi(host) : 0;
            if (table < 1 || table > tables) {
                throw error_at(line,
                               "host_table \"" + host +
                                   "\" is geen tafel; de tafels zijn 1 tot en met " +
                                   std::to_string(tables) + ".",
                               "host_table \"" + host + "\" is not a table; the tables are 1 to " +
                                   std::to_string(tables) + ".");
            }
            person.host_table = table - 1;
        }
        if (stays_column != column.end()) {
            const std::optional<bool> stays = yes_or_no(cell(stays_column->second));
            if (!stays) {
                throw error_at(line, "stays moet ja of nee zijn.", "stays must be yes or no.");
            }
            person.stays = *stays;
        }
        people.push_back(std::move(person));
    }
    return people;
}

std::string write_plan_csv(const Problem& problem, const Plan& plan) {
    std::string out = "round,table,name\n";
    for (std::size_t r = 0; r < plan.table_of.size(); ++r) {
        for (std::size_t t = 0; t < problem.tables.size(); ++t) {
            for (std::size_t p = 0; p < plan.table_of[r].size(); ++p) {
                if (plan.table_of[r][p] != static_cast<int>(t)) continue;
                out += std::to_string(r + 1) + ',' + std::to_string(t + 1) + ',' +
                       text::csv_field(problem.people[p].name) + '\n';
            }
        }
    }
    return out;
}

}  // namespace kc::planner
