// The old tree taken from git: `check --base REF` reads the files of commit REF into a private
// temporary directory (git archive), never touching the user's checkout or index.
#pragma once

#include <filesystem>
#include <string>

#include "base/interrupt.h"

namespace mc {

class GitSnapshot {
 public:
  // Extracts REF as seen from `worktree` (a directory inside a git checkout). When `worktree` is a
  // subdirectory of the repository, the snapshot holds that same subdirectory of REF. Throws
  // InputError when git is missing, `worktree` is not in a checkout, or REF is not a commit here
  // (with the fetch command a shallow CI clone needs).
  GitSnapshot(const std::filesystem::path& worktree, const std::string& ref);
  ~GitSnapshot();
  GitSnapshot(const GitSnapshot&) = delete;
  GitSnapshot& operator=(const GitSnapshot&) = delete;

  const std::filesystem::path& root() const { return root_; }

 private:
  std::filesystem::path temp_;
  std::filesystem::path root_;
  CleanupGuard cleanup_;  // removes temp_, also when the run is interrupted
};

}  // namespace mc
