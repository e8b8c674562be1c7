// Wall-clock phases of a run, for --timings and the benchmarks.
#pragma once

#include <chrono>

namespace mc {

class Stopwatch {
 public:
  // Seconds since construction or the previous lap.
  double lap() {
    auto now = std::chrono::steady_clock::now();
    double seconds = std::chrono::duration<double>(now - last_).count();
    last_ = now;
    return seconds;
  }

 private:
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

}  // namespace mc
