#include "inputs/tree.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <optional>

#include <fmt/format.h>

#include "base/diagnostic.h"
#include "base/parallel.h"
#include "base/text.h"

namespace mc {

namespace fs = std::filesystem;

Tree open_tree(std::string label, const fs::path& root, const TreeSettings& overrides) {
  std::error_code ec;
  if (!fs::exists(root, ec)) {
    throw InputError{fmt::format("--{} {}: no such directory", label, root.string()), {}, {}};
  }
  if (!fs::is_directory(root, ec)) {
    throw InputError{fmt::format("--{} {}: not a directory", label, root.string()), {}, {}};
  }
  Tree tree{std::move(label), root, {}};
  tree.settings = merge(load_tree_settings(root), overrides);
  return tree;
}

namespace {

// The tree's root, opened once when many files are read: they are opened relative to it, so that
// the kernel does not walk the root's path again for each of thousands of files. For one file,
// opening the root would cost two system calls more: its path is opened whole.
class RootDirectory {
 public:
  enum Use { one_file, many_files };
  RootDirectory(const Tree& tree, Use use)
      : root_(tree.root), fd_(use == many_files ? ::open(root_.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC) : -1) {}
  ~RootDirectory() {
    if (fd_ >= 0) ::close(fd_);
  }
  RootDirectory(const RootDirectory&) = delete;
  RootDirectory& operator=(const RootDirectory&) = delete;

  int open(const std::string& relative_path) const {
    if (fd_ < 0) return ::open((root_ / relative_path).c_str(), O_RDONLY | O_CLOEXEC);
    return ::openat(fd_, relative_path.c_str(), O_RDONLY | O_CLOEXEC);  // an absolute path ignores fd_, as `/` does
  }

 private:
  fs::path root_;
  int fd_;
};

// A file's bytes, checked to be UTF-8 text. Touches nothing shared: safe on any thread.
std::string read_tree_text(const Tree& tree, const RootDirectory& root, const std::string& relative_path) {
  auto fail = [&](int error) {
    return InputError{fmt::format("{}: cannot read {}: {} (in the {} tree)", relative_path, (tree.root / relative_path).string(),
                                  std::strerror(error), tree.label),
                      {}, {}};
  };
  int fd = root.open(relative_path);
  if (fd < 0) throw fail(errno);
  std::string text;
  struct stat info {};
  bool regular = ::fstat(fd, &info) == 0 && S_ISREG(info.st_mode);
  // A regular file is read with one call for its size and a byte more: when the size's bytes came
  // and the extra one did not, that was the end (a lint of thousands of small files pays per
  // system call). Anything else (a pipe, a file that grew, a read cut short at 2 GiB) reads on to
  // the end of the file.
  const size_t expected = regular ? static_cast<size_t>(info.st_size) : 0;
  constexpr size_t chunk = 65536;
  for (;;) {
    size_t have = text.size();
    size_t want = have < expected ? expected - have + 1 : chunk;
    text.resize(have + want);
    ssize_t got = ::read(fd, text.data() + have, want);
    text.resize(have + static_cast<size_t>(std::max<ssize_t>(got, 0)));
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      int error = errno;
      ::close(fd);
      throw fail(error);
    }
    if (got == 0 || (expected > 0 && text.size() == expected)) break;
  }
  ::close(fd);
  if (looks_binary(text)) {
    throw InputError{fmt::format("{}:1:1: expected a text file, found binary data (in the {} tree)", relative_path, tree.label),
                     {}, {}};
  }
  if (size_t bad = first_non_text_byte(text); bad != std::string::npos) {
    size_t line_start = text.rfind('\n', bad);
    line_start = line_start == std::string::npos ? 0 : line_start + 1;
    auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(bad), '\n');
    std::string what = text[bad] == '\0' ? "a NUL byte in a text file"
                                          : fmt::format("not valid UTF-8 (byte 0x{:02X}); source files are read as "
                                                        "UTF-8: convert it, e.g. iconv -f latin1 -t utf-8",
                                                        static_cast<unsigned char>(text[bad]));
    throw InputError{fmt::format("{}:{}:{}: {} (in the {} tree)", relative_path, line, bad - line_start + 1, what, tree.label),
                     {}, {}};
  }
  return text;
}

}  // namespace

const SourceFile& read_tree_file(SourceManager& sources, const Tree& tree, const std::string& relative_path) {
  RootDirectory root(tree, RootDirectory::one_file);
  return sources.add(tree.root / relative_path, relative_path, read_tree_text(tree, root, relative_path), tree.label);
}

