// Where migcompat's scratch databases live: a throwaway cluster of its own, or an existing server
// (--database-url) on which it creates databases named migcompat_<random>_<purpose>, writes only
// to those, and drops them at the end — also on SIGINT/SIGTERM.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "base/interrupt.h"
#include "sql/pgserver/cluster.h"
#include "sql/pgserver/connection.h"

namespace mc::pgserver {

class ScratchServer {
 public:
  // Both throw InputError when the server cannot be started or reached, or (for an existing
  // server) the role may not create databases.
  static std::unique_ptr<ScratchServer> throwaway(const ClusterOptions& options);
  static std::unique_ptr<ScratchServer> existing(const std::string& database_url);
  ~ScratchServer();
  ScratchServer(const ScratchServer&) = delete;
  ScratchServer& operator=(const ScratchServer&) = delete;

  // An empty database to build the first schema in.
  std::string first_database(const std::string& purpose);

  // A new database: empty (from template0), or a copy of `template_db`, which must have no open
  // connections. Returns its name.
  std::string create_database(const std::string& purpose, const std::string& template_db = "");

  ConnectTarget target(const std::string& database, int statement_timeout_ms = 0) const;

  // "PostgreSQL 15.18 (throwaway cluster)" or "PostgreSQL 16.2 at db.example:5432/postgres as ci".
  const std::string& description() const { return description_; }
  int server_version() const { return version_; }

 private:
  ScratchServer() = default;
  void connect_admin(const std::string& conninfo);
  void drop_all();

  std::unique_ptr<Cluster> cluster_;
  std::string conninfo_;
  std::unique_ptr<Connection> admin_;
  std::string prefix_;
  std::string description_;
  int version_ = 0;
  std::mutex created_mutex_;
  std::vector<std::string> created_;
  CleanupGuard drop_;  // existing servers only: a throwaway cluster is deleted whole
};

}  // namespace mc::pgserver
