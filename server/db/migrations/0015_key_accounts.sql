ALTER TABLE "accounts" ADD COLUMN "score" smallint;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "recommended_tier" text;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "pooled_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "claimed_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "prospect_review" text;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "reviewed_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "power" smallint;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "interest" smallint;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "gov_position" text;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "gov_supplier_selection" text;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "gov_achievements" text;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "gov_cost_awareness" text;--> statement-breakpoint
CREATE INDEX "accounts_score_idx" ON "accounts" USING btree ("org_id","score","id");--> statement-breakpoint
CREATE INDEX "accounts_pool_idx" ON "accounts" USING btree ("org_id","pooled_at","id") WHERE "accounts"."owner_id" is null;--> statement-breakpoint
CREATE INDEX "accounts_claimed_idx" ON "accounts" USING btree ("org_id","owner_id","claimed_at") WHERE "accounts"."claimed_at" is not null;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_score_ck" CHECK ("accounts"."score" between 0 and 100);--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_power_ck" CHECK ("contacts"."power" between 1 and 5);--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_interest_ck" CHECK ("contacts"."interest" between 1 and 5);