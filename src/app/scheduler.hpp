#pragma once

#include <condition_variable>
#include <exception>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/time.hpp"

namespace kc::app {

// When a job runs: every day at a wall-clock time in Amsterdam, or every so many seconds.
struct Schedule {
    enum class Kind { daily, interval };
    Kind kind = Kind::daily;
    int hour = 3;  // daily: Amsterdam time
    int minute = 30;
    time::Timestamp interval_seconds = 0;  // interval: at least 1
    // Also run once as soon as the scheduler starts (catching up on a missed night).
    bool at_start = false;

    static Schedule daily_at(int hour, int minute, bool at_start = false);
    static Schedule every(time::Timestamp seconds, bool at_start = false);
};

// The first run of `schedule` strictly after `after`.
time::Timestamp next_run(const Schedule& schedule, time::Timestamp after);

// Runs registered jobs on one background thread of its own (no Asio), one at a time, at
// the times their schedules give. A job should be short: a long one delays the others, so
// it should hand its work to the store's writer (`Store::write`) and return.
//
// Time comes from `clock`, so a test can move it and call `wake()`; waiting is real time,
// capped at `max_sleep_seconds`, so a clock that jumps (suspend, NTP) is noticed within it.
// Destruction stops promptly: it waits only for a job that is running.
class Scheduler {
  public:
    using Clock = std::function<time::Timestamp()>;
    using Job = std::function<void()>;
    // Called on the scheduler's thread when a job throws; the job runs again next time.
    using ErrorHandler = std::function<void(const std::string& job, std::exception_ptr)>;

    explicit Scheduler(Clock clock, ErrorHandler on_error = {}, int max_sleep_seconds = 60);
    ~Scheduler();
    Scheduler(const Scheduler&) = delete;
    Scheduler& operator=(const Scheduler&) = delete;

    // Registers a job; may be called before or after start().
    void add(std::string name, Schedule schedule, Job job);
    // Starts the thread. Jobs added earlier with `at_start` run first.
    void start();
    // Makes the thread look at the clock again now (for tests that move the clock).
    void wake();
    // Stops the thread, waiting for a running job to finish; called by the destructor.
    void stop();

  private:
    struct Entry {
        std::string name;
        Schedule schedule;
        Job job;
        time::Timestamp due = 0;
    };

    void loop();

    Clock clock_;
    ErrorHandler on_error_;
    int max_sleep_seconds_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::vector<Entry> entries_;
    bool started_ = false;
    bool stopping_ = false;
    bool woken_ = false;
    std::thread thread_;
};

}  // namespace kc::app
