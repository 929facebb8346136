DROP INDEX "activities_owner_start_idx";--> statement-breakpoint
CREATE INDEX "accounts_tier_updated_idx" ON "accounts" USING btree ("org_id","tier","updated_at","id") WHERE "accounts"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "accounts_type_updated_idx" ON "accounts" USING btree ("org_id","ownership_type","updated_at","id") WHERE "accounts"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "opportunities_scope_updated_idx" ON "opportunities" USING btree ("org_id","account_owner_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "activities_owner_start_idx" ON "activities" USING btree ("org_id","owner_id","planned_start","planned_end","id");