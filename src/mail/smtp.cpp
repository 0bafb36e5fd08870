#include "mail/smtp.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>

namespace kc::mail {

namespace {

// libcurl's global state must be set up once before the first handle, and it is not safe
// to do so from two threads at once.
void ensure_curl_initialised() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Upload {
    const std::string* message = nullptr;
    std::size_t position = 0;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user) {
    auto* upload = static_cast<Upload*>(user);
    const std::size_t room = size * count;
    const std::size_t left = upload->message->size() - upload->position;
    const std::size_t n = std::min(room, left);
    std::memcpy(buffer, upload->message->data() + upload->position, n);
    upload->position += n;
    return n;
}

// Replies about the login (530 authentication required, 534, 535 credentials invalid,
// 538 encryption required) are about the settings, not the mail: they pass when fixed.
bool is_login_reply(long code) { return code == 530 || code == 534 || code == 535 || code == 538; }

}  // namespace

SmtpUrlProblem check_smtp_url(std::string_view url) {
    std::string_view rest;
    if (url.rfind("smtp://", 0) == 0) {
        rest = url.substr(7);
    } else if (url.rfind("smtps://", 0) == 0) {
        rest = url.substr(8);
    } else {
        return SmtpUrlProblem::scheme;
    }
    if (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
    if (rest.find_first_of("/@?#") != std::string_view::npos) return SmtpUrlProblem::extra;
    std::string_view host = rest;
    // An IPv6 address stands between brackets, its colons not being a port.
    const auto port_colon = rest.rfind(':');
    const auto bracket = rest.rfind(']');
    if (port_colon != std::string_view::npos &&
        (bracket == std::string_view::npos || port_colon > bracket)) {
        host = rest.substr(0, port_colon);
        const std::string_view port = rest.substr(port_colon + 1);
        if (port.empty() || port.size() > 5 ||
            !std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            return SmtpUrlProblem::port;
        }
        const int number = std::stoi(std::string(port));
        if (number < 1 || number > 65535) return SmtpUrlProblem::port;
    }
    if (host.empty() || host.find_first_of(" \t\r\n") != std::string_view::npos) {
        return SmtpUrlProblem::host;
    }
    return SmtpUrlProblem::none;
}

SmtpOutcome send_mail(const SmtpSettings& settings, const std::string& from, const std::string& to,
                      const std::string& message) {
    ensure_curl_initialised();
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
    if (!curl) return {SmtpResult::temporary_failure, "libcurl kon niet starten"};
    std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> recipients(
        curl_slist_append(nullptr, ("<" + to + ">").c_str()), curl_slist_free_all);
    Upload upload{&message, 0};
    char error_buffer[CURL_ERROR_SIZE] = {};
    CURL* handle = curl.get();
    curl_easy_setopt(handle, CURLOPT_URL, settings.url.c_str());
    curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(handle, CURLOPT_USE_SSL,
                     settings.starttls == StartTls::required ? static_cast<long>(CURLUSESSL_ALL)
                                                             : static_cast<long>(CURLUSESSL_TRY));
    if (!settings.ca_file.empty())
        curl_easy_setopt(handle, CURLOPT_CAINFO, settings.ca_file.c_str());
    if (!settings.user.empty()) {
        curl_easy_setopt(handle, CURLOPT_USERNAME, settings.user.c_str());
        curl_easy_setopt(handle, CURLOPT_PASSWORD, settings.password.c_str());
    }
    const std::string envelope_from = "<" + from + ">";
    curl_easy_setopt(handle, CURLOPT_MAIL_FROM, envelope_from.c_str());
    curl_easy_setopt(handle, CURLOPT_MAIL_RCPT, recipients.get());
    curl_easy_setopt(handle, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(handle, CURLOPT_READFUNCTION, read_upload);
    curl_easy_setopt(handle, CURLOPT_READDATA, &upload);
    curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, error_buffer);
    // The scheduler's thread must not be interrupted by libcurl's alarm signals.
    curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT,
                     static_cast<long>(settings.connect_timeout.count()));
    curl_easy_setopt(handle, CURLOPT_TIMEOUT, static_cast<long>(settings.timeout.count()));
    const CURLcode code = curl_easy_perform(handle);
    if (code == CURLE_OK) return {SmtpResult::sent, ""};
    long reply = 0;
    curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &reply);
    std::string error = error_buffer[0] != '\0' ? error_buffer : curl_easy_strerror(code);
    if (reply != 0) error += " (" + std::to_string(reply) + ")";
    const bool permanent =
        reply >= 500 && reply < 600 && !is_login_reply(reply) && code != CURLE_LOGIN_DENIED;
    return {permanent ? SmtpResult::permanent_failure : SmtpResult::temporary_failure, error};
}

}  // namespace kc::mail
