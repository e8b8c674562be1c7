SELECT id FROM big_orders;
