-- A user's calendar reads the calls they attend by (user, planned start), like the calls they own.
-- Hand-edited after drizzle-kit generate: existing rows take their activity's start before NOT NULL.
DROP INDEX "activity_users_user_idx";--> statement-breakpoint
ALTER TABLE "activity_users" ADD COLUMN "planned_start" timestamp (3) with time zone;--> statement-breakpoint
UPDATE "activity_users" au SET "planned_start" = a."planned_start" FROM "activities" a WHERE a."org_id" = au."org_id" AND a."id" = au."activity_id";--> statement-breakpoint
ALTER TABLE "activity_users" ALTER COLUMN "planned_start" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "activity_users_user_start_idx" ON "activity_users" USING btree ("org_id","user_id","planned_start");