std::vector<const SourceFile*> read_tree_files(SourceManager& sources, const Tree& tree, const std::vector<std::string>& paths) {
  RootDirectory root(tree, RootDirectory::many_files);
  std::vector<std::unique_ptr<SourceFile>> files(paths.size());
  std::vector<std::optional<InputError>> errors(paths.size());
  parallel_for(paths.size(), 16, [&](size_t i) {
    try {
      files[i] = std::make_unique<SourceFile>(tree.root / paths[i], paths[i], read_tree_text(tree, root, paths[i]), tree.label);
    } catch (InputError& e) {
      errors[i] = std::move(e);
    }
  });
  std::vector<const SourceFile*> out;
  out.reserve(paths.size());
  for (size_t i = 0; i < paths.size(); ++i) {
    if (errors[i]) throw std::move(*errors[i]);  // the first in path order, as a sequential read would
    out.push_back(&sources.add(std::move(files[i])));
  }
  return out;
}

namespace {

// Expands the first {a,b} group; patterns without braces come back as they are.
std::vector<std::string> expand_braces(std::string_view pattern) {
  size_t open = pattern.find('{');
  if (open == std::string_view::npos) return {std::string(pattern)};
  size_t close = pattern.find('}', open);
  if (close == std::string_view::npos) return {std::string(pattern)};
  std::vector<std::string> out;
  std::string_view body = pattern.substr(open + 1, close - open - 1);
  size_t start = 0;
  while (true) {
    size_t comma = body.find(',', start);
    std::string_view alt = body.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    std::string joined = std::string(pattern.substr(0, open)) + std::string(alt) + std::string(pattern.substr(close + 1));
    for (auto& e : expand_braces(joined)) out.push_back(std::move(e));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return out;
}

bool segment_match(std::string_view pat, std::string_view s) {
  // Iterative wildcard match with backtracking on the last '*'.
  size_t p = 0, i = 0, star = std::string_view::npos, mark = 0;
  while (i < s.size()) {
    if (p < pat.size() && (pat[p] == '?' || pat[p] == s[i])) {
      ++p;
      ++i;
    } else if (p < pat.size() && pat[p] == '*') {
      star = p++;
      mark = i;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      i = ++mark;
    } else {
      return false;
    }
  }
  while (p < pat.size() && pat[p] == '*') ++p;
  return p == pat.size();
}

std::vector<std::string_view> split_segments(std::string_view path) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    if (slash > start) out.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return out;
}

bool match_segments(const std::vector<std::string_view>& pat, size_t pi, const std::vector<std::string_view>& path,
                    size_t si) {
  if (pi == pat.size()) return si == path.size();
  if (pat[pi] == "**") {
    for (size_t k = si; k <= path.size(); ++k) {
      if (match_segments(pat, pi + 1, path, k)) return true;
    }
    return false;
  }
  if (si == path.size()) return false;
  return segment_match(pat[pi], path[si]) && match_segments(pat, pi + 1, path, si + 1);
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
  auto path_segments = split_segments(path);
  for (const std::string& alt : expand_braces(pattern)) {
    if (match_segments(split_segments(alt), 0, path_segments, 0)) return true;
  }
  return false;
}

std::vector<std::string> glob_files(const Tree& tree, const std::string& pattern) {
  std::vector<std::string> out;
  // A pattern without wildcards names one file.
  if (pattern.find_first_of("*?{") == std::string::npos) {
    std::error_code ec;
    if (fs::is_regular_file(tree.root / pattern, ec)) out.push_back(fs::path(pattern).lexically_normal().generic_string());
    return out;
  }
  // Walk only below the pattern's literal prefix.
  std::string prefix;
  for (auto seg : split_segments(pattern)) {
    if (seg.find_first_of("*?{") != std::string_view::npos) break;
    prefix += std::string(seg) + "/";
  }
  fs::path start = tree.root / prefix;
  std::error_code ec;
  if (!fs::is_directory(start, ec)) return out;
  fs::recursive_directory_iterator it(start, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const auto& entry = *it;
    std::string name = entry.path().filename().string();
    if (entry.is_directory(ec) && (name == ".git" || name == "node_modules")) {
      it.disable_recursion_pending();
      continue;
    }
    // A symlink that leads nowhere (dangling, or a loop) is kept when it matches, so reading it
    // fails with the reason instead of the file silently going unchecked.
    bool dead_link = entry.is_symlink(ec) && !fs::exists(entry.path(), ec);
    if (!entry.is_regular_file(ec) && !dead_link) continue;
    // Lexically: fs::relative resolves symlinks, which fails on a loop and leaves the tree for a link.
    std::string relative = entry.path().lexically_relative(tree.root).generic_string();
    if (glob_match(pattern, relative)) out.push_back(relative);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace mc
