ALTER TABLE "opportunities" ADD COLUMN "account_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Hand-written below: the backfill and the triggers that keep the copy (drizzle-kit emits neither).
-- The backfill changes no column any other trigger on opportunities reads (totals, forecast, facts,
-- analysis versions), so they are switched off for it rather than run a million times.
ALTER TABLE "opportunities" DISABLE TRIGGER USER;--> statement-breakpoint
UPDATE "opportunities" o SET "account_name" = a."name" FROM "accounts" a WHERE a."org_id" = o."org_id" AND a."id" = o."account_id";--> statement-breakpoint
ALTER TABLE "opportunities" ENABLE TRIGGER USER;--> statement-breakpoint
-- As 0009, plus the name. FOR SHARE waits for a rename or hand-over of the account in flight: otherwise a
-- deal written beside it would keep the old copy, since the rename's cascade cannot see an uncommitted deal.
CREATE OR REPLACE FUNCTION okam_opportunities_account_owner() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT owner_id, name INTO NEW.account_owner_id, NEW.account_name FROM accounts WHERE org_id = NEW.org_id AND id = NEW.account_id FOR SHARE;
  RETURN NEW;
END $$;
--> statement-breakpoint
-- 0009's cascade, widened: an account's new owner or new name reaches its deals in one pass. Same trigger
-- name, so it still fires in the same order beside accounts_owner_totals.
CREATE OR REPLACE FUNCTION okam_accounts_owner_to_deals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE opportunities SET account_owner_id = NEW.owner_id, account_name = NEW.name WHERE org_id = NEW.org_id AND account_id = NEW.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER accounts_owner_to_deals ON accounts;--> statement-breakpoint
CREATE TRIGGER accounts_owner_to_deals AFTER UPDATE OF owner_id, name ON accounts
  FOR EACH ROW WHEN (OLD.owner_id IS DISTINCT FROM NEW.owner_id OR OLD.name IS DISTINCT FROM NEW.name)
  EXECUTE FUNCTION okam_accounts_owner_to_deals();
