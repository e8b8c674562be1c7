-- Generated but never added to the journal: drizzle-kit does not apply it.
DROP TABLE `clicks`;
