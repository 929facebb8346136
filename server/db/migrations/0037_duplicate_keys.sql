ALTER TABLE "accounts" ADD COLUMN "name_key" text;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "mobile_key" text;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "email_key" text;--> statement-breakpoint
ALTER TABLE "opportunities" ADD COLUMN "name_key" text;--> statement-breakpoint
CREATE INDEX "accounts_name_key_idx" ON "accounts" USING btree ("org_id","name_key");--> statement-breakpoint
CREATE INDEX "accounts_credit_code_idx" ON "accounts" USING btree ("org_id","credit_code");--> statement-breakpoint
CREATE INDEX "contacts_mobile_key_idx" ON "contacts" USING btree ("org_id","mobile_key");--> statement-breakpoint
CREATE INDEX "contacts_email_key_idx" ON "contacts" USING btree ("org_id","email_key");--> statement-breakpoint
CREATE INDEX "opportunities_name_key_idx" ON "opportunities" USING btree ("org_id","account_id","name_key") WHERE "opportunities"."status" = 'open';