#include <gtest/gtest.h>

#include <regex>
#include <stdexcept>
#include <string>

#include "reports/qr_code.hpp"

namespace kc::reports {
namespace {

TEST(QrCode, FinderPatternsSitInThreeCorners) {
    const QrCode code = encode_qr("https://kenniscafe.example.nl/aanmelding/abc");
    ASSERT_GE(code.size, 21);
    EXPECT_EQ((code.size - 17) % 4, 0) << "sizes are 21, 25, 29, ...";
    // Each finder pattern starts with a dark 7 by 7 border; its corner module is dark and the
    // module just inside the border is light.
    for (const auto& [x, y] : {std::pair{0, 0}, {code.size - 7, 0}, {0, code.size - 7}}) {
        EXPECT_TRUE(code.is_dark(x, y));
        EXPECT_TRUE(code.is_dark(x + 6, y + 6));
        EXPECT_FALSE(code.is_dark(x + 1, y + 1));
        EXPECT_TRUE(code.is_dark(x + 3, y + 3));
    }
}

TEST(QrCode, SvgHasItsQuietZoneAndAnAccessibleName) {
    const QrCode code = encode_qr("https://kenniscafe.example.nl/aanmelding/abc");
    const std::string svg = qr_svg(code, "Je tafels op je telefoon: \"Sanne\" & co");
    const std::string side = std::to_string(code.size + 2 * qr_quiet_zone);
    EXPECT_NE(svg.find("viewBox=\"0 0 " + side + " " + side + "\""), std::string::npos) << svg;
    EXPECT_NE(
        svg.find(
            "role=\"img\" aria-label=\"Je tafels op je telefoon: &quot;Sanne&quot; &amp; co\""),
        std::string::npos);
    // The top left module of the code is dark and sits just inside the quiet zone.
    EXPECT_NE(svg.find("M4 4h1v1h-1z"), std::string::npos);
    EXPECT_EQ(svg.find("M0 0h"), std::string::npos);
}

TEST(QrCode, TooLongTextIsRefused) {
    EXPECT_THROW(encode_qr(std::string(8000, 'x')), std::runtime_error);
}

}  // namespace
}  // namespace kc::reports
