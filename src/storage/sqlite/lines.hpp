#pragma once

#include <string>
#include <vector>

namespace kc::storage::sqlite {

// A list of one-line texts kept in one column, one per line (the live session's options,
// a publication's authors). The texts themselves never hold a line break: their
// validation refuses it.
std::string join_lines(const std::vector<std::string>& lines);
std::vector<std::string> split_lines(const std::string& joined);

}  // namespace kc::storage::sqlite
