DROP FUNCTION users_sync_display_name();
