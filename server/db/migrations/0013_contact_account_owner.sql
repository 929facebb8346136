-- Hand-edited after drizzle-kit generate, as 0009 did for deals: backfill before the indexes, then
-- the triggers that keep the copy of the account's owner on its contacts (drizzle-kit emits neither).
ALTER TABLE "contacts" ADD COLUMN "account_owner_id" uuid;--> statement-breakpoint
UPDATE "contacts" c SET "account_owner_id" = a."owner_id" FROM "accounts" a WHERE a."org_id" = c."org_id" AND a."id" = c."account_id" AND a."owner_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "contacts_scope_updated_idx" ON "contacts" USING btree ("org_id","account_owner_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "contacts_scope_name_idx" ON "contacts" USING btree ("org_id","account_owner_id","name","id");--> statement-breakpoint
CREATE FUNCTION okam_contacts_account_owner() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT owner_id INTO NEW.account_owner_id FROM accounts WHERE org_id = NEW.org_id AND id = NEW.account_id;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER contacts_account_owner BEFORE INSERT OR UPDATE OF account_id ON contacts
  FOR EACH ROW EXECUTE FUNCTION okam_contacts_account_owner();
--> statement-breakpoint
CREATE FUNCTION okam_accounts_owner_to_contacts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE contacts SET account_owner_id = NEW.owner_id WHERE org_id = NEW.org_id AND account_id = NEW.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER accounts_owner_to_contacts AFTER UPDATE OF owner_id ON accounts
  FOR EACH ROW WHEN (OLD.owner_id IS DISTINCT FROM NEW.owner_id) EXECUTE FUNCTION okam_accounts_owner_to_contacts();
