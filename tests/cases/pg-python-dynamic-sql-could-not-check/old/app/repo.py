def count(cur, table):
    cur.execute(f"SELECT count(*) FROM {table}")
