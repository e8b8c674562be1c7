#include "base/process.h"

#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <csignal>

namespace mc {

std::optional<UserIds> lookup_user(const std::string& name) {
  struct passwd entry {};
  struct passwd* found = nullptr;
  std::array<char, 4096> buffer{};
  if (getpwnam_r(name.c_str(), &entry, buffer.data(), buffer.size(), &found) != 0 || !found) return std::nullopt;
  return UserIds{found->pw_uid, found->pw_gid, name};
}

namespace {

// In the child, between fork and exec: only async-signal-safe calls.
[[noreturn]] void exec_child(const ProcessSpec& spec, char* const* argv, int capture_fd) {
  // migcompat blocks its termination signals for the watcher thread; the child must not inherit that.
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);
  if (spec.own_session) setsid();
  int out_fd = capture_fd;
  if (!spec.output_file.empty()) out_fd = ::open(spec.output_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (out_fd < 0) _exit(126);
  if (spec.user && geteuid() == 0) {
    if (setgroups(0, nullptr) != 0 || setgid(spec.user->gid) != 0 || setuid(spec.user->uid) != 0) _exit(126);
  }
  // After setuid: a change of credentials clears the parent-death signal.
  if (spec.parent_death_signal != 0) prctl(PR_SET_PDEATHSIG, spec.parent_death_signal);
  int null_fd = ::open("/dev/null", O_RDWR);
  if (null_fd >= 0) dup2(null_fd, STDIN_FILENO);
  dup2(out_fd, STDOUT_FILENO);
  if (spec.capture_stderr) dup2(out_fd, STDERR_FILENO);
  else if (null_fd >= 0) dup2(null_fd, STDERR_FILENO);
  execvp(argv[0], argv);
  _exit(127);
}

pid_t fork_child(const ProcessSpec& spec, int capture_fd) {
  std::vector<char*> argv;
  for (const std::string& a : spec.argv) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = fork();
  if (pid == 0) exec_child(spec, argv.data(), capture_fd);
  return pid;
}

}  // namespace

ProcessResult run_process(const ProcessSpec& spec) {
  ProcessResult result;
  if (spec.argv.empty()) return result;
  int pipe_fds[2] = {-1, -1};
  if (spec.output_file.empty() && pipe2(pipe_fds, O_CLOEXEC) != 0) return result;
  pid_t pid = fork_child(spec, pipe_fds[1]);
  if (pipe_fds[1] >= 0) close(pipe_fds[1]);
  if (pid < 0) {
    if (pipe_fds[0] >= 0) close(pipe_fds[0]);
    return result;
  }
  if (pipe_fds[0] >= 0) {
    std::array<char, 4096> buffer{};
    ssize_t n;
    while ((n = read(pipe_fds[0], buffer.data(), buffer.size())) > 0) result.output.append(buffer.data(), static_cast<size_t>(n));
    close(pipe_fds[0]);
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

pid_t start_process(const ProcessSpec& spec) {
  if (spec.argv.empty() || spec.output_file.empty()) return -1;
  return fork_child(spec, -1);
}

}  // namespace mc
