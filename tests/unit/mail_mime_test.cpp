// The MIME builder: its parts on their own, and whole messages parsed back by Python's
// email package (tests/support/mime_check.py), the way a mail program reads them.
#include <gtest/gtest.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <cstdio>
#include <fstream>
#include <string>

#include "mail/mime.hpp"
#include "mail/smtp.hpp"

namespace kc::mail {
namespace {

constexpr time::Timestamp november_2023 = 1'700'000'000;  // Tue 14 Nov 2023 22:13:20 UTC

Message sample() {
    Message message;
    message.from = {"Kenniscafé Rotterdam", "kenniscafe@example.nl"};
    message.to = {"Anna \"Annie\" de Vries, ÉÉN", "anna@voorbeeld.nl"};
    message.subject =
        "Je bent aangemeld: Jongeren en schulden – een gesprek over geld, "
        "zorgen en wat helpt (café in de wijk Feijenoord)";
    message.text =
        "Beste Anna,\n\nFijn dat je komt naar het kenniscafé “Jongeren en schulden”. "
        "Deze regel is bewust heel erg lang, zodat hij moet worden afgebroken door "
        "quoted-printable.\n.\nEen punt alleen op een regel.\nSpatie aan het eind ";
    message.html = "<p>Beste Anna,</p><p>Fijn dat je komt! Één café = één gesprek.</p>";
    message.attachments = {{"kenniscafe.ics", "text/calendar; method=PUBLISH; charset=UTF-8",
                            "BEGIN:VCALENDAR\r\nSUMMARY:Jongeren en schulden – café\r\n"
                            "END:VCALENDAR\r\n"}};
    message.message_id = "outbox-7.1700000000@kenniscafe.example.nl";
    message.date = november_2023;
    return message;
}

// The message as Python's email package reads it.
boost::json::object parsed(const std::string& message) {
    char path[] = "/tmp/kc-mime-XXXXXX";
    const int fd = ::mkstemp(path);
    EXPECT_GE(fd, 0);
    ::close(fd);
    std::ofstream(path, std::ios::binary) << message;
    const std::string command =
        std::string(KC_PYTHON) + " " + KC_TEST_SUPPORT_DIR + "/mime_check.py " + path;
    FILE* pipe = ::popen(command.c_str(), "r");
    std::string output;
    char buffer[4096];
    while (const auto n = std::fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, n);
    EXPECT_EQ(::pclose(pipe), 0) << output;
    std::remove(path);
    return boost::json::parse(output).as_object();
}

std::string text_of(const boost::json::value& value) {
    return std::string(value.as_string().c_str());
}

TEST(MailMime, AMessageWithAttachmentParsesBackAsMixedAroundAlternative) {
    const auto message = build_message(sample());
    ASSERT_TRUE(message);
    const auto found = parsed(*message);
    EXPECT_LE(found.at("longest_line").as_int64(), 78);
    EXPECT_EQ(found.at("bare_line_feeds").as_int64(), 0);
    EXPECT_TRUE(found.at("ascii_only").as_bool());
    EXPECT_EQ(found.at("defects").as_int64(), 0);
    EXPECT_EQ(text_of(found.at("subject")), sample().subject);
    EXPECT_EQ(text_of(found.at("from_name")), "Kenniscafé Rotterdam");
    EXPECT_EQ(text_of(found.at("from_address")), "kenniscafe@example.nl");
    EXPECT_EQ(text_of(found.at("to_name")), "Anna \"Annie\" de Vries, ÉÉN");
    EXPECT_EQ(text_of(found.at("to_address")), "anna@voorbeeld.nl");
    EXPECT_EQ(text_of(found.at("message_id")), "<outbox-7.1700000000@kenniscafe.example.nl>");
    EXPECT_EQ(text_of(found.at("date")), "Tue, 14 Nov 2023 23:13:20 +0100");
    EXPECT_EQ(text_of(found.at("content_type")), "multipart/mixed");
    const auto& parts = found.at("parts").as_array();
    ASSERT_EQ(parts.size(), 5u);
    EXPECT_EQ(text_of(parts[1].at("type")), "multipart/alternative");
    EXPECT_EQ(text_of(parts[2].at("type")), "text/plain");
    // Line ends travel as CRLF and come back as newlines; the CRLF before a boundary is the
    // boundary's (RFC 2046), so each part comes back exactly.
    EXPECT_EQ(text_of(parts[2].at("content")), sample().text);
    EXPECT_EQ(text_of(parts[3].at("type")), "text/html");
    EXPECT_EQ(text_of(parts[3].at("content")), sample().html);
    EXPECT_EQ(text_of(parts[4].at("type")), "text/calendar");
    EXPECT_EQ(text_of(parts[4].at("filename")), "kenniscafe.ics");
    EXPECT_EQ(text_of(parts[4].at("params").at("method")), "PUBLISH");
    EXPECT_EQ(text_of(parts[4].at("content")), sample().attachments[0].content);
}

TEST(MailMime, WithoutAttachmentsTheMessageIsAlternativeAndWithoutHtmlPlainText) {
    auto message = sample();
    message.attachments.clear();
    EXPECT_EQ(text_of(parsed(*build_message(message)).at("content_type")), "multipart/alternative");
    message.html.clear();
    EXPECT_EQ(text_of(parsed(*build_message(message)).at("content_type")), "text/plain");
}

TEST(MailMime, NoFieldCanAddAHeader) {
    auto message = sample();
    message.subject = "Hallo\r\nBcc: iedereen@example.nl";
    message.to.name = "Anna\nBcc: iedereen@example.nl";
    message.attachments[0].content_type = "text/calendar\r\nBcc: iedereen@example.nl";
    const auto built = build_message(message);
    ASSERT_TRUE(built);
    EXPECT_EQ(built->find("\r\nBcc:"), std::string::npos);
    const auto found = parsed(*built);
    for (const auto& name : found.at("header_names").as_array()) EXPECT_NE(text_of(name), "bcc");
    EXPECT_EQ(text_of(found.at("subject")).rfind("Hallo", 0), 0u)
        << "one subject, line breaks gone";
    // An address with a line break, or two addresses, is refused outright.
    message.to.email = "anna@voorbeeld.nl\r\nBcc: iedereen@example.nl";
    EXPECT_FALSE(build_message(message));
    message.to.email = "anna@voorbeeld.nl, bob@voorbeeld.nl";
    EXPECT_FALSE(build_message(message));
}

TEST(MailMime, AddressesAreCheckedStrictly) {
    EXPECT_TRUE(is_safe_address("anna.de-vries+kc@voorbeeld.nl"));
    for (const char* bad : {"", "anna", "@voorbeeld.nl", "anna@", "anna@@voorbeeld.nl",
                            "an na@voorbeeld.nl", "anna@voorbeeld.nl.", "<anna@voorbeeld.nl>",
                            "anna@voorbeeld.nl\n", "annä@voorbeeld.nl"}) {
        EXPECT_FALSE(is_safe_address(bad)) << bad;
    }
}

TEST(MailMime, HeadersAreEncodedWordsFoldedWithinTheLineLimit) {
    EXPECT_EQ(encode_header_text("Morgen: kenniscafé", 7),
              "=?UTF-8?B?TW9yZ2VuOiBrZW5uaXNjYWbDqQ==?=");
    EXPECT_EQ(encode_header_text("Plain ASCII", 7), "Plain ASCII");
    const std::string words =
        "aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm "
        "nnnn oooo pppp qqqq";
    const std::string folded = encode_header_text(words, 7);
    EXPECT_NE(folded.find("\r\n "), std::string::npos);
    const std::string utf8 = encode_header_text(
        "Één café, één gesprek: daarna koffie en taart voor iedereen in de wijk", 7);
    std::size_t start = 0;
    bool first = true;
    while (start < utf8.size()) {
        const auto end = std::min(utf8.find("\r\n", start), utf8.size());
        EXPECT_LE(end - start + (first ? 9 : 0), 78u);
        first = false;
        start = end + 2;
    }
}

TEST(MailMime, QuotedPrintableKeepsLinesShortAndEscapesWhatWouldBeLost) {
    EXPECT_EQ(quoted_printable("één = 1"), "=C3=A9=C3=A9n =3D 1");
    EXPECT_EQ(quoted_printable("eind \nregel"), "eind=20\r\nregel");
    EXPECT_EQ(quoted_printable(".\n"), "=2E\r\n");
    const std::string encoded = quoted_printable(std::string(200, 'a'));
    EXPECT_EQ(encoded.substr(75, 3), "=\r\n");
    EXPECT_EQ(base64_lines(std::string(60, 'x')).size(), 80u + 2 + 2);
}

TEST(MailMime, DatesAreInAmsterdamTimeWithTheirOffset) {
    EXPECT_EQ(rfc5322_date(november_2023), "Tue, 14 Nov 2023 23:13:20 +0100");
    EXPECT_EQ(rfc5322_date(1'689'000'000), "Mon, 10 Jul 2023 16:40:00 +0200");
}

TEST(MailSmtp, ServerAddressesAreCheckedBeforeTheServerStarts) {
    EXPECT_EQ(check_smtp_url("smtp://mail.example.nl:587"), SmtpUrlProblem::none);
    EXPECT_EQ(check_smtp_url("smtps://mail.example.nl"), SmtpUrlProblem::none);
    EXPECT_EQ(check_smtp_url("smtp://[::1]:25"), SmtpUrlProblem::none);
    EXPECT_EQ(check_smtp_url("http://mail.example.nl"), SmtpUrlProblem::scheme);
    EXPECT_EQ(check_smtp_url("mail.example.nl:25"), SmtpUrlProblem::scheme);
    EXPECT_EQ(check_smtp_url("smtp://:25"), SmtpUrlProblem::host);
    EXPECT_EQ(check_smtp_url("smtp://mail.example.nl:0"), SmtpUrlProblem::port);
    EXPECT_EQ(check_smtp_url("smtp://mail.example.nl:99999"), SmtpUrlProblem::port);
    EXPECT_EQ(check_smtp_url("smtp://mail.example.nl:poort"), SmtpUrlProblem::port);
    EXPECT_EQ(check_smtp_url("smtp://user:geheim@mail.example.nl"), SmtpUrlProblem::extra);
    EXPECT_EQ(check_smtp_url("smtp://mail.example.nl/pad"), SmtpUrlProblem::extra);
}

TEST(MailSmtp, ADeadServerIsATemporaryFailureWithinTheTimeout) {
    SmtpSettings settings;
    // Port 9 on this machine (discard) has nobody listening: the connection is refused.
    settings.url = "smtp://127.0.0.1:9";
    settings.connect_timeout = std::chrono::seconds(2);
    const auto outcome = send_mail(settings, "a@example.nl", "b@example.nl", "Subject: x\r\n\r\n");
    EXPECT_EQ(outcome.result, SmtpResult::temporary_failure);
    EXPECT_FALSE(outcome.error.empty());
}

}  // namespace
}  // namespace kc::mail
