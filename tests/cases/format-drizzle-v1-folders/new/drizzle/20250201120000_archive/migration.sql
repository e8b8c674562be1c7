ALTER TABLE "notes" ADD COLUMN "archived_at" timestamp;
--> statement-breakpoint
ALTER TABLE "notes" DROP COLUMN "pinned";
