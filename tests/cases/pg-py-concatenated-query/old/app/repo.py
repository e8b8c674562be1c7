TABLE = "users"
QUERY = ("SELECT id, name "
         "FROM users")

def one(cur):
    cur.execute("SELECT name "
                "FROM " + TABLE)

def two(cur):
    cur.execute(QUERY + " WHERE id = %s", (1,))

X = "a", "b"
