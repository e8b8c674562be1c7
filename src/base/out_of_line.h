// A value kept on the heap, absent until first written, and copied with its owner: for members
// that most instances of a small, often-copied class leave empty (a catalog snapshot of one table
// has no functions or sequences), so that those instances stay small and cheap to move.
#pragma once

#include <memory>

namespace mc {

template <class T>
class OutOfLine {
 public:
  OutOfLine() = default;
  OutOfLine(const OutOfLine& other) : value_(other.value_ ? std::make_unique<T>(*other.value_) : nullptr) {}
  OutOfLine& operator=(const OutOfLine& other) {
    if (this != &other) value_ = other.value_ ? std::make_unique<T>(*other.value_) : nullptr;
    return *this;
  }
  OutOfLine(OutOfLine&&) noexcept = default;
  OutOfLine& operator=(OutOfLine&&) noexcept = default;
  ~OutOfLine() = default;

  // The value, or an empty one while nothing was written.
  const T& get() const {
    static const T empty{};
    return value_ ? *value_ : empty;
  }
  // The value for writing, made on first use.
  T& edit() {
    if (!value_) value_ = std::make_unique<T>();
    return *value_;
  }
  // The value for changing what is there, without making it: null while nothing was written.
  T* existing() { return value_.get(); }

 private:
  std::unique_ptr<T> value_;
};

}  // namespace mc
