CLUSTER events USING events_pkey;
