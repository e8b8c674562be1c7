// The catalog's own invariants: copies share relations until one is edited, and what depends on
// a relation (views, owned sequences) follows its renames.
#include <gtest/gtest.h>

#include "catalog/catalog.h"
#include "catalog/replay.h"

namespace mc::catalog {
namespace {

Relation table(std::string name, std::vector<std::string> columns) {
  Relation r;
  r.name = std::move(name);
  for (auto& c : columns) r.columns.push_back(Column{.name = std::move(c), .type = "text"});
  return r;
}

Relation view_reading(std::string name, const std::string& relation, const std::vector<std::string>& columns) {
  Relation v;
  v.name = std::move(name);
  v.kind = RelationKind::view;
  v.depends_on = {relation};
  for (const auto& c : columns) {
    v.columns.push_back(Column{.name = c});
    v.reads.push_back({relation, c});
  }
  return v;
}

TEST(Catalog, CopiesShareRelationsUntilOneIsEdited) {
  Catalog original;
  original.add_relation(table("orders", {"id", "total"}));
  original.add_relation(view_reading("totals", "orders", {"total"}));
  Catalog copy = original;
  EXPECT_EQ(original.find_relation("orders"), copy.find_relation("orders"));

  copy.edit_relation("orders")->columns.push_back(Column{.name = "note"});
  copy.rename_relation("orders", "purchases");

  EXPECT_EQ(original.find_relation("orders")->columns.size(), 2u);
  EXPECT_EQ(original.find_relation("totals")->depends_on, std::vector<std::string>{"orders"});
  EXPECT_EQ(copy.find_relation("totals")->depends_on, std::vector<std::string>{"purchases"});
  EXPECT_EQ(copy.find_relation("purchases")->columns.size(), 3u);
}

TEST(Catalog, ViewsFollowRenamedTablesAndColumns) {
  Catalog c;
  c.add_relation(table("orders", {"id", "total", "note"}));
  c.add_relation(view_reading("totals", "orders", {"id", "total"}));
  c.rename_relation("orders", "purchases");
  c.edit_relation("purchases")->find_column("total")->name = "amount";
  c.follow_column_rename("purchases", "total", "amount");

  EXPECT_EQ(c.views_reading("purchases", "amount"), std::vector<std::string>{"totals"});
  EXPECT_TRUE(c.views_reading("purchases", "note").empty());
  EXPECT_TRUE(c.views_reading("orders", "total").empty());
  EXPECT_EQ(c.find_relation("totals")->columns[1].name, "total");  // the view keeps its own names
}

// views_reading and dependents_of read an index of the views by what they read: every way a
// view or what it reads changes (replaced, renamed, dropped, its table renamed, copied into a
// subset) must keep it true.
TEST(Catalog, ViewIndexFollowsEveryChange) {
  using Names = std::vector<std::string>;
  Catalog c;
  c.add_relation(table("orders", {"id", "total"}));
  c.add_relation(table("users", {"id", "name"}));
  c.add_relation(view_reading("totals", "orders", {"total"}));
  c.add_relation(view_reading("Big_Totals", "totals", {"total"}));
  EXPECT_EQ(c.dependents_of("ORDERS"), (Names{"totals", "Big_Totals"}));
  EXPECT_EQ(c.views_reading("orders", "total"), Names{"totals"});

  // CREATE OR REPLACE VIEW over the same table: still listed under it.
  c.add_relation(view_reading("totals", "orders", {"id", "total"}));
  EXPECT_EQ(c.views_reading("orders", "total"), Names{"totals"});
  EXPECT_EQ(c.dependents_of("orders"), (Names{"totals", "Big_Totals"}));

  // CREATE OR REPLACE VIEW reading another table: no longer over orders.
  c.add_relation(view_reading("totals", "users", {"name"}));
  EXPECT_TRUE(c.views_reading("orders", "total").empty());
  EXPECT_TRUE(c.dependents_of("orders").empty());
  EXPECT_EQ(c.dependents_of("users"), (Names{"totals", "Big_Totals"}));

  // A view renamed: what reads it follows, and it is still over users.
  c.rename_relation("totals", "user_names");
  EXPECT_EQ(c.find_relation("big_totals")->depends_on, Names{"user_names"});
  EXPECT_EQ(c.dependents_of("users"), (Names{"user_names", "Big_Totals"}));
  EXPECT_EQ(c.views_reading("user_names", "total"), Names{"Big_Totals"});
  EXPECT_TRUE(c.dependents_of("totals").empty());

  // The table under it renamed, then a column of it.
  c.rename_relation("users", "people");
  c.follow_column_rename("people", "name", "full_name");
  EXPECT_EQ(c.views_reading("people", "full_name"), Names{"user_names"});
  EXPECT_TRUE(c.views_reading("users", "name").empty());

  // A subset holds the views it copies, indexed.
  Catalog part = c.subset({"people", "user_names"});
  EXPECT_EQ(part.dependents_of("people"), Names{"user_names"});  // big_totals is not in the part
  EXPECT_EQ(part.views_reading("people", "full_name"), Names{"user_names"});

  // Dropped: no longer listed; what the dropped view read is not touched.
  c.drop_relation("user_names");
  EXPECT_TRUE(c.dependents_of("people").empty());
  EXPECT_TRUE(c.views_reading("people", "full_name").empty());
  EXPECT_EQ(c.find_relation("big_totals")->depends_on, Names{"user_names"});
  EXPECT_EQ(c.dependents_of("user_names"), Names{"Big_Totals"});

  // replace_relations takes a part's views with their index.
  Catalog fresh;
  fresh.add_relation(table("people", {"id"}));
  fresh.replace_relations(part, {"user_names"});
  EXPECT_EQ(fresh.dependents_of("people"), Names{"user_names"});
}

TEST(Catalog, OwnedSequencesFollowTheirTable) {
  Catalog c;
  c.add_relation(table("tags", {"id"}));
  c.add_sequence("tags_id_seq", {"tags", "id"});
  c.add_sequence("invoice_numbers");

  c.rename_relation("tags", "labels");  // a rename keeps the sequence's name
  EXPECT_TRUE(c.has_sequence("tags_id_seq"));
  EXPECT_EQ(c.sequences_owned_by("labels"), std::vector<std::string>{"tags_id_seq"});

  c.rename_relation("labels", "archive.labels");  // SET SCHEMA takes it along
  EXPECT_FALSE(c.has_sequence("tags_id_seq"));
  EXPECT_TRUE(c.has_sequence("archive.tags_id_seq"));
  EXPECT_TRUE(c.has_sequence("invoice_numbers"));

  Catalog part = c.subset({"archive.labels"});
  EXPECT_TRUE(part.has_sequence("archive.tags_id_seq"));
  EXPECT_FALSE(part.has_sequence("invoice_numbers"));

  // A snapshot for a statement that cannot drop or rename sequences leaves them out.
  Catalog without = c.subset({"archive.labels", "invoice_numbers"}, {.sequences = false});
  EXPECT_TRUE(without.find_relation("archive.labels"));
  EXPECT_TRUE(without.sequences().empty());
}

// sequences_owned_by reads an index kept beside the sequences: every way a sequence or its owner
// changes must keep it true.
TEST(Catalog, SequenceOwnerIndexFollowsEveryChange) {
  Catalog c;
  c.add_relation(table("tags", {"id", "code"}));
  c.add_sequence("tags_id_seq", {"tags", "id"});
  c.add_sequence("tags_code_seq", {"Tags", "code"});  // owners compare case-insensitively
  using Names = std::vector<std::string>;
  EXPECT_EQ(c.sequences_owned_by("tags"), (Names{"tags_code_seq", "tags_id_seq"}));
  EXPECT_EQ(c.sequences_owned_by("TAGS", "code"), Names{"tags_code_seq"});

  c.rename_sequence("tags_code_seq", "codes");
  EXPECT_EQ(c.sequences_owned_by("tags", "code"), Names{"codes"});

  c.add_sequence("codes", {});  // OWNED BY NONE: no longer the table's
  EXPECT_EQ(c.sequences_owned_by("tags"), Names{"tags_id_seq"});

  c.follow_column_rename("tags", "id", "tag_id");
  EXPECT_EQ(c.sequences_owned_by("tags", "tag_id"), Names{"tags_id_seq"});
  EXPECT_TRUE(c.sequences_owned_by("tags", "id").empty());

  c.drop_sequence("tags_id_seq");
  EXPECT_TRUE(c.sequences_owned_by("tags").empty());
  c.add_sequence("tags_id_seq", {"tags", "tag_id"});
  c.rename_relation("tags", "labels");
  EXPECT_TRUE(c.sequences_owned_by("tags").empty());
  EXPECT_EQ(c.sequences_owned_by("labels"), Names{"tags_id_seq"});

  Catalog part = c.subset({"labels"});  // a subset indexes what it copies
  EXPECT_EQ(part.sequences_owned_by("labels"), Names{"tags_id_seq"});
  EXPECT_FALSE(part.has_sequence("codes"));
}

TEST(Catalog, PublicSchemaExistsUntilDropped) {
  Catalog c;
  EXPECT_TRUE(c.has_schema("public"));
  EXPECT_FALSE(c.has_schema("app"));
  c.add_schema("App");
  EXPECT_TRUE(c.has_schema("app"));
  EXPECT_TRUE(c.drop_schema("public"));
  EXPECT_FALSE(c.has_schema("public"));
  EXPECT_FALSE(c.drop_schema("public"));
  c.add_schema("PUBLIC");
  EXPECT_TRUE(c.has_schema("public"));
  EXPECT_TRUE(c.subset({}).has_schema("public"));
}

// Types, functions, sequences and schemas live out of line (a snapshot of one table holds none):
// a copy must still own them, so that editing the copy leaves the original as it was.
TEST(Catalog, CopiesOwnTheirTypesFunctionsSequencesAndSchemas) {
  Catalog original;
  original.set_enum("mood", {"happy", "sad"});
  original.set_domain("email", "text");
  original.add_function("touch", Catalog::Overload{.min_args = 0, .max_args = 0});
  original.add_sequence("orders_id_seq", {"orders", "id"});
  original.add_schema("app");

  Catalog copy = original;
  copy.drop_enum("mood");
  copy.drop_domain("email");
  copy.drop_function("touch", -1);
  copy.drop_sequence("orders_id_seq");
  copy.drop_schema("app");
  copy.set_enum("size", {"s", "m"});

  EXPECT_NE(original.find_enum("mood"), nullptr);
  EXPECT_NE(original.find_domain("email"), nullptr);
  EXPECT_TRUE(original.has_function("touch"));
  EXPECT_EQ(original.sequences_owned_by("orders"), std::vector<std::string>{"orders_id_seq"});
  EXPECT_TRUE(original.has_schema("app"));
  EXPECT_EQ(original.find_enum("size"), nullptr);
  EXPECT_EQ(copy.find_enum("mood"), nullptr);
  EXPECT_TRUE(copy.sequences_owned_by("orders").empty());
  EXPECT_FALSE(copy.has_schema("app"));

  // Assigning over a catalog replaces them too.
  copy = original;
  EXPECT_NE(copy.find_enum("mood"), nullptr);
  EXPECT_EQ(copy.find_enum("size"), nullptr);
  // Dropping from a catalog that never held any is a no-op, not an error.
  Catalog empty;
  EXPECT_FALSE(empty.drop_enum("mood"));
  EXPECT_FALSE(empty.drop_sequence("orders_id_seq"));
  EXPECT_FALSE(empty.rename_function("touch", "poke"));
  EXPECT_TRUE(empty.functions().empty());
}

TEST(Replay, DropColumnUnderAViewIsRefusedOrCascades) {
  Catalog c;
  c.add_relation(table("orders", {"id", "total"}));
  c.add_relation(view_reading("totals", "orders", {"total"}));
  c.add_relation(view_reading("totals_again", "totals", {"total"}));

  sql::SchemaChange drop;
  drop.kind = sql::SchemaChange::Kind::drop_column;
  drop.relation = "orders";
  drop.name = "total";
  auto refused = apply(c, drop);
  ASSERT_TRUE(refused.has_value());
  EXPECT_NE(refused->find("(2BP01)"), std::string::npos);
  EXPECT_TRUE(c.find_relation("orders")->find_column("total"));

  drop.cascade = true;
  EXPECT_FALSE(apply(c, drop).has_value());
  EXPECT_FALSE(c.find_relation("totals"));
  EXPECT_FALSE(c.find_relation("totals_again"));
  EXPECT_FALSE(c.find_relation("orders")->find_column("total"));
}

}  // namespace
}  // namespace mc::catalog
