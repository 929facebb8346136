-- The account's owner and name, copied onto the rows that are listed by them: deals carry
-- account_owner_id and account_name, contacts account_owner_id, calls account_name. A scoped list or
-- board then reads one index (owner = $me), and a board or calendar week shows the account's name
-- without joining accounts (docs/decisions/0009-scope-as-a-literal-list.md,
-- docs/decisions/0010-account-name-copies.md).
--
-- Why triggers: a copy that any writer could forget would drift. A row takes the copy when it is
-- written or moved to another account (BEFORE triggers, under a share lock on the account, so a rename
-- or hand-over in flight is waited for: its cascade cannot see an uncommitted row), and an account's new
-- owner or name cascades to its rows (AFTER triggers). A call's copy cannot be written apart from the
-- account: its trigger also fires on account_name. Triggers of one table and event fire in name order
-- (these beside pipeline-totals.sql's, account-facts.sql's and data-versions.sql's), so renaming one
-- changes that order. Checked by server/db/triggers.test.ts (every copy equals its account after each
-- kind of write) and the tests docs/triggers.md lists.
--
-- Current definitions (history: migrations 0009, 0013, 0025, 0027). Change them here, then
-- `npm run db:triggers`.

-- Deals: the account's owner and name when a deal is written or moved to another account.
CREATE OR REPLACE FUNCTION okam_opportunities_account_owner() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT owner_id, name INTO NEW.account_owner_id, NEW.account_name FROM accounts WHERE org_id = NEW.org_id AND id = NEW.account_id FOR SHARE;
  RETURN NEW;
END $$;

CREATE TRIGGER opportunities_account_owner BEFORE INSERT OR UPDATE OF account_id ON opportunities
  FOR EACH ROW EXECUTE FUNCTION okam_opportunities_account_owner();

-- An account's new owner or new name reaches its deals in one pass.
CREATE OR REPLACE FUNCTION okam_accounts_owner_to_deals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE opportunities SET account_owner_id = NEW.owner_id, account_name = NEW.name WHERE org_id = NEW.org_id AND account_id = NEW.id;
  RETURN NULL;
END $$;

CREATE TRIGGER accounts_owner_to_deals AFTER UPDATE OF owner_id, name ON accounts
  FOR EACH ROW WHEN (OLD.owner_id IS DISTINCT FROM NEW.owner_id OR OLD.name IS DISTINCT FROM NEW.name)
  EXECUTE FUNCTION okam_accounts_owner_to_deals();

-- Contacts: the account's owner.
CREATE OR REPLACE FUNCTION okam_contacts_account_owner() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT owner_id INTO NEW.account_owner_id FROM accounts WHERE org_id = NEW.org_id AND id = NEW.account_id;
  RETURN NEW;
END $$;

CREATE TRIGGER contacts_account_owner BEFORE INSERT OR UPDATE OF account_id ON contacts
  FOR EACH ROW EXECUTE FUNCTION okam_contacts_account_owner();

CREATE OR REPLACE FUNCTION okam_accounts_owner_to_contacts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE contacts SET account_owner_id = NEW.owner_id WHERE org_id = NEW.org_id AND account_id = NEW.id;
  RETURN NULL;
END $$;

CREATE TRIGGER accounts_owner_to_contacts AFTER UPDATE OF owner_id ON accounts
  FOR EACH ROW WHEN (OLD.owner_id IS DISTINCT FROM NEW.owner_id) EXECUTE FUNCTION okam_accounts_owner_to_contacts();

-- Calls: the account's name.
CREATE OR REPLACE FUNCTION okam_activities_account_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT name INTO NEW.account_name FROM accounts WHERE org_id = NEW.org_id AND id = NEW.account_id FOR SHARE;
  RETURN NEW;
END $$;

CREATE TRIGGER activities_account_name BEFORE INSERT OR UPDATE OF account_id, account_name ON activities
  FOR EACH ROW EXECUTE FUNCTION okam_activities_account_name();

CREATE OR REPLACE FUNCTION okam_accounts_name_to_activities() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE activities SET account_name = NEW.name WHERE org_id = NEW.org_id AND account_id = NEW.id;
  RETURN NULL;
END $$;

CREATE TRIGGER accounts_name_to_activities AFTER UPDATE OF name ON accounts
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION okam_accounts_name_to_activities();
