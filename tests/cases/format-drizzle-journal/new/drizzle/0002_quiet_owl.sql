ALTER TABLE `links` DROP COLUMN `title`;
