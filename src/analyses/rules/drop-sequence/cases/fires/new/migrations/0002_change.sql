DROP SEQUENCE orders_number_seq;
