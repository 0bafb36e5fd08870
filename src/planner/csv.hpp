#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "planner/problem.hpp"

namespace kc::planner {

// A file that cannot be read as intended, with the line it is about in both messages.
class CsvError : public BilingualError {
  public:
    using BilingualError::BilingualError;
};

// Comma-separated values as in RFC 4180: fields in double quotes may hold commas, line breaks
// and doubled quotes; lines end in LF or CRLF; a UTF-8 byte order mark is skipped. Blank lines
// are left out. Throws CsvError on a quote that is never closed or text after a closing quote.
std::vector<std::vector<std::string>> parse_csv(std::string_view text);

// The people file of `plan-tables`: a header with the columns name, group, organisation and
// host_table in any order (other columns are ignored, and an optional `stays` column holds
// ja/nee), one person per line. host_table numbers tables from 1 up to `tables`; the people
// returned number them from 0. Throws CsvError on a missing column, a missing name or group,
// a name that appears twice, or a host_table that is not one of the tables.
std::vector<Person> parse_people_csv(std::string_view text, int tables);

// The plan as `round,table,name` lines, rounds and tables numbered from 1, in round and table
// order and within a table in the order of the people.
std::string write_plan_csv(const Problem& problem, const Plan& plan);

}  // namespace kc::planner
