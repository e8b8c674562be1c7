#include "sql/pgserver/cluster.h"

#include <fmt/format.h>
#include <libpq-fe.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <chrono>
#include <csignal>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include "base/diagnostic.h"
#include "base/process.h"

namespace mc::pgserver {

namespace fs = std::filesystem;

namespace {

bool has_server(const fs::path& dir) {
  std::error_code ec;
  return fs::exists(dir / "initdb", ec) && fs::exists(dir / "postgres", ec);
}

std::string tail_of(const fs::path& log, size_t lines) {
  std::ifstream in(log);
  std::vector<std::string> all;
  for (std::string line; std::getline(in, line);) all.push_back(line);
  std::string out;
  for (size_t i = all.size() > lines ? all.size() - lines : 0; i < all.size(); ++i) out += "\n  " + all[i];
  return out;
}

// A unix socket path holds at most 107 bytes; a long TMPDIR falls back to /tmp.
fs::path private_directory() {
  fs::path base = fs::temp_directory_path();
  if (base.string().size() > 60) base = "/tmp";
  std::string pattern = (base / "migcompat-pg-XXXXXX").string();
  if (!mkdtemp(pattern.data())) {
    throw InputError{fmt::format("cannot create a temporary directory for the PostgreSQL cluster in {}", base.string()), {}, {}};
  }
  return pattern;
}

// Stops the server (immediate shutdown: the data is thrown away) and deletes the directory.
void stop_and_remove(pid_t pid, const fs::path& dir) {
  if (pid > 0) {
    kill(pid, SIGQUIT);
    int status = 0;
    for (int i = 0; i < 500; ++i) {
      if (waitpid(pid, &status, WNOHANG) != 0) break;
      if (i == 250) kill(pid, SIGKILL);
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
  std::error_code ec;
  fs::remove_all(dir, ec);
}

// initdb costs most of a cluster's start (about a second). Its output depends only on the
// server binaries and the options, so a pristine copy is kept per binary build and user in
// $XDG_CACHE_HOME/migcompat (or ~/.cache/migcompat) and copied for the next run. Best effort:
// without a writable cache, every run runs initdb.
fs::path initdb_cache(const fs::path& binaries, const std::optional<UserIds>& user) {
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  const char* home = std::getenv("HOME");
  if (const char* off = std::getenv("MIGCOMPAT_NO_CACHE"); off && *off) return {};
  fs::path root = xdg && *xdg ? fs::path(xdg) : home && *home ? fs::path(home) / ".cache" : fs::path();
  if (root.empty()) return {};
  std::error_code ec;
  auto built = fs::last_write_time(binaries / "postgres", ec);
  if (ec) return {};
  size_t key = std::hash<std::string>{}(binaries.string()) ^ static_cast<size_t>(built.time_since_epoch().count());
  return root / "migcompat" / fmt::format("initdb-{:x}-{}", key, user ? user->name : std::to_string(geteuid()));
}

bool copy_tree(const fs::path& from, const fs::path& to) {
  ProcessSpec copy;
  copy.argv = {"cp", "-a", from.string(), to.string()};  // -a keeps owners and modes (0700 data)
  return run_process(copy).exit_code == 0;
}

}  // namespace

std::optional<fs::path> find_server_binaries() {
  std::vector<std::pair<int, fs::path>> found;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ec)) {
    std::string name = entry.path().filename().string();
    if (!name.empty() && std::all_of(name.begin(), name.end(), ::isdigit) && has_server(entry.path() / "bin")) {
      found.emplace_back(std::stoi(name), entry.path() / "bin");
    }
  }
  if (!found.empty()) return std::max_element(found.begin(), found.end())->second;
  if (const char* path = std::getenv("PATH")) {
    std::stringstream dirs(path);
    for (std::string dir; std::getline(dirs, dir, ':');) {
      if (!dir.empty() && has_server(dir)) return fs::path(dir);
    }
  }
  return std::nullopt;
}

Cluster::Cluster(const ClusterOptions& options) {
  std::optional<UserIds> user;
  if (geteuid() == 0) {
    user = lookup_user(options.run_as);
    if (!user) {
      throw InputError{fmt::format("running as root, and PostgreSQL refuses to run as root: there is no system user \"{}\" "
                                   "to run the throwaway cluster as (create one, or pass --pg-user)",
                                   options.run_as),
                       {}, {}};
    }
  }
  dir_ = private_directory();
  fs::path dir = dir_;
  cleanup_ = CleanupGuard([this, dir] { stop_and_remove(pid_, dir); });
  if (user && chown(dir_.c_str(), user->uid, user->gid) != 0) {
    throw InputError{fmt::format("cannot hand {} to user {}", dir_.string(), user->name), {}, {}};
  }

  fs::path cache = initdb_cache(options.binaries, user);
  std::error_code ec;
  if (!cache.empty() && fs::exists(cache / "PG_VERSION", ec) && copy_tree(cache, dir_ / "data")) {
    start(options, user);
    return;
  }
  ProcessSpec initdb;
  initdb.argv = {(options.binaries / "initdb").string(), "-D", (dir_ / "data").string(), "-A", "trust", "-U", "postgres",
                 "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"};
  initdb.capture_stderr = true;
  initdb.user = user;
  ProcessResult made = run_process(initdb);
  if (made.exit_code != 0) {
    throw InputError{fmt::format("initdb failed (exit {}) for the throwaway PostgreSQL cluster:\n{}", made.exit_code, made.output), {}, {}};
  }
  if (!cache.empty()) {
    // Copied under a private name, then renamed: concurrent runs never see half a copy.
    fs::path staging = cache.string() + fmt::format(".{}", getpid());
    fs::create_directories(cache.parent_path(), ec);
    if (copy_tree(dir_ / "data", staging)) fs::rename(staging, cache, ec);
    if (ec) fs::remove_all(staging, ec);
  }
  start(options, user);
}

void Cluster::start(const ClusterOptions& options, const std::optional<UserIds>& user) {

  ProcessSpec server;
  server.argv = {(options.binaries / "postgres").string(), "-D", (dir_ / "data").string(), "-k", dir_.string(),
                 "-c", "listen_addresses=", "-c", "fsync=off", "-c", "full_page_writes=off",
                 "-c", "synchronous_commit=off", "-c", "max_connections=200", "-c", "shared_buffers=32MB"};
  server.output_file = dir_ / "server.log";
  server.capture_stderr = true;
  server.user = user;
  server.own_session = true;          // a terminal's Ctrl-C goes to migcompat, which stops the server
  server.parent_death_signal = SIGQUIT;  // and if migcompat is killed outright, the server goes too
  pid_ = start_process(server);
  if (pid_ < 0) throw InputError{"cannot start the PostgreSQL server process", {}, {}};

  std::string ping_target = conninfo();
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (PQping(ping_target.c_str()) != PQPING_OK) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw InputError{fmt::format("the throwaway PostgreSQL server exited while starting; its log:{}", tail_of(dir_ / "server.log", 20)), {}, {}};
    }
    if (std::chrono::steady_clock::now() > deadline) {
      throw InputError{fmt::format("the throwaway PostgreSQL server did not accept connections within 60 s; its log:{}",
                                   tail_of(dir_ / "server.log", 20)),
                       {}, {}};
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

std::string Cluster::conninfo() const { return fmt::format("host={} port=5432 user=postgres dbname=postgres", dir_.string()); }

}  // namespace mc::pgserver
