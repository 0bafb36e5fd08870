#include "app/scheduler.hpp"

#include <algorithm>
#include <chrono>
#include <limits>

namespace kc::app {

Schedule Schedule::daily_at(int hour, int minute, bool at_start) {
    Schedule schedule;
    schedule.kind = Kind::daily;
    schedule.hour = hour;
    schedule.minute = minute;
    schedule.at_start = at_start;
    return schedule;
}

Schedule Schedule::every(time::Timestamp seconds, bool at_start) {
    Schedule schedule;
    schedule.kind = Kind::interval;
    schedule.interval_seconds = std::max<time::Timestamp>(seconds, 1);
    schedule.at_start = at_start;
    return schedule;
}

time::Timestamp next_run(const Schedule& schedule, time::Timestamp after) {
    if (schedule.kind == Schedule::Kind::interval) {
        return after + std::max<time::Timestamp>(schedule.interval_seconds, 1);
    }
    time::LocalDateTime local = time::to_amsterdam(after);
    local.hour = schedule.hour;
    local.minute = schedule.minute;
    local.second = 0;
    time::Timestamp candidate = time::from_amsterdam(local);
    // Tomorrow's date by way of noon, which no change of clocks can push into another day.
    while (candidate <= after) {
        time::LocalDateTime noon = time::to_amsterdam(candidate);
        noon.hour = 12;
        noon.minute = 0;
        noon.second = 0;
        time::LocalDateTime next = time::to_amsterdam(time::from_amsterdam(noon) + 86'400);
        next.hour = schedule.hour;
        next.minute = schedule.minute;
        next.second = 0;
        candidate = time::from_amsterdam(next);
    }
    return candidate;
}

Scheduler::Scheduler(Clock clock, ErrorHandler on_error, int max_sleep_seconds)
    : clock_(std::move(clock)),
      on_error_(std::move(on_error)),
      max_sleep_seconds_(std::max(max_sleep_seconds, 1)) {}

Scheduler::~Scheduler() { stop(); }

void Scheduler::add(std::string name, Schedule schedule, Job job) {
    {
        std::lock_guard lock(mutex_);
        const time::Timestamp now = clock_();
        const time::Timestamp due = schedule.at_start ? now : next_run(schedule, now);
        entries_.push_back({std::move(name), schedule, std::move(job), due});
        woken_ = true;
    }
    wake_.notify_all();
}

void Scheduler::start() {
    std::lock_guard lock(mutex_);
    if (started_) return;
    started_ = true;
    thread_ = std::thread([this] { loop(); });
}

void Scheduler::wake() {
    {
        std::lock_guard lock(mutex_);
        woken_ = true;
    }
    wake_.notify_all();
}

void Scheduler::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void Scheduler::loop() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        const time::Timestamp now = clock_();
        time::Timestamp earliest = std::numeric_limits<time::Timestamp>::max();
        Entry* due = nullptr;
        for (auto& entry : entries_) {
            if (entry.due <= now && (!due || entry.due < due->due)) due = &entry;
            earliest = std::min(earliest, entry.due);
        }
        if (due) {
            // The job runs without the lock, so add(), wake() and stop() never wait for it.
            // Entries are only ever appended, but appending may move them: keep copies.
            const std::string name = due->name;
            const Job job = due->job;
            due->due = next_run(due->schedule, now);
            lock.unlock();
            try {
                job();
            } catch (...) {
                if (on_error_) on_error_(name, std::current_exception());
            }
            lock.lock();
            continue;
        }
        const time::Timestamp wait =
            std::clamp<time::Timestamp>(earliest - now, 1, max_sleep_seconds_);
        woken_ = false;
        wake_.wait_for(lock, std::chrono::seconds(wait), [this] { return stopping_ || woken_; });
    }
}

}  // namespace kc::app
