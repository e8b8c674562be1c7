def events(conn):
    return conn.execute("SELECT kind, payload FROM events ORDER BY id").fetchall()
