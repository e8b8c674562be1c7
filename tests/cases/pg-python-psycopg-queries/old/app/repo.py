from .tables import ACCOUNTS

PLAN_COLUMN = "plan"


def by_email(cur, email):
    cur.execute("""
        SELECT id, display_name
        FROM accounts
        WHERE email = %s
    """, (email,))


def rename(cur, account_id, name):
    cur.execute("UPDATE accounts SET display_name = %(name)s WHERE id = %(id)s", {"id": account_id, "name": name})


def listing(cur):
    # f-string over a constant imported from a sibling module
    cur.execute(f"SELECT id, {PLAN_COLUMN}, display_name FROM {ACCOUNTS}")


def plans(cur):
    cur.execute(f"SELECT id, {PLAN_COLUMN} FROM {ACCOUNTS} ORDER BY id")
