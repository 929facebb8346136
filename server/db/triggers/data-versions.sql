-- data_versions: per organisation, counts of the statements that changed what the cached analyses
-- read (Pareto, the scoring matrix): an entry of analysis_cache is valid while the versions it was
-- computed at are current (docs/decisions/0014-analysis-cache.md).
--
-- Why statement triggers over the transition tables: every writer invalidates the cache, and one bump
-- per organisation a statement touches (a row trigger would bump 100k times when a new scoring model
-- re-scores an organisation). Orgs are bumped in key order, so concurrent writers lock them in the same
-- order; rows of one organisation only. Bulk loads that skip triggers bump the version themselves.
-- Checked by server/lib/analysis-cache.test.ts.
--
-- Current definitions (history: migration 0016). Change them here, then `npm run db:triggers`.

-- Any write to accounts.
CREATE OR REPLACE FUNCTION okam_bump_accounts_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Each branch names only the transition table its event has; an update keeps org_id, so its new rows name every org.
  IF TG_OP = 'DELETE' THEN
    INSERT INTO data_versions AS v (org_id, accounts)
    SELECT DISTINCT org_id, 1 FROM removed ORDER BY org_id
    ON CONFLICT (org_id) DO UPDATE SET accounts = v.accounts + 1;
  ELSE
    INSERT INTO data_versions AS v (org_id, accounts)
    SELECT DISTINCT org_id, 1 FROM added ORDER BY org_id
    ON CONFLICT (org_id) DO UPDATE SET accounts = v.accounts + 1;
  END IF;
  RETURN NULL;
END $$;

-- Only won deals count: the cached analyses read won amounts, never open deals. The org's
-- data_versions row is a per-org hot spot (every writer of the org locks it until commit), so the
-- frequent open-deal edits (stage moves, judgement, the hourly re-judging) must not queue on it;
-- a deal that is or was won (signed, reopened, edited after signing, deleted) is rare.
CREATE OR REPLACE FUNCTION okam_bump_deals_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO data_versions AS v (org_id, deals)
    SELECT DISTINCT org_id, 1 FROM added WHERE status = 'won' ORDER BY org_id
    ON CONFLICT (org_id) DO UPDATE SET deals = v.deals + 1;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO data_versions AS v (org_id, deals)
    SELECT DISTINCT org_id, 1 FROM removed WHERE status = 'won' ORDER BY org_id
    ON CONFLICT (org_id) DO UPDATE SET deals = v.deals + 1;
  ELSE
    INSERT INTO data_versions AS v (org_id, deals)
    SELECT org_id, 1 FROM (SELECT org_id FROM added WHERE status = 'won' UNION SELECT org_id FROM removed WHERE status = 'won') w ORDER BY org_id
    ON CONFLICT (org_id) DO UPDATE SET deals = v.deals + 1;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER accounts_version_insert AFTER INSERT ON accounts
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION okam_bump_accounts_version();

CREATE TRIGGER accounts_version_update AFTER UPDATE ON accounts
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION okam_bump_accounts_version();

CREATE TRIGGER accounts_version_delete AFTER DELETE ON accounts
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION okam_bump_accounts_version();

CREATE TRIGGER opportunities_version_insert AFTER INSERT ON opportunities
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION okam_bump_deals_version();

CREATE TRIGGER opportunities_version_update AFTER UPDATE ON opportunities
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION okam_bump_deals_version();

CREATE TRIGGER opportunities_version_delete AFTER DELETE ON opportunities
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION okam_bump_deals_version();
