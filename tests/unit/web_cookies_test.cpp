// Cookies carry the login and the CSRF token: the right one must be found among others a
// browser sends, and every cookie we set must be out of reach of scripts and other sites.
#include <gtest/gtest.h>

#include "web/cookies.hpp"

namespace kc::web {
namespace {

TEST(Cookies, TheNamedCookieIsFoundAmongOthersAndOnlyByItsWholeName) {
    const std::string header = "taal=nl; kc_session=abc123;kc=kort; leeg=; thema=a=b";
    EXPECT_EQ(cookie_value(header, "kc_session"), "abc123");
    EXPECT_EQ(cookie_value(header, "kc"), "kort");
    EXPECT_EQ(cookie_value(header, "leeg"), "");
    EXPECT_EQ(cookie_value(header, "thema"), "a=b");
    EXPECT_EQ(cookie_value(header, "session"), std::nullopt);
    EXPECT_EQ(cookie_value(header, "kc_"), std::nullopt);
    EXPECT_EQ(cookie_value("", "kc_session"), std::nullopt);
    EXPECT_EQ(cookie_value("kc_session; taal=nl", "kc_session"), std::nullopt);
}

TEST(Cookies, EveryCookieIsHttpOnlyAndSameSiteAndSecureOverHttps) {
    EXPECT_EQ(set_cookie("kc_session", "abc", CookieLifetime::session, false),
              "kc_session=abc; Path=/; HttpOnly; SameSite=Lax");
    EXPECT_EQ(set_cookie("taal", "en", CookieLifetime::year, true),
              "taal=en; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000; Secure");
    EXPECT_EQ(clear_cookie("kc_session", true),
              "kc_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0; Secure");
    EXPECT_EQ(clear_cookie("kc_session", false),
              "kc_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0");
}

}  // namespace
}  // namespace kc::web
