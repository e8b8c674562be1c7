TABLE = "people"
COLUMNS = ", ".join(["id", "full_name", "nickname"])


def everyone(cur):
    cur.execute("SELECT {} FROM {}".format(COLUMNS, TABLE))
    return cur.fetchall()


def named(cur, name):
    cur.execute("SELECT id FROM %s WHERE full_name = %%s" % TABLE, (name,))
    return cur.fetchone()


def by_column(cur, col):
    cur.execute("SELECT %(col)s FROM people" % {"col": col})
