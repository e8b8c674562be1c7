ALTER TABLE `links` ADD `title` text;--> statement-breakpoint
CREATE TABLE `clicks` (`link_id` integer NOT NULL, `at` integer NOT NULL);
