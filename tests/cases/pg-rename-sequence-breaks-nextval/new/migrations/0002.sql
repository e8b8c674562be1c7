-- The column default follows the renamed sequence; a name in old code does not.
ALTER SEQUENCE orders_id_seq RENAME TO order_ids;
