#include "inputs/git_tree.h"

#include <fmt/format.h>

#include <random>
#include <vector>

#include "base/diagnostic.h"
#include "base/process.h"
#include "base/text.h"

namespace mc {

namespace fs = std::filesystem;

namespace {

// Runs argv; returns its exit status (127: not found) and, unless written to `stdout_file`, its stdout.
int run(const std::vector<std::string>& argv, std::string* out, const fs::path* stdout_file = nullptr) {
  ProcessSpec spec;
  spec.argv = argv;
  if (stdout_file) spec.output_file = *stdout_file;
  ProcessResult result = run_process(spec);
  if (out) *out = std::move(result.output);
  return result.exit_code;
}

}  // namespace

GitSnapshot::GitSnapshot(const fs::path& worktree, const std::string& ref) {
  std::string dir = worktree.string();
  std::string prefix;
  int rc = run({"git", "-C", dir, "rev-parse", "--show-prefix"}, &prefix);
  if (rc == 127 || rc < 0) throw InputError{"--base needs git, and it was not found on PATH", {}, {}};
  if (rc != 0) throw InputError{fmt::format("--base: {} is not inside a git checkout", dir), {}, {}};
  prefix = std::string(trim(prefix));
  std::string toplevel;
  run({"git", "-C", dir, "rev-parse", "--show-toplevel"}, &toplevel);
  toplevel = std::string(trim(toplevel));
  std::string ignored;
  if (run({"git", "-C", dir, "rev-parse", "--verify", "--quiet", ref + "^{commit}"}, &ignored) != 0) {
    std::string shallow;
    run({"git", "-C", dir, "rev-parse", "--is-shallow-repository"}, &shallow);
    std::string hint = trim(shallow) == "true"
                           ? fmt::format(" This is a shallow clone: fetch it first, e.g. `git fetch --depth=1 origin {}` "
                                         "(or check out with full history: actions/checkout `fetch-depth: 0`).",
                                         ref)
                           : fmt::format(" Fetch it first, e.g. `git fetch origin {}`.", ref);
    throw InputError{fmt::format("--base {}: no such commit in this repository.{}", ref, hint), {}, {}};
  }

  std::random_device rd;
  temp_ = fs::temp_directory_path() / fmt::format("migcompat-base-{:x}", rd());
  fs::create_directories(temp_);
  cleanup_ = CleanupGuard([dir = temp_] {
    std::error_code ec;
    fs::remove_all(dir, ec);
  });
  fs::path tar = temp_ / "tree.tar";
  std::string treeish = prefix.empty() ? ref : ref + ":" + prefix;
  // Run at the top level: from a subdirectory, git archive would limit itself to the current one.
  if (run({"git", "-C", toplevel, "archive", "--format=tar", treeish}, nullptr, &tar) != 0) {
    // The subdirectory may not exist at REF: then the old tree is empty.
    fs::remove(tar);
  }
  root_ = temp_ / "tree";
  fs::create_directories(root_);
  if (fs::exists(tar) && run({"tar", "-xf", tar.string(), "-C", root_.string()}, nullptr) != 0) {
    throw InputError{fmt::format("--base {}: could not unpack the commit's files", ref), {}, {}};
  }
  fs::remove(tar);
}

GitSnapshot::~GitSnapshot() = default;

}  // namespace mc
