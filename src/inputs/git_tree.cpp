#include "inputs/git_tree.h"

#include <fmt/format.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

#include "base/diagnostic.h"
#include "base/text.h"

namespace mc {

namespace fs = std::filesystem;

namespace {

// The snapshot directory to remove if the run is interrupted. A signal handler may only touch
// lock-free globals, so it is a fixed buffer; removal there is best effort right before exit.
char interrupted_cleanup_path[4096] = {0};

extern "C" void remove_snapshot_and_exit(int signal_number) {
  if (interrupted_cleanup_path[0]) {
    std::error_code ec;
    fs::remove_all(interrupted_cleanup_path, ec);
  }
  std::signal(signal_number, SIG_DFL);
  std::raise(signal_number);
}

void arm_cleanup(const fs::path& dir) {
  std::snprintf(interrupted_cleanup_path, sizeof interrupted_cleanup_path, "%s", dir.c_str());
  std::signal(SIGINT, remove_snapshot_and_exit);
  std::signal(SIGTERM, remove_snapshot_and_exit);
}

void disarm_cleanup() {
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  interrupted_cleanup_path[0] = 0;
}

// Runs argv without a shell; returns exit status and captured stdout.
int run(const std::vector<std::string>& argv, std::string* out, const fs::path* stdout_file = nullptr) {
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) return -1;
  pid_t pid = fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    close(pipe_fds[0]);
    if (stdout_file) {
      FILE* f = std::fopen(stdout_file->c_str(), "wb");
      if (!f) _exit(127);
      dup2(fileno(f), STDOUT_FILENO);
    } else {
      dup2(pipe_fds[1], STDOUT_FILENO);
    }
    int devnull = ::open("/dev/null", 0);
    if (devnull >= 0) dup2(devnull, STDERR_FILENO);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    _exit(127);
  }
  close(pipe_fds[1]);
  std::array<char, 4096> buffer;
  ssize_t n;
  while ((n = read(pipe_fds[0], buffer.data(), buffer.size())) > 0) {
    if (out) out->append(buffer.data(), static_cast<size_t>(n));
  }
  close(pipe_fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
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
  arm_cleanup(temp_);
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

GitSnapshot::~GitSnapshot() {
  std::error_code ec;
  if (!temp_.empty()) fs::remove_all(temp_, ec);
  disarm_cleanup();
}

}  // namespace mc
