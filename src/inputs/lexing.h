// Pieces every source scanner (and the JSON reader of query logs) needs: hex escapes, UTF-8
// encoding of code points, nested block comments.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace mc {

// The value of one hex digit, or -1.
inline int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Up to `max` hex digits at text[pos]: their value; `pos` ends past them.
inline uint32_t read_hex(std::string_view text, size_t& pos, size_t max) {
  uint32_t value = 0;
  for (size_t k = 0; k < max && pos < text.size() && hex_digit(text[pos]) >= 0; ++k) {
    value = value * 16 + static_cast<uint32_t>(hex_digit(text[pos++]));
  }
  return value;
}

// A code point as UTF-8; surrogates and values past U+10FFFF become U+FFFD.
inline void append_utf8(std::string& out, uint32_t cp) {
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = 0xFFFD;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Past the block comment opening at text[pos] ("/*"), nested ones included (Rust, Kotlin):
// the offset after its "*/", or the end of the text.
inline size_t skip_nested_block_comment(std::string_view text, size_t pos) {
  int depth = 0;
  while (pos < text.size()) {
    if (text.compare(pos, 2, "/*") == 0) {
      ++depth;
      pos += 2;
    } else if (text.compare(pos, 2, "*/") == 0) {
      pos += 2;
      if (--depth == 0) return pos;
    } else {
      ++pos;
    }
  }
  return pos;
}

}  // namespace mc
