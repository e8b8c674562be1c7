-- Replaced by the per-dialect variants beside it; never applied as it is.
CREATE TABLE events (this is not valid SQL in any dialect);
