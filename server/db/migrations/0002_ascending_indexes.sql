DROP INDEX "accounts_updated_idx";--> statement-breakpoint
DROP INDEX "accounts_owner_idx";--> statement-breakpoint
DROP INDEX "contacts_updated_idx";--> statement-breakpoint
DROP INDEX "history_entity_idx";--> statement-breakpoint
DROP INDEX "opportunities_updated_idx";--> statement-breakpoint
DROP INDEX "opportunities_status_stage_idx";--> statement-breakpoint
CREATE INDEX "accounts_updated_idx" ON "accounts" USING btree ("org_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "accounts_owner_idx" ON "accounts" USING btree ("org_id","owner_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "contacts_updated_idx" ON "contacts" USING btree ("org_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "history_entity_idx" ON "history" USING btree ("org_id","entity_type","entity_id","at");--> statement-breakpoint
CREATE INDEX "opportunities_updated_idx" ON "opportunities" USING btree ("org_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "opportunities_status_stage_idx" ON "opportunities" USING btree ("org_id","status","stage_id","updated_at");