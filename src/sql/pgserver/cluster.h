// A throwaway PostgreSQL cluster: initdb into a private temporary directory (trust auth, unix
// socket in that directory, no TCP, fsync off), the server started as migcompat's own child, and
// everything stopped and deleted at the end — also on SIGINT/SIGTERM and on errors.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <optional>
#include <string>

#include "base/interrupt.h"
#include "base/process.h"

namespace mc::pgserver {

// The directory holding Debian's (or PATH's) initdb and postgres, newest major version first.
std::optional<std::filesystem::path> find_server_binaries();

struct ClusterOptions {
  std::filesystem::path binaries;     // from find_server_binaries()
  std::string run_as = "postgres";    // PostgreSQL refuses to run as root: the user it runs as then
};

class Cluster {
 public:
  // Throws InputError when the cluster cannot be created or does not start (with the server log).
  explicit Cluster(const ClusterOptions& options);
  ~Cluster() { cleanup_.finish(); }
  Cluster(const Cluster&) = delete;
  Cluster& operator=(const Cluster&) = delete;

  // A libpq connection string for the cluster's `postgres` database.
  std::string conninfo() const;

 private:
  void start(const ClusterOptions& options, const std::optional<UserIds>& user);

  std::filesystem::path dir_;
  pid_t pid_ = -1;
  CleanupGuard cleanup_;
};

}  // namespace mc::pgserver
