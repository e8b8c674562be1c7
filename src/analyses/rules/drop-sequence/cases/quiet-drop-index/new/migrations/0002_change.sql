DROP INDEX CONCURRENTLY orders_number_idx;
