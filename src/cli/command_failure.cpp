#include "cli/command_failure.hpp"

#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>
#include <sstream>

namespace kc::cli {

void fail(const std::string& dutch, const std::string& english) {
    std::cerr << "Fout: " << dutch << "\nError: " << english << "\n";
    throw CLI::RuntimeError(1);
}

std::string read_file_or_fail(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    if (in) content << in.rdbuf();
    if (!in || in.bad()) {
        fail("kan het bestand " + path + " niet lezen.", "cannot read the file " + path + ".");
    }
    return content.str();
}

}  // namespace kc::cli
