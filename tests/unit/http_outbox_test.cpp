#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "http/outbox.hpp"

namespace {

using kc::http::Outbox;

Outbox::Message text(std::string value) {
    return std::make_shared<const std::string>(std::move(value));
}

std::vector<std::string> drain(Outbox& outbox) {
    std::vector<std::string> written;
    while (!outbox.empty()) written.push_back(*outbox.pop());
    return written;
}

TEST(HttpOutbox, KeepsMessagesWithoutSlotInOrder) {
    Outbox outbox;
    outbox.push(text("a"), {});
    outbox.push(text("b"), {});
    outbox.push(text("a"), {});
    EXPECT_EQ(drain(outbox), (std::vector<std::string>{"a", "b", "a"}));
}

TEST(HttpOutbox, SnapshotReplacesUnsentOneOfSameSlotAndGoesLast) {
    Outbox outbox;
    outbox.push(text("tally 1"), "tally");
    outbox.push(text("question"), {});
    outbox.push(text("route 1"), "route");
    outbox.push(text("tally 2"), "tally");
    EXPECT_EQ(drain(outbox), (std::vector<std::string>{"question", "route 1", "tally 2"}));
}

TEST(HttpOutbox, SnapshotAfterItsPredecessorWasTakenIsQueuedAgain) {
    Outbox outbox;
    outbox.push(text("tally 1"), "tally");
    EXPECT_EQ(*outbox.pop(), "tally 1");
    outbox.push(text("tally 2"), "tally");
    outbox.push(text("tally 3"), "tally");
    EXPECT_EQ(outbox.size(), 1U);
    EXPECT_EQ(drain(outbox), (std::vector<std::string>{"tally 3"}));
}

TEST(HttpOutbox, SharesTheMessageInsteadOfCopyingIt) {
    const Outbox::Message broadcast = text("for everyone");
    Outbox first;
    Outbox second;
    first.push(broadcast, {});
    second.push(broadcast, {});
    EXPECT_EQ(first.pop().get(), broadcast.get());
    EXPECT_EQ(second.pop().get(), broadcast.get());
}

TEST(HttpOutbox, ClearDropsEverything) {
    Outbox outbox;
    outbox.push(text("a"), "x");
    outbox.push(text("b"), {});
    outbox.clear();
    EXPECT_TRUE(outbox.empty());
}

}  // namespace
