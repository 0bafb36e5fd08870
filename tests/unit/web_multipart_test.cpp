#include <gtest/gtest.h>

#include "web/multipart.hpp"

namespace kc::web {
namespace {

const std::string type = "multipart/form-data; boundary=----kcgrens42";

std::string body_of(const std::vector<std::string>& parts) {
    std::string body;
    for (const auto& part : parts) body += "------kcgrens42\r\n" + part + "\r\n";
    return body + "------kcgrens42--\r\n";
}

TEST(Multipart, ReadsTheBoundaryOfAFormDataTypeOnly) {
    EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=abc"), "abc");
    EXPECT_EQ(multipart_boundary("Multipart/Form-Data; charset=utf-8; Boundary=\"a b\""), "a b");
    EXPECT_FALSE(multipart_boundary("multipart/mixed; boundary=abc"));
    EXPECT_FALSE(multipart_boundary("application/x-www-form-urlencoded"));
    EXPECT_FALSE(multipart_boundary("multipart/form-data"));
    EXPECT_FALSE(multipart_boundary("multipart/form-data; boundary=" + std::string(71, 'x')));
}

TEST(Multipart, SplitsFieldsAndFilesWithBinaryContent) {
    const std::string pdf("%PDF-1.4\r\n\0\xff binary\r\n--not-the-boundary\r\n%%EOF", 45);
    const auto form = parse_multipart(
        type,
        "preamble to ignore\r\n" +
            body_of({"Content-Disposition: form-data; name=\"csrf\"\r\n\r\ntoken",
                     "Content-Disposition: form-data; name=\"title\"\r\n\r\nRegel 1\r\nRegel 2",
                     "content-disposition: form-data; name=\"file\"; "
                     "filename=\"Rapport schulden.pdf\"\r\nContent-Type: "
                     "application/pdf\r\n\r\n" +
                         pdf,
                     "Content-Disposition: form-data; name=\"leeg\"; filename=\"\"\r\n"
                     "Content-Type: application/octet-stream\r\n\r\n"}));
    ASSERT_TRUE(form);
    EXPECT_EQ(form->fields.get("csrf"), "token");
    EXPECT_EQ(form->fields.get("title"), "Regel 1\r\nRegel 2");
    ASSERT_EQ(form->files.size(), 2u);
    EXPECT_EQ(form->files[0].field, "file");
    EXPECT_EQ(form->files[0].file_name, "Rapport schulden.pdf");
    EXPECT_EQ(form->files[0].content_type, "application/pdf");
    EXPECT_EQ(form->files[0].bytes, pdf);
    EXPECT_EQ(form->files[1].file_name, "");
    EXPECT_TRUE(form->files[1].bytes.empty());
}

TEST(Multipart, RefusesMalformedBodies) {
    const std::string field = "Content-Disposition: form-data; name=\"a\"\r\n\r\nx";
    // No closing delimiter.
    EXPECT_FALSE(parse_multipart(type, "------kcgrens42\r\n" + field));
    // No delimiter at all.
    EXPECT_FALSE(parse_multipart(type, "just text"));
    // A part without a name, or not form-data.
    EXPECT_FALSE(parse_multipart(type, body_of({"Content-Disposition: form-data\r\n\r\nx"})));
    EXPECT_FALSE(
        parse_multipart(type, body_of({"Content-Disposition: attachment; name=\"a\"\r\n\r\nx"})));
    // A header line without a colon, and headers without their blank line.
    EXPECT_FALSE(parse_multipart(type, body_of({"Content-Disposition form-data\r\n\r\nx"})));
    EXPECT_FALSE(parse_multipart(type,
                                 "------kcgrens42\r\nContent-Disposition: form-data; "
                                 "name=\"a\"\r\n------kcgrens42--\r\n"));
    // Too many parts.
    std::vector<std::string> many(MultipartLimits::parts + 1, field);
    EXPECT_FALSE(parse_multipart(type, body_of(many)));
    EXPECT_TRUE(parse_multipart(type, body_of({field})));
    // Another content type.
    EXPECT_FALSE(parse_multipart("text/plain", body_of({field})));
}

TEST(Multipart, AnEmptyFormHasNoFields) {
    const auto form = parse_multipart(type, "------kcgrens42--\r\n");
    ASSERT_TRUE(form);
    EXPECT_TRUE(form->fields.fields().empty());
    EXPECT_TRUE(form->files.empty());
}

}  // namespace
}  // namespace kc::web
