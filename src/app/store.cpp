#include "app/store.hpp"

#include <future>

namespace kc::app {

void Store::write_and_wait(WriteJob job) {
    std::promise<void> committed;
    auto result = committed.get_future();
    write(std::move(job), [&committed](std::exception_ptr failure) {
        if (failure) {
            committed.set_exception(failure);
        } else {
            committed.set_value();
        }
    });
    result.get();
}

}  // namespace kc::app
