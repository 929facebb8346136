DROP INDEX "accounts_owner_idx";--> statement-breakpoint
DROP INDEX "accounts_tier_updated_idx";--> statement-breakpoint
DROP INDEX "accounts_type_updated_idx";--> statement-breakpoint
CREATE INDEX "accounts_owner_idx" ON "accounts" USING btree ("org_id","owner_id","updated_at","id","archived_at","tier","ownership_type");--> statement-breakpoint
CREATE INDEX "accounts_tier_updated_idx" ON "accounts" USING btree ("org_id","tier","updated_at","id","ownership_type") WHERE "accounts"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "accounts_type_updated_idx" ON "accounts" USING btree ("org_id","ownership_type","updated_at","id","tier") WHERE "accounts"."archived_at" is null;