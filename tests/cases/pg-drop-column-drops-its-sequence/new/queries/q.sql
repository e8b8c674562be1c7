SELECT setval('orders_legacy_no_seq', 1);
SELECT currval('orders_id_seq');
