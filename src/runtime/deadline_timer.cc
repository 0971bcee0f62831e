#include "runtime/deadline_timer.h"

#include <condition_variable>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <utility>

#include "runtime/store_data.h"

namespace wisp::runtime::deadline_timer {

namespace {

using Clock = std::chrono::steady_clock;

class Service {
 public:
  void arm(StoreData* store, Clock::time_point when) {
    std::lock_guard<std::mutex> lock(mutex_);
    erase_locked(store);
    if (when <= Clock::now()) {
      store->interrupt.store(kInterruptDeadline, std::memory_order_relaxed);
      return;
    }
    bool earliest = queue_.empty() || when < queue_.begin()->first;
    queue_.emplace(when, store);
    by_store_.emplace(store, when);
    if (!started_) {
      started_ = true;
      // Detached and never stopped: the service lives for the whole process (it is never destroyed, so
      // stores destroyed during static destruction can still cancel safely).
      std::thread([this] { loop(); }).detach();
    } else if (earliest) {
      wake_.notify_one();
    }
  }

  void cancel(StoreData* store) {
    std::lock_guard<std::mutex> lock(mutex_);
    erase_locked(store);
  }

 private:
  void erase_locked(StoreData* store) {
    auto it = by_store_.find(store);
    if (it == by_store_.end()) return;
    queue_.erase({it->second, store});
    by_store_.erase(it);
  }

  void loop() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      if (queue_.empty()) {
        wake_.wait(lock);
        continue;
      }
      Clock::time_point next = queue_.begin()->first;
      if (Clock::now() < next) {
        wake_.wait_until(lock, next);
        continue;  // woken early (a nearer deadline) or spuriously: look again
      }
      // Expired entries: set their flags while holding the mutex (see the header on lifetime).
      Clock::time_point now = Clock::now();
      while (!queue_.empty() && queue_.begin()->first <= now) {
        StoreData* store = queue_.begin()->second;
        store->interrupt.store(kInterruptDeadline, std::memory_order_relaxed);
        by_store_.erase(store);
        queue_.erase(queue_.begin());
      }
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_;
  std::set<std::pair<Clock::time_point, StoreData*>> queue_;  // ordered by deadline
  std::map<StoreData*, Clock::time_point> by_store_;          // at most one deadline per store
  bool started_ = false;
};

Service& service() {
  static Service* s = new Service();  // intentionally leaked: see arm()
  return *s;
}

}  // namespace

void arm(StoreData* store, Clock::time_point when) { service().arm(store, when); }
void cancel(StoreData* store) { service().cancel(store); }

}  // namespace wisp::runtime::deadline_timer
