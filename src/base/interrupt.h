// Cleanup that must happen however a run ends: normally, by an error, or by SIGINT, SIGTERM or
// SIGHUP. migcompat owns temporary directories, a PostgreSQL server and scratch databases; none
// may outlive it.
//
// install_interrupt_handling() blocks those signals in every thread and starts one watcher thread
// that waits for them (sigwait). On a signal the watcher runs every registered cleanup, newest
// first, and then ends the process by the same signal. Cleanups are ordinary code — no
// async-signal-safety limits — because they run on that thread, not in a signal handler.
#pragma once

#include <functional>

namespace mc {

// Call once, first thing in main, before any other thread starts. Without it (unit tests),
// cleanups still run from destructors.
void install_interrupt_handling();

// True once a termination signal arrived; long loops use it to stop early.
bool interrupted();

// Runs `action` once: when the guard is destroyed or finish() is called, or on a signal,
// whichever comes first.
class CleanupGuard {
 public:
  CleanupGuard() = default;
  explicit CleanupGuard(std::function<void()> action);
  ~CleanupGuard() { finish(); }
  CleanupGuard(const CleanupGuard&) = delete;
  CleanupGuard& operator=(const CleanupGuard&) = delete;
  CleanupGuard(CleanupGuard&& other) noexcept : id_(other.id_) { other.id_ = 0; }
  CleanupGuard& operator=(CleanupGuard&& other) noexcept;

  // Runs the action now (if the watcher has not), and forgets it.
  void finish();

 private:
  unsigned long id_ = 0;
};

}  // namespace mc
