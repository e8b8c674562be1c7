// The query-log readers' shared parts (inside inputs/ only): a log streamed line by line, the
// entries the format readers find in it, and the readers, one per format (query_logs.h).
#pragma once

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/diagnostic.h"
#include "inputs/query_logs.h"

namespace mc {

inline constexpr size_t log_chunk_bytes = size_t{4} << 20;
inline constexpr uint64_t log_progress_every = uint64_t{32} << 20;

// A log read line by line in constant memory: one chunk plus the longest line.
class LineStream {
 public:
  explicit LineStream(const LogFile& log) : log_(log) {
    fd_ = ::open(log.path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) throw error_at(0, 0, std::strerror(errno));
    struct stat info {};
    if (::fstat(fd_, &info) == 0) size_ = static_cast<uint64_t>(info.st_size);
    if (S_ISDIR(info.st_mode)) {
      ::close(fd_);
      fd_ = -1;
      throw error_at(0, 0, "it is a directory");
    }
  }
  ~LineStream() {
    if (fd_ >= 0) ::close(fd_);
  }
  LineStream(const LineStream&) = delete;
  LineStream& operator=(const LineStream&) = delete;

  // The next line without its newline (nor a CR before it); false at the end of the file.
  bool next(std::string_view& line) {
    for (;;) {
      const char* start = buffer_.get() + begin_;
      if (const void* nl = end_ > begin_ ? std::memchr(start, '\n', end_ - begin_) : nullptr) {
        size_t length = static_cast<const char*>(nl) - start;
        return take(line, length, length + 1);
      }
      if (eof_) {
        if (begin_ == end_) return false;
        return take(line, end_ - begin_, end_ - begin_);
      }
      fill();
    }
  }

  uint32_t line_number() const { return line_; }
  uint64_t consumed() const { return consumed_; }
  uint64_t size() const { return size_; }

  InputError error_at(uint32_t line, size_t column, const std::string& what) const {
    std::string where = line ? fmt::format("{}:{}:{}: ", log_.display_path, line, column + 1) : log_.display_path + ": ";
    return InputError{fmt::format("{}cannot read query log {}: {}", where, log_.path.string(), what), {}, {}};
  }

 private:
  bool take(std::string_view& line, size_t length, size_t advance) {
    line = std::string_view(buffer_.get() + begin_, length);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (const void* nul = std::memchr(line.data(), '\0', line.size())) {
      throw error_at(line_ + 1, static_cast<const char*>(nul) - line.data(), "a NUL byte: this is binary data, not a log");
    }
    begin_ += advance;
    consumed_ += advance;
    ++line_;
    return true;
  }

  void fill() {
    if (begin_ > 0) {
      std::memmove(buffer_.get(), buffer_.get() + begin_, end_ - begin_);
      end_ -= begin_;
      begin_ = 0;
    }
    // Reads of a chunk, or of what the file holds when that is less (many small logs must not
    // each cost a chunk); a line longer than the buffer grows it.
    size_t want = size_ > 0 ? static_cast<size_t>(std::min<uint64_t>(log_chunk_bytes, size_ + 1)) : 65536;
    if (capacity_ - end_ < want) {
      size_t grown = std::max(capacity_ * 2, end_ + want);
      auto bigger = std::make_unique_for_overwrite<char[]>(grown);
      if (end_ > 0) std::memcpy(bigger.get(), buffer_.get(), end_);
      buffer_ = std::move(bigger);
      capacity_ = grown;
    }
    ssize_t got;
    do {
      got = ::read(fd_, buffer_.get() + end_, capacity_ - end_);
    } while (got < 0 && errno == EINTR);
    if (got < 0) throw error_at(0, 0, std::strerror(errno));
    if (got == 0) eof_ = true;
    end_ += static_cast<size_t>(got);
  }

  const LogFile& log_;
  int fd_ = -1;
  uint64_t size_ = 0, consumed_ = 0;
  std::unique_ptr<char[]> buffer_;
  size_t capacity_ = 0, begin_ = 0, end_ = 0;
  bool eof_ = false;
  uint32_t line_ = 0;
};

// A statement as found in a log entry: the entry's raw lines (joined by '\n'), the SQL cooked out
// of them, and where each run of SQL bytes sits in the raw text.
struct Entry {
  uint32_t first_line = 0;
  std::string raw;
  std::string sql;
  std::vector<std::pair<size_t, size_t>> pieces;  // (sql offset, raw offset), verbatim from there on
};

// Where format readers hand their entries.
class EntrySink {
 public:
  virtual ~EntrySink() = default;
  virtual void add(Entry& entry) = 0;
};

// PostgreSQL's stderr log: `LOG:  statement: …` and the like, with tab continuation lines.
void read_stderr_log(LineStream& in, EntrySink& collect, const LogFile& log, const LogProgress& progress);
// A csvlog, or a pg_stat_statements export with a `query` column.
void read_log_csv(LineStream& in, EntrySink& collect, const LogFile& log, const LogProgress& progress);
// A pg_stat_statements export as JSON: every "query" string.
void read_log_json(LineStream& in, EntrySink& collect, const LogFile& log);
// A .sql file: one entry, split into statements later.
void read_log_sql(LineStream& in, EntrySink& collect);

}  // namespace mc
