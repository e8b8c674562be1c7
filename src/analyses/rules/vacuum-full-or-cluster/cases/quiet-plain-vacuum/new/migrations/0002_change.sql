VACUUM events;
