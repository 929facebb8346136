ALTER TABLE "activities" ADD COLUMN "account_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Hand-written below: the backfill and the triggers that keep the copy (drizzle-kit emits neither), as
-- 0025 does for deals. The backfill changes no column any other trigger on activities reads (monthly
-- counts, account facts, analysis versions), so they are switched off for it.
ALTER TABLE "activities" DISABLE TRIGGER USER;--> statement-breakpoint
UPDATE "activities" x SET "account_name" = a."name" FROM "accounts" a WHERE a."org_id" = x."org_id" AND a."id" = x."account_id";--> statement-breakpoint
ALTER TABLE "activities" ENABLE TRIGGER USER;--> statement-breakpoint
-- FOR SHARE waits for a rename of the account in flight: otherwise a call written beside it would keep
-- the old name, since the rename's cascade cannot see an uncommitted call.
CREATE FUNCTION okam_activities_account_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT name INTO NEW.account_name FROM accounts WHERE org_id = NEW.org_id AND id = NEW.account_id FOR SHARE;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER activities_account_name BEFORE INSERT OR UPDATE OF account_id, account_name ON activities
  FOR EACH ROW EXECUTE FUNCTION okam_activities_account_name();
--> statement-breakpoint
CREATE FUNCTION okam_accounts_name_to_activities() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE activities SET account_name = NEW.name WHERE org_id = NEW.org_id AND account_id = NEW.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER accounts_name_to_activities AFTER UPDATE OF name ON accounts
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION okam_accounts_name_to_activities();
