// The scheduler that runs the nightly purge, with a clock the test moves.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "app/scheduler.hpp"

namespace kc::app {
namespace {

time::Timestamp amsterdam(int year, int month, int day, int hour, int minute) {
    return time::from_amsterdam({year, month, day, hour, minute, 0});
}

// Waits (briefly, in real time) until `done` holds.
template <typename Condition>
bool eventually(Condition done) {
    for (int i = 0; i < 400 && !done(); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return done();
}

TEST(Scheduler, NextDailyRunIsTheNextWallClockTimeInAmsterdam) {
    const auto daily = Schedule::daily_at(3, 30);
    EXPECT_EQ(next_run(daily, amsterdam(2024, 5, 1, 2, 0)), amsterdam(2024, 5, 1, 3, 30));
    EXPECT_EQ(next_run(daily, amsterdam(2024, 5, 1, 3, 30)), amsterdam(2024, 5, 2, 3, 30));
    EXPECT_EQ(next_run(daily, amsterdam(2024, 12, 31, 23, 0)), amsterdam(2025, 1, 1, 3, 30));
    // The night the clocks go back (27 October 2024) is an hour longer; the job keeps its time.
    EXPECT_EQ(next_run(daily, amsterdam(2024, 10, 26, 4, 0)), amsterdam(2024, 10, 27, 3, 30));
    EXPECT_EQ(next_run(daily, amsterdam(2024, 10, 26, 3, 30)) - amsterdam(2024, 10, 26, 3, 30),
              86'400 + 3'600);
    EXPECT_EQ(next_run(Schedule::every(600), 1'000), 1'600);
}

TEST(Scheduler, RunsAJobWhenTheClockReachesItsTime) {
    std::atomic<time::Timestamp> now{amsterdam(2024, 5, 1, 2, 0)};
    std::atomic<int> runs{0};
    Scheduler scheduler([&] { return now.load(); });
    scheduler.add("purge", Schedule::daily_at(3, 30), [&] { ++runs; });
    scheduler.start();
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    EXPECT_EQ(runs.load(), 0);

    now = amsterdam(2024, 5, 1, 3, 30);
    scheduler.wake();
    ASSERT_TRUE(eventually([&] { return runs.load() == 1; }));
    scheduler.wake();  // the same moment again: not a second run
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    EXPECT_EQ(runs.load(), 1);

    now = amsterdam(2024, 5, 2, 3, 31);
    scheduler.wake();
    EXPECT_TRUE(eventually([&] { return runs.load() == 2; }));
}

TEST(Scheduler, RunsAtStartAndSurvivesAFailingJob) {
    std::atomic<time::Timestamp> now{1'000};
    std::atomic<int> runs{0};
    std::atomic<int> failures{0};
    Scheduler scheduler([&] { return now.load(); },
                        [&](const std::string& job, std::exception_ptr) {
                            if (job == "fails") ++failures;
                        });
    scheduler.add("fails", Schedule::every(60, true), [] { throw std::runtime_error("broken"); });
    scheduler.add("works", Schedule::every(60, true), [&] { ++runs; });
    scheduler.start();
    ASSERT_TRUE(eventually([&] { return runs.load() == 1 && failures.load() == 1; }));
    now = 1'060;
    scheduler.wake();
    EXPECT_TRUE(eventually([&] { return runs.load() == 2 && failures.load() == 2; }));
}

TEST(Scheduler, StopsPromptlyWhileWaitingForADistantJob) {
    Scheduler scheduler([] { return time::Timestamp{1'000}; }, {}, 3'600);
    scheduler.add("later", Schedule::every(86'400), [] {});
    scheduler.start();
    const auto started = std::chrono::steady_clock::now();
    scheduler.stop();
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(1));
}

}  // namespace
}  // namespace kc::app
