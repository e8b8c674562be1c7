#include "sql/pgserver/server.h"

#include <fmt/format.h>

#include <random>

#include "base/diagnostic.h"

namespace mc::pgserver {

namespace {

std::string random_tag() {
  std::random_device rd;
  return fmt::format("{:08x}", rd());
}

}  // namespace

void ScratchServer::connect_admin(const std::string& conninfo) {
  conninfo_ = conninfo;
  try {
    admin_ = std::make_unique<Connection>(ConnectTarget{conninfo, "", 30000});
  } catch (const ConnectionError& e) {
    throw InputError{e.message, {}, {}};
  }
  version_ = admin_->server_version();
  prefix_ = "migcompat_" + random_tag() + "_";
}

std::unique_ptr<ScratchServer> ScratchServer::throwaway(const ClusterOptions& options) {
  std::unique_ptr<ScratchServer> server(new ScratchServer);
  server->cluster_ = std::make_unique<Cluster>(options);
  server->connect_admin(server->cluster_->conninfo() + " dbname=template1");
  server->description_ = fmt::format("PostgreSQL {} (throwaway cluster)", server->admin_->server_version_text());
  return server;
}

std::unique_ptr<ScratchServer> ScratchServer::existing(const std::string& database_url) {
  std::unique_ptr<ScratchServer> server(new ScratchServer);
  server->connect_admin(database_url);
  std::string where = describe_target(database_url);
  Result may = server->admin_->exec("SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user");
  if (!may.ok() || may.rows() != 1 || may.value(0, 0) != "t") {
    throw InputError{fmt::format("--database-url {}: this role may not create databases. migcompat works only in scratch "
                                 "databases it creates (and drops); grant CREATEDB, or use the default throwaway cluster",
                                 where),
                     {}, {}};
  }
  server->description_ = fmt::format("PostgreSQL {} at {}", server->admin_->server_version_text(), where);
  ScratchServer* self = server.get();
  server->drop_ = CleanupGuard([self] { self->drop_all(); });
  return server;
}

ScratchServer::~ScratchServer() {
  drop_.finish();
  admin_.reset();
}

std::string ScratchServer::first_database(const std::string& purpose) {
  // A throwaway cluster's own `postgres` database is scratch already (the admin connection
  // uses template1), which saves creating one.
  if (cluster_) return "postgres";
  return create_database(purpose);
}

std::string ScratchServer::create_database(const std::string& purpose, const std::string& template_db) {
  std::string name = prefix_ + purpose;
  {
    std::lock_guard lock(created_mutex_);
    created_.push_back(name);  // before creating: an interrupt in between still drops it
  }
  // FILE_COPY (PostgreSQL 15+) copies the files instead of WAL-logging every block: for small
  // scratch databases with fsync off, about half the time.
  std::string sql = fmt::format("CREATE DATABASE {} TEMPLATE {}{}", quote_identifier(name),
                                template_db.empty() ? std::string("template0") : quote_identifier(template_db),
                                version_ >= 150000 ? " STRATEGY = FILE_COPY" : "");
  Result made = admin_->exec(sql);
  if (!made.ok()) {
    throw InputError{fmt::format("cannot create scratch database {}: {}", name, made.error()->message), {}, {}};
  }
  return name;
}

ConnectTarget ScratchServer::target(const std::string& database, int statement_timeout_ms) const {
  return ConnectTarget{conninfo_, database, statement_timeout_ms};
}

// Runs on the main thread at the end, or on the interrupt watcher: a connection of its own.
void ScratchServer::drop_all() {
  std::vector<std::string> names;
  {
    std::lock_guard lock(created_mutex_);
    names.swap(created_);
  }
  if (names.empty()) return;
  Connection admin(ConnectTarget{conninfo_, "", 30000});
  std::string force = version_ >= 130000 ? " WITH (FORCE)" : "";
  for (auto it = names.rbegin(); it != names.rend(); ++it) {
    admin.exec(fmt::format("DROP DATABASE IF EXISTS {}{}", quote_identifier(*it), force));
  }
}

}  // namespace mc::pgserver
