#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace kc::testing {

struct HttpReply {
    int status = 0;
    std::multimap<std::string, std::string> headers;  // names in lower case
    std::string body;

    std::string header(const std::string& name) const {
        const auto found = headers.find(name);
        return found == headers.end() ? std::string() : found->second;
    }
};

// A deliberately small blocking HTTP/1.1 client for tests: one request per
// connection (Connection: close), so the server's real parser and writer are used.
inline HttpReply http_request(std::uint16_t port, const std::string& method,
                              const std::string& target, const std::string& body = "",
                              const std::vector<std::string>& extra_headers = {}) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) throw std::runtime_error("socket failed");
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        ::close(fd);
        throw std::runtime_error("connect failed");
    }
    std::string request = method + " " + target +
                          " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                          "\r\nConnection: close\r\n";
    for (const auto& header : extra_headers) request += header + "\r\n";
    if (!body.empty() || method == "POST")
        request += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    request += "\r\n" + body;
    for (std::size_t sent = 0; sent < request.size();) {
        const auto n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) break;
        sent += static_cast<std::size_t>(n);
    }
    std::string raw;
    char buffer[8192];
    for (;;) {
        const auto n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) break;
        raw.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fd);

    HttpReply reply;
    const auto header_end = raw.find("\r\n\r\n");
    if (raw.size() < 12 || header_end == std::string::npos)
        throw std::runtime_error("no HTTP reply");
    reply.status = std::stoi(raw.substr(9, 3));
    std::size_t line_start = raw.find("\r\n") + 2;
    while (line_start < header_end) {
        const auto line_end = raw.find("\r\n", line_start);
        const std::string line = raw.substr(line_start, line_end - line_start);
        const auto colon = line.find(':');
        std::string name = line.substr(0, colon);
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::string value = line.substr(colon + 1);
        while (!value.empty() && value.front() == ' ') value.erase(0, 1);
        reply.headers.emplace(name, value);
        line_start = line_end + 2;
    }
    reply.body = raw.substr(header_end + 4);
    return reply;
}

}  // namespace kc::testing
