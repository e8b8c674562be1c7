import sqlite3
def get(conn, uid):
    return conn.execute("SELECT id, name FROM users WHERE id = ?", (uid,))

def put(conn, email, name):
    conn.execute("INSERT INTO users (email, name) VALUES (:email, :name)", {"email": email, "name": name})
