SELECT cents FROM order_totals;
