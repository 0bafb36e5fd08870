#pragma once

// The real `kenniscafe` binary, run as the command line and as a server process.
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace kc::testing {

// Runs a shell command, feeding `input` on stdin; returns exit code and stdout.
inline std::pair<int, std::string> run(const std::string& command, const std::string& input = "") {
    const std::string full = "printf '%s' '" + input + "' | " + command + " 2>&1";
    FILE* pipe = ::popen(full.c_str(), "r");
    std::string output;
    char buffer[4096];
    while (const auto n = std::fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, n);
    const int status = ::pclose(pipe);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

struct ServerSettings {
    // Arguments after `serve --db FILE --port 0`.
    std::vector<std::string> arguments = {"--demo"};
    // The most bytes the server may write into any one file (RLIMIT_FSIZE), as on a disk
    // that is nearly full. It gets an error (EFBIG) instead of being stopped by SIGXFSZ.
    std::optional<rlim_t> file_size_limit;
};

// A `kenniscafe serve` child process on an ephemeral port; its output goes to `log`.
class ServerProcess {
  public:
    ServerProcess(const std::string& database, const std::string& log,
                  const ServerSettings& settings = {}) {
        std::vector<std::string> words = {KC_BINARY, "serve", "--db", database, "--port", "0"};
        words.insert(words.end(), settings.arguments.begin(), settings.arguments.end());
        // Built before fork: the child may only make async-signal-safe calls.
        std::vector<char*> argv;
        for (auto& word : words) argv.push_back(word.data());
        argv.push_back(nullptr);
        const rlimit limit{settings.file_size_limit.value_or(RLIM_INFINITY), RLIM_INFINITY};
        pid_ = ::fork();
        if (pid_ == 0) {
            const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            ::dup2(fd, 1);
            ::dup2(fd, 2);
            if (settings.file_size_limit) {
                // An ignored signal stays ignored across exec.
                ::signal(SIGXFSZ, SIG_IGN);
                ::setrlimit(RLIMIT_FSIZE, &limit);
            }
            ::execv(KC_BINARY, argv.data());
            ::_exit(127);
        }
        for (int i = 0; i < 200 && port_ == 0; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            std::ifstream file(log);
            std::stringstream text;
            text << file.rdbuf();
            const auto at = text.str().find("http://127.0.0.1:");
            if (at != std::string::npos)
                port_ = static_cast<std::uint16_t>(std::stoi(text.str().substr(at + 17)));
        }
    }
    ~ServerProcess() {
        if (pid_ > 0) stop(SIGKILL);
    }
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    std::uint16_t port() const { return port_; }
    pid_t pid() const { return pid_; }
    // Sends a signal and returns the exit status (or -signal).
    int stop(int signal) {
        ::kill(pid_, signal);
        int status = 0;
        ::waitpid(pid_, &status, 0);
        pid_ = 0;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
    }

  private:
    pid_t pid_ = 0;
    std::uint16_t port_ = 0;
};

}  // namespace kc::testing
