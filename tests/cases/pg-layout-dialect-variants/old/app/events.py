def recent(cur):
    cur.execute("SELECT e.id, e.payload, n.body FROM events e JOIN notes n ON n.id = e.note_id")
    return cur.fetchall()
