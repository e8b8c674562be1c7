// ParallelAhead (base/parallel_ahead.h): items come in order whoever produced them, a batch's
// failure reaches the consumer of its items, and released batches are gone.
#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "base/parallel.h"
#include "base/parallel_ahead.h"

namespace mc {
namespace {

class ParallelAheadOnFourThreads : public ::testing::Test {
 protected:
  void SetUp() override { set_thread_count(4); }
  void TearDown() override { set_thread_count(0); }
};

TEST_F(ParallelAheadOnFourThreads, ItemsComeInOrderAndTakeReturnsThemAll) {
  // 1,000 items in batches of 7: the last batch is short.
  ParallelAhead<std::string> ahead(1000, 7, [](size_t i) { return std::to_string(i * i); });
  for (size_t i = 0; i < 1000; ++i) ASSERT_EQ(ahead.get(i), std::to_string(i * i)) << i;
  ahead.get(3) += "!";  // items are the consumer's to change
  std::vector<std::string> all = std::move(ahead).take();
  ASSERT_EQ(all.size(), 1000u);
  EXPECT_EQ(all[3], "9!");
  EXPECT_EQ(all[999], "998001");
}

TEST_F(ParallelAheadOnFourThreads, AFailedBatchThrowsForItsItemsOnly) {
  ParallelAhead<int> ahead(100, 10, [](size_t i) {
    if (i == 42) throw std::runtime_error("item 42");
    return static_cast<int>(i);
  });
  EXPECT_EQ(ahead.get(39), 39);
  EXPECT_THROW(ahead.get(40), std::runtime_error);  // 40–49 are one batch
  EXPECT_THROW(ahead.get(49), std::runtime_error);
  EXPECT_EQ(ahead.get(50), 50);
}

// An item that counts the live ones, to see a release free them.
struct Counted {
  static inline std::atomic<int> live{0};
  std::unique_ptr<int> held;
  Counted() = default;
  explicit Counted(int v) : held(std::make_unique<int>(v)) { ++live; }
  Counted(Counted&& other) noexcept = default;
  Counted& operator=(Counted&& other) noexcept {
    if (held) --live;
    held = std::move(other.held);
    return *this;
  }
  ~Counted() {
    if (held) --live;
  }
};

TEST_F(ParallelAheadOnFourThreads, ReleasedBatchesAreFreedAndTheRestKept) {
  {
    ParallelAhead<Counted> ahead(64, 8, [](size_t i) { return Counted(static_cast<int>(i)); });
    for (size_t i = 0; i < 64; ++i) ASSERT_EQ(*ahead.get(i).held, static_cast<int>(i));
    EXPECT_EQ(Counted::live, 64);
    ahead.release_before(20);  // batches 0 and 1 (items 0–15); batch 2 holds item 20 still
    EXPECT_EQ(Counted::live, 48);
    EXPECT_EQ(*ahead.get(16).held, 16);
    ahead.release_before(20);  // again: nothing more
    EXPECT_EQ(Counted::live, 48);
    ahead.release_before(64);
    EXPECT_EQ(Counted::live, 0);
  }
  EXPECT_EQ(Counted::live, 0);
}

TEST(ParallelAhead, OneThreadProducesEverythingOnTheConsumer) {
  set_thread_count(1);
  std::atomic<int> calls{0};
  ParallelAhead<size_t> ahead(50, 4, [&calls](size_t i) {
    ++calls;
    return i + 1;
  });
  EXPECT_EQ(ahead.get(0), 1u);
  EXPECT_EQ(calls, 4);  // only the first batch so far: nothing runs ahead without helpers
  EXPECT_EQ(ahead.get(49), 50u);
  set_thread_count(0);
}

}  // namespace
}  // namespace mc
