CREATE TABLE "pipeline_totals" (
	"org_id" uuid NOT NULL,
	"account_owner_id" uuid NOT NULL,
	"deal_owner_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"deals" integer NOT NULL,
	"amount" numeric(20, 2) NOT NULL,
	"weighted" numeric(20, 2) NOT NULL,
	CONSTRAINT "pipeline_totals_org_id_account_owner_id_deal_owner_id_stage_id_pk" PRIMARY KEY("org_id","account_owner_id","deal_owner_id","stage_id")
);
--> statement-breakpoint
CREATE INDEX "pipeline_totals_deal_owner_idx" ON "pipeline_totals" USING btree ("org_id","deal_owner_id");--> statement-breakpoint
-- Hand-written below: drizzle-kit does not emit functions or triggers.
-- The board's column totals (open deals per stage: count, amount, Σ round(amount × probability / 100, 2))
-- are kept here per (account owner, deal owner, stage), in the same transaction as the write that
-- changes them. Both key changes of one write are applied in key order, so two concurrent moves in
-- opposite directions lock the rows in the same order and cannot deadlock.
CREATE FUNCTION okam_opportunities_totals() RETURNS trigger LANGUAGE plpgsql AS $$
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
--> statement-breakpoint
CREATE TRIGGER opportunities_totals AFTER INSERT OR UPDATE OR DELETE ON opportunities
  FOR EACH ROW EXECUTE FUNCTION okam_opportunities_totals();
--> statement-breakpoint
-- An account changing hands moves its open deals' totals to the new account owner.
CREATE FUNCTION okam_accounts_owner_totals() RETURNS trigger LANGUAGE plpgsql AS $$
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
--> statement-breakpoint
CREATE TRIGGER accounts_owner_totals AFTER UPDATE OF owner_id ON accounts
  FOR EACH ROW WHEN (OLD.owner_id IS DISTINCT FROM NEW.owner_id) EXECUTE FUNCTION okam_accounts_owner_totals();
--> statement-breakpoint
INSERT INTO pipeline_totals (org_id, account_owner_id, deal_owner_id, stage_id, deals, amount, weighted)
SELECT o.org_id, coalesce(a.owner_id, '00000000-0000-0000-0000-000000000000'), coalesce(o.owner_id, '00000000-0000-0000-0000-000000000000'), o.stage_id,
       count(*)::int, sum(o.amount), sum(round(o.amount * o.probability / 100.0, 2))
FROM opportunities o JOIN accounts a ON a.org_id = o.org_id AND a.id = o.account_id
WHERE o.status = 'open'
GROUP BY 1, 2, 3, 4;
