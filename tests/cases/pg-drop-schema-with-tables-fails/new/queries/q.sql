SELECT total FROM billing.invoices;
