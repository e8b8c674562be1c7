#include "base/interrupt.h"

#include <pthread.h>

#include <atomic>
#include <csignal>
#include <map>
#include <mutex>
#include <thread>

namespace mc {

namespace {

std::mutex registry_mutex;
std::map<unsigned long, std::function<void()>>& registry() {
  static std::map<unsigned long, std::function<void()>> actions;
  return actions;
}
unsigned long next_id = 1;
std::atomic<bool> signal_seen{false};

sigset_t termination_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGHUP);
  return set;
}

void run_quietly(const std::function<void()>& action) {
  try {
    action();
  } catch (...) {
    // Cleanup is best effort; one failure must not keep the others from running.
  }
}

[[noreturn]] void watch_signals() {
  sigset_t set = termination_signals();
  int signal_number = 0;
  while (sigwait(&set, &signal_number) != 0) {
  }
  signal_seen = true;
  {
    // Held until the process ends: a guard finishing on another thread waits here, so the
    // process cannot exit normally halfway through this cleanup.
    registry_mutex.lock();
    auto& actions = registry();
    for (auto it = actions.rbegin(); it != actions.rend(); ++it) run_quietly(it->second);
    actions.clear();
  }
  // End the way the signal would have ended us, so that the parent sees "killed by SIGINT".
  std::signal(signal_number, SIG_DFL);
  pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
  raise(signal_number);
  _exit(128 + signal_number);
}

}  // namespace

void install_interrupt_handling() {
  sigset_t set = termination_signals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  std::thread(watch_signals).detach();
}

bool interrupted() { return signal_seen; }

CleanupGuard::CleanupGuard(std::function<void()> action) {
  std::lock_guard lock(registry_mutex);
  id_ = next_id++;
  registry().emplace(id_, std::move(action));
}

CleanupGuard& CleanupGuard::operator=(CleanupGuard&& other) noexcept {
  if (this != &other) {
    finish();
    id_ = other.id_;
    other.id_ = 0;
  }
  return *this;
}

void CleanupGuard::finish() {
  if (id_ == 0) return;
  // Under the lock: a signal arriving meanwhile waits until this cleanup is complete.
  std::lock_guard lock(registry_mutex);
  auto it = registry().find(id_);
  if (it != registry().end()) {
    run_quietly(it->second);
    registry().erase(it);
  }
  id_ = 0;
}

}  // namespace mc
