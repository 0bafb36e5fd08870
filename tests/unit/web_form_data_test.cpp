// Form bodies and query strings as browsers send them: escapes, '+' for a space, fields that
// repeat (checkboxes), and the numbered rows of forms that list several of one thing.
#include <gtest/gtest.h>

#include "web/form_data.hpp"

namespace kc::web {
namespace {

TEST(FormData, DecodesEscapesAndPlusAndKeepsRepeatedFieldsInOrder) {
    const auto form = FormData::parse(
        "naam=Fatima+El+Amrani&groep=bewoners&groep=studenten&plaats=%27s-Hertogenbosch"
        "&leeg=&zonder");
    ASSERT_TRUE(form);
    EXPECT_EQ(form->get("naam"), "Fatima El Amrani");
    EXPECT_EQ(form->get("plaats"), "'s-Hertogenbosch");
    EXPECT_EQ(form->get("groep"), "bewoners");
    EXPECT_EQ(form->get_all("groep"), (std::vector<std::string>{"bewoners", "studenten"}));
    EXPECT_TRUE(form->has("leeg"));
    EXPECT_EQ(form->get("leeg"), "");
    EXPECT_TRUE(form->has("zonder"));
    EXPECT_FALSE(form->has("ontbreekt"));
    EXPECT_EQ(form->get("ontbreekt"), "");
    EXPECT_TRUE(form->get_all("ontbreekt").empty());
}

TEST(FormData, UnicodeArrivesAsUtf8AndEmptyPairsAreSkipped) {
    const auto form = FormData::parse("&&titel=Caf%C3%A9+%E2%80%93+schulden&&");
    ASSERT_TRUE(form);
    EXPECT_EQ(form->get("titel"), "Café – schulden");
    EXPECT_EQ(form->fields().size(), 1u);
}

TEST(FormData, AMalformedEscapeRefusesTheWholeBody) {
    EXPECT_FALSE(FormData::parse("naam=Jan&stad=Rotter%2"));
    EXPECT_FALSE(FormData::parse("naam=%G1"));
    EXPECT_FALSE(FormData::parse("%=x"));
    EXPECT_TRUE(FormData::parse(""));
}

TEST(FormData, PercentEncodingRoundTripsEveryByte) {
    std::string every_byte;
    for (int byte = 0; byte < 256; ++byte) every_byte.push_back(static_cast<char>(byte));
    const std::string encoded = percent_encode(every_byte);
    EXPECT_EQ(encoded.find_first_not_of(
                  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~%"),
              std::string::npos);
    EXPECT_EQ(percent_decode(encoded, false), every_byte);
    // A '+' is a space only in forms; in a path it stays itself.
    EXPECT_EQ(percent_decode("a+b", false), "a+b");
    EXPECT_EQ(percent_decode("a+b", true), "a b");
}

TEST(FormData, AQueryValueIsEmptyWhenMissingOrWhenTheQueryIsMalformed) {
    EXPECT_EQ(query_value("pagina=2&zoek=armoede", "zoek"), "armoede");
    EXPECT_EQ(query_value("pagina=2", "zoek"), "");
    EXPECT_EQ(query_value("zoek=%ZZ", "zoek"), "");
}

TEST(FormData, RowFieldsAreNumberedFromOne) {
    EXPECT_EQ(row_field("speaker_name", 1), "speaker_name_1");
    EXPECT_EQ(row_field("table_capacity", 12), "table_capacity_12");
    FormData form;
    form.add(row_field("table_name", 1), "Tafel 1");
    form.add(row_field("table_name", 2), "Tafel 2");
    EXPECT_EQ(form.get("table_name_2"), "Tafel 2");
}

}  // namespace
}  // namespace kc::web
