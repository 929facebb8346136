ALTER TABLE "accounts" ADD COLUMN "industry_code" text;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "region_code" text;--> statement-breakpoint
CREATE INDEX "accounts_region_idx" ON "accounts" USING btree ("org_id","region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "accounts_industry_idx" ON "accounts" USING btree ("org_id","industry_code");