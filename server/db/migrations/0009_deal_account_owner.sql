-- Hand-edited after drizzle-kit generate: backfill before the index, then the triggers that keep the
-- copy of the account's owner on its deals (drizzle-kit emits neither).
ALTER TABLE "opportunities" ADD COLUMN "account_owner_id" uuid;--> statement-breakpoint
UPDATE "opportunities" o SET "account_owner_id" = a."owner_id" FROM "accounts" a WHERE a."org_id" = o."org_id" AND a."id" = o."account_id" AND a."owner_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "opportunities_scope_idx" ON "opportunities" USING btree ("org_id","account_owner_id","status","stage_id","amount","id");--> statement-breakpoint
CREATE FUNCTION okam_opportunities_account_owner() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT owner_id INTO NEW.account_owner_id FROM accounts WHERE org_id = NEW.org_id AND id = NEW.account_id;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER opportunities_account_owner BEFORE INSERT OR UPDATE OF account_id ON opportunities
  FOR EACH ROW EXECUTE FUNCTION okam_opportunities_account_owner();
--> statement-breakpoint
CREATE FUNCTION okam_accounts_owner_to_deals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE opportunities SET account_owner_id = NEW.owner_id WHERE org_id = NEW.org_id AND account_id = NEW.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER accounts_owner_to_deals AFTER UPDATE OF owner_id ON accounts
  FOR EACH ROW WHEN (OLD.owner_id IS DISTINCT FROM NEW.owner_id) EXECUTE FUNCTION okam_accounts_owner_to_deals();
