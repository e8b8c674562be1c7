// search_path: how written names become catalog keys, and what schema statements do to the
// catalog.
#include <gtest/gtest.h>

#include "catalog/qualify.h"
#include "catalog/replay.h"
#include "catalog/search_path.h"

namespace mc::catalog {
namespace {

using Kind = sql::SchemaChange::Kind;

bool never(const std::string&) { return false; }

TEST(SearchPath, ParsesTheSettingLikeTheServer) {
  EXPECT_EQ(SearchPath::parse("App, public").schemas(), (std::vector<std::string>{"app", "public"}));
  EXPECT_EQ(SearchPath::parse("\"$user\", \"My Schema\"").schemas(), (std::vector<std::string>{"$user", "My Schema"}));
  EXPECT_EQ(SearchPath::parse("a,,b").schemas(), (std::vector<std::string>{"a", "", "b"}));
  EXPECT_TRUE(SearchPath::parse("\"$user\", public").is_default());
}

TEST(SearchPath, TheDefaultKeepsTheKeysOfPublic) {
  SearchPath path;
  EXPECT_EQ(path.lookup("orders", never), "orders");
  EXPECT_EQ(path.lookup("public.orders", never), "orders");
  EXPECT_EQ(path.lookup("billing.orders", never), "billing.orders");
  EXPECT_EQ(path.creation("orders"), "orders");
}

TEST(SearchPath, BareNamesAreFoundInTheFirstSchemaThatHasThem) {
  SearchPath path({"app", "public"});
  auto in_public = [](const std::string& key) { return key == "orders"; };
  auto in_both = [](const std::string& key) { return key == "orders" || key == "app.orders"; };
  EXPECT_EQ(path.lookup("orders", in_public), "orders");
  EXPECT_EQ(path.lookup("orders", in_both), "app.orders");
  EXPECT_EQ(path.lookup("orders", never), "app.orders");  // missing: named where CREATE would put it
  EXPECT_EQ(path.creation("orders"), "app.orders");
}

TEST(SearchPath, CreationSkipsSchemasThatDoNotExist) {
  SearchPath path({"$user", "nowhere", "app"});
  auto app_exists = [](std::string_view schema) { return schema == "app"; };
  EXPECT_EQ(path.creation("t", app_exists), "app.t");
  EXPECT_EQ(path.creation("t", [](std::string_view) { return false; }), "nowhere.t");  // none known: the first
}

sql::SchemaChange change(Kind kind, std::string relation, std::string name = {}, std::string new_name = {}) {
  sql::SchemaChange ch;
  ch.kind = kind;
  ch.relation = std::move(relation);
  ch.name = std::move(name);
  ch.new_name = std::move(new_name);
  return ch;
}

TEST(Qualify, IndexesConstraintsAndRenamesStayInTheTablesSchema) {
  Catalog catalog;
  catalog.add_relation(Relation{.name = "app.orders"});
  std::vector<sql::SchemaChange> changes = {change(Kind::create_index, "orders", "orders_total_idx"),
                                            change(Kind::drop_constraint, "orders", "orders_pkey"),
                                            change(Kind::rename_relation, "orders", "", "purchases"),
                                            change(Kind::rename_relation, "orders", "", "public.orders")};
  qualify(changes, SearchPath({"app"}), catalog);
  EXPECT_EQ(changes[0].relation, "app.orders");
  EXPECT_EQ(changes[0].name, "app.orders_total_idx");
  EXPECT_EQ(changes[1].name, "app.orders_pkey");
  EXPECT_EQ(changes[2].new_name, "app.purchases");
  EXPECT_EQ(changes[3].new_name, "orders");  // SET SCHEMA public
}

TEST(Qualify, LaterChangesFindWhatTheStatementCreates) {
  Catalog catalog;
  catalog.add_schema("app");
  catalog.add_relation(Relation{.name = "orders"});  // public.orders exists; the path creates in app
  std::vector<sql::SchemaChange> changes = {change(Kind::create_table, "orders"), change(Kind::add_unique, "orders", "k")};
  qualify(changes, SearchPath({"app", "public"}), catalog);
  EXPECT_EQ(changes[0].relation, "app.orders");
  EXPECT_EQ(changes[1].relation, "app.orders");

  // Without schema app, CREATE goes to the first schema of the path that exists.
  Catalog without_app;
  without_app.add_relation(Relation{.name = "other"});
  std::vector<sql::SchemaChange> again = {change(Kind::create_table, "orders")};
  qualify(again, SearchPath({"app", "public"}), without_app);
  EXPECT_EQ(again[0].relation, "orders");
}

TEST(Schemas, DropIsRefusedWhileTheSchemaHoldsTablesAndCascadesOtherwise) {
  Catalog catalog;
  catalog.add_schema("billing");
  catalog.add_relation(Relation{.name = "billing.invoices"});
  catalog.add_relation(Relation{.name = "totals", .kind = RelationKind::view, .depends_on = {"billing.invoices"}});
  catalog.add_sequence("billing.numbers");
  sql::SchemaChange drop;
  drop.kind = Kind::drop_schema;
  drop.names = {"billing"};
  auto refused = apply(catalog, drop);
  ASSERT_TRUE(refused.has_value());
  EXPECT_NE(refused->find("2BP01"), std::string::npos);
  drop.cascade = true;
  EXPECT_FALSE(apply(catalog, drop).has_value());
  EXPECT_EQ(catalog.find_relation("billing.invoices"), nullptr);
  EXPECT_EQ(catalog.find_relation("totals"), nullptr);  // the view over it, in another schema
  EXPECT_FALSE(catalog.has_sequence("billing.numbers"));
  EXPECT_FALSE(catalog.has_schema("billing"));
}

TEST(Schemas, RenameMovesRelationsIndexesAndSequences) {
  Catalog catalog;
  catalog.add_schema("billing");
  catalog.add_relation(Relation{.name = "billing.invoices"});
  catalog.add_index(Index{.name = "billing.invoices_pkey", .table = "billing.invoices", .columns = {"id"}, .unique = true});
  catalog.add_sequence("billing.numbers");
  sql::SchemaChange rename;
  rename.kind = Kind::rename_schema;
  rename.name = "billing";
  rename.new_name = "finance";
  EXPECT_FALSE(apply(catalog, rename).has_value());
  EXPECT_NE(catalog.find_relation("finance.invoices"), nullptr);
  ASSERT_NE(catalog.find_index("finance.invoices_pkey"), nullptr);
  EXPECT_EQ(catalog.find_index("finance.invoices_pkey")->table, "finance.invoices");
  EXPECT_EQ(catalog.indexes_on("finance.invoices").size(), 1u);
  EXPECT_TRUE(catalog.has_sequence("finance.numbers"));
  EXPECT_FALSE(catalog.has_schema("billing"));
  EXPECT_TRUE(catalog.has_schema("finance"));
}

TEST(Schemas, CreatingOneTwiceIsRefused) {
  Catalog catalog;
  sql::SchemaChange create;
  create.kind = Kind::create_schema;
  create.name = "app";
  EXPECT_FALSE(apply(catalog, create).has_value());
  auto again = apply(catalog, create);
  ASSERT_TRUE(again.has_value());
  EXPECT_NE(again->find("42P06"), std::string::npos);
  create.if_not_exists = true;
  EXPECT_FALSE(apply(catalog, create).has_value());
  create.name = "public";
  EXPECT_FALSE(apply(catalog, create).has_value());  // IF NOT EXISTS; public is there from the start
}

}  // namespace
}  // namespace mc::catalog
