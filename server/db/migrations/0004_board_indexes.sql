DROP INDEX "opportunities_account_idx";--> statement-breakpoint
DROP INDEX "opportunities_owner_idx";--> statement-breakpoint
DROP INDEX "opportunities_status_stage_idx";--> statement-breakpoint
CREATE INDEX "opportunities_account_idx" ON "opportunities" USING btree ("org_id","account_id","status","stage_id","amount","probability");--> statement-breakpoint
CREATE INDEX "opportunities_owner_idx" ON "opportunities" USING btree ("org_id","owner_id","status","stage_id","amount","probability");--> statement-breakpoint
CREATE INDEX "opportunities_status_stage_idx" ON "opportunities" USING btree ("org_id","status","stage_id","amount","id");