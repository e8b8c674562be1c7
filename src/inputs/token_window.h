// The scanners' tokens, kept in a sliding window. Declaration patterns (`const NAME = "…"`,
// imports) are matched as tokens arrive; tokens far behind the newest are dropped, so memory
// stays flat on a 100 MB minified file, and a pattern's search is bounded, so time stays linear.
#pragma once

#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

namespace mc {

template <class Token>
class TokenWindow {
 public:
  // How far past its first token a pattern may look; it may also look one token back.
  static constexpr size_t lookahead = 256;

  // Adds a token. When the buffer is full, `match(i)` runs at each token that now has
  // `lookahead` tokens after it, and all but the last of those are dropped.
  template <class Match>
  void push(Token token, Match&& match) {
    tokens_.push_back(std::move(token));
    if (tokens_.size() < 4 * lookahead) return;
    size_t upto = tokens_.size() - lookahead;
    for (; next_ < upto; ++next_) match(next_);
    tokens_.erase(tokens_.begin(), tokens_.begin() + static_cast<std::ptrdiff_t>(upto - 1));
    next_ = 1;
  }

  // At the end of input: matches at the tokens still waiting.
  template <class Match>
  void finish(Match&& match) {
    for (; next_ < tokens_.size(); ++next_) match(next_);
  }

  size_t size() const { return tokens_.size(); }
  bool empty() const { return tokens_.empty(); }
  const Token& operator[](size_t i) const { return tokens_[i]; }
  Token& back() { return tokens_.back(); }
  const Token& back() const { return tokens_.back(); }
  // Where a pattern starting at `i` must stop looking.
  size_t end_for(size_t i) const { return std::min(tokens_.size(), i + lookahead); }

 private:
  std::vector<Token> tokens_;
  size_t next_ = 0;  // the first token no pattern has started at
};

}  // namespace mc
