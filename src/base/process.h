// Child processes without a shell: git for `--base`, initdb and postgres for the throwaway cluster.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace mc {

struct UserIds {
  uid_t uid = 0;
  gid_t gid = 0;
  std::string name;
};

// The system user `name`, if it exists.
std::optional<UserIds> lookup_user(const std::string& name);

struct ProcessSpec {
  std::vector<std::string> argv;     // argv[0] is looked up on PATH unless it holds a slash
  std::filesystem::path output_file; // stdout (and stderr when capture_stderr) go here; empty: captured
  bool capture_stderr = false;       // stderr joins stdout; otherwise it goes to /dev/null
  std::optional<UserIds> user;       // switch to this user first (only when running as root)
  bool own_session = false;          // setsid: a terminal's Ctrl-C reaches migcompat, not the child
  int parent_death_signal = 0;       // sent to the child when migcompat dies, however it dies
};

struct ProcessResult {
  int exit_code = -1;  // 127: not found or not executable; -1: did not start or was killed
  std::string output;  // captured stdout (and stderr), when output_file is empty
};

// Runs the process to completion.
ProcessResult run_process(const ProcessSpec& spec);

// Starts the process in the background (output must go to a file); returns its pid, or -1.
pid_t start_process(const ProcessSpec& spec);

}  // namespace mc
