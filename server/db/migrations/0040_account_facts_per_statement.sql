-- Written by `npm run db:triggers`: the triggers and functions whose source in server/db/triggers/*.sql
-- changed since the last migration, as defined there (where the comments explain them).
DROP TRIGGER IF EXISTS accounts_facts_row ON accounts;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION okam_account_facts_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO account_facts (org_id, account_id) SELECT org_id, id FROM added ORDER BY org_id, id ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER accounts_facts_row AFTER INSERT ON accounts REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION okam_account_facts_row();
