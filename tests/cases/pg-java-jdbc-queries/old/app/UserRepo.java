package app;

class UserRepo {
  private static final String TABLE = "users";
  private static final String BY_ID = """
      SELECT id,
             name
      FROM users
      WHERE id = ?
      """;

  User find(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(BY_ID)) { /* … */ }
    var email = c.prepareStatement("SELECT email FROM " + TABLE + " WHERE id = ?");
    var tab = c.prepareStatement("SELECT\tname\u0020FROM users");
    char q = '"';
    var many = c.prepareStatement("SELECT id FROM users WHERE id IN (?,?,?) AND name <> ?");
    return null;
  }
}
