#pragma once

#include <string>

// How the subcommands that take files and dates say what went wrong: in Dutch, then in
// English, with exit code 1.
namespace kc::cli {

// Prints the Dutch message, then the English one, and ends the command with exit code 1.
[[noreturn]] void fail(const std::string& dutch, const std::string& english);

// The whole file, or a failure that names it.
std::string read_file_or_fail(const std::string& path);

}  // namespace kc::cli
