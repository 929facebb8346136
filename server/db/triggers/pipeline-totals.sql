-- pipeline_totals: the board's column totals (open deals per stage: count, amount,
-- Σ round(amount × probability / 100, 2)) per (account owner, deal owner, stage), so the board reads a
-- few rows instead of summing its deals (docs/decisions/0004-board-totals-kept.md). A missing owner is the
-- nil uuid (key columns cannot be null).
--
-- Why triggers: the totals change in the same transaction as the write that changes them, whoever
-- writes (services, restore, demo). Both key changes of one write are applied in key order, so two
-- concurrent moves in opposite directions lock the rows in the same order and cannot deadlock. They
-- touch rows of one organisation only, so they stay shard-local under Citus. Bulk loads that skip
-- triggers rebuild the table. Checked by server/modules/opportunities/board-totals.test.ts (the kept
-- totals equal a sum over the deals after every kind of write).
--
-- Current definitions (history: migration 0007). Change them here, then `npm run db:triggers`.

CREATE OR REPLACE FUNCTION okam_opportunities_totals() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  nil constant uuid := '00000000-0000-0000-0000-000000000000';
  old_owner uuid;
  new_owner uuid;
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.status = NEW.status AND OLD.stage_id = NEW.stage_id AND OLD.amount = NEW.amount
     AND OLD.probability = NEW.probability AND OLD.owner_id IS NOT DISTINCT FROM NEW.owner_id AND OLD.account_id = NEW.account_id THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' AND OLD.status = 'open' THEN
    SELECT owner_id INTO old_owner FROM accounts WHERE org_id = OLD.org_id AND id = OLD.account_id;
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.status = 'open' THEN
    SELECT owner_id INTO new_owner FROM accounts WHERE org_id = NEW.org_id AND id = NEW.account_id;
  END IF;
  INSERT INTO pipeline_totals AS t (org_id, account_owner_id, deal_owner_id, stage_id, deals, amount, weighted)
  SELECT x.org_id, x.a, x.d, x.s, sum(x.n), sum(x.amt), sum(x.w)
  FROM (
    SELECT OLD.org_id AS org_id, coalesce(old_owner, nil) AS a, coalesce(OLD.owner_id, nil) AS d, OLD.stage_id AS s,
           -1 AS n, -OLD.amount AS amt, -round(OLD.amount * OLD.probability / 100.0, 2) AS w
    WHERE TG_OP <> 'INSERT' AND OLD.status = 'open'
    UNION ALL
    SELECT NEW.org_id, coalesce(new_owner, nil), coalesce(NEW.owner_id, nil), NEW.stage_id,
           1, NEW.amount, round(NEW.amount * NEW.probability / 100.0, 2)
    WHERE TG_OP <> 'DELETE' AND NEW.status = 'open'
  ) x
  GROUP BY x.org_id, x.a, x.d, x.s
  ORDER BY x.a, x.d, x.s
  ON CONFLICT (org_id, account_owner_id, deal_owner_id, stage_id) DO UPDATE
    SET deals = t.deals + excluded.deals, amount = t.amount + excluded.amount, weighted = t.weighted + excluded.weighted;
  RETURN NULL;
END $$;

CREATE TRIGGER opportunities_totals AFTER INSERT OR UPDATE OR DELETE ON opportunities
  FOR EACH ROW EXECUTE FUNCTION okam_opportunities_totals();

-- An account changing hands moves its open deals' totals to the new account owner.
CREATE OR REPLACE FUNCTION okam_accounts_owner_totals() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  nil constant uuid := '00000000-0000-0000-0000-000000000000';
BEGIN
  INSERT INTO pipeline_totals AS t (org_id, account_owner_id, deal_owner_id, stage_id, deals, amount, weighted)
  SELECT x.org_id, x.a, x.d, x.s, sum(x.n), sum(x.amt), sum(x.w)
  FROM (
    SELECT o.org_id, side.a, coalesce(o.owner_id, nil) AS d, o.stage_id AS s,
           side.sign * count(*)::int AS n, side.sign * sum(o.amount) AS amt, side.sign * sum(round(o.amount * o.probability / 100.0, 2)) AS w
    FROM opportunities o
    CROSS JOIN (VALUES (coalesce(OLD.owner_id, nil), -1), (coalesce(NEW.owner_id, nil), 1)) AS side(a, sign)
    WHERE o.org_id = NEW.org_id AND o.account_id = NEW.id AND o.status = 'open'
    GROUP BY o.org_id, side.a, side.sign, coalesce(o.owner_id, nil), o.stage_id
  ) x
  GROUP BY x.org_id, x.a, x.d, x.s
  ORDER BY x.a, x.d, x.s
  ON CONFLICT (org_id, account_owner_id, deal_owner_id, stage_id) DO UPDATE
    SET deals = t.deals + excluded.deals, amount = t.amount + excluded.amount, weighted = t.weighted + excluded.weighted;
  RETURN NULL;
END $$;

CREATE TRIGGER accounts_owner_totals AFTER UPDATE OF owner_id ON accounts
  FOR EACH ROW WHEN (OLD.owner_id IS DISTINCT FROM NEW.owner_id) EXECUTE FUNCTION okam_accounts_owner_totals();
