SELECT id FROM big_order_ids;
