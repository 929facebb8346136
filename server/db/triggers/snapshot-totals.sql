-- pipeline_snapshot_totals: each weekly pipeline snapshot's sums (count, amount,
-- Σ round(amount × probability / 100, 2)) per account owner, deal owner, expected close month and
-- forecast category, so the snapshot list and forecast accuracy read thousands of rows, not millions
-- (docs/decisions/0007-forecast-and-snapshot-totals-kept.md). A missing owner is the nil uuid, a missing
-- close date the month 'infinity' (key columns cannot be null; no real month start or period range
-- reaches it).
--
-- Why statement triggers over the transition tables: an INSERT adds exactly the rows it inserted, so a
-- repeated snapshot of a day (the guard inserts nothing) or two racing ones (ON CONFLICT DO NOTHING)
-- never count a row twice, and every writer (the job, the admin's POST, the demo's invented history) is
-- covered. Groups are upserted in key order, so concurrent writers lock them in the same order; rows of
-- one organisation only. Checked by server/modules/pipeline/totals.test.ts.
--
-- Current definitions (history: migration 0012). Change them here, then `npm run db:triggers`.

CREATE OR REPLACE FUNCTION okam_snapshot_totals() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  nil constant uuid := '00000000-0000-0000-0000-000000000000';
BEGIN
  -- Snapshots are history and nothing rewrites them today; should a maintenance delete or fix
  -- ever do so, the rows it took away leave their groups first (each statement below names only
  -- the transition table its event has).
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO pipeline_snapshot_totals AS t (org_id, snapshot_date, account_owner_id, deal_owner_id, close_month, forecast_category, deals, amount, weighted)
    SELECT r.org_id, r.snapshot_date, coalesce(r.account_owner_id, nil), coalesce(r.owner_id, nil),
           coalesce(date_trunc('month', r.expected_close_date::timestamp)::date, 'infinity'::date), r.forecast_category,
           -count(*)::int, -sum(r.amount), -sum(round(r.amount * r.probability / 100.0, 2))
    FROM removed r
    GROUP BY 1, 2, 3, 4, 5, 6
    ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (org_id, snapshot_date, account_owner_id, deal_owner_id, close_month, forecast_category) DO UPDATE
      SET deals = t.deals + excluded.deals, amount = t.amount + excluded.amount, weighted = t.weighted + excluded.weighted;
    -- A group its last row has left is no group.
    DELETE FROM pipeline_snapshot_totals t
    USING (SELECT DISTINCT org_id, snapshot_date FROM removed) r
    WHERE t.org_id = r.org_id AND t.snapshot_date = r.snapshot_date AND t.deals = 0;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO pipeline_snapshot_totals AS t (org_id, snapshot_date, account_owner_id, deal_owner_id, close_month, forecast_category, deals, amount, weighted)
    SELECT a.org_id, a.snapshot_date, coalesce(a.account_owner_id, nil), coalesce(a.owner_id, nil),
           coalesce(date_trunc('month', a.expected_close_date::timestamp)::date, 'infinity'::date), a.forecast_category,
           count(*)::int, sum(a.amount), sum(round(a.amount * a.probability / 100.0, 2))
    FROM added a
    GROUP BY 1, 2, 3, 4, 5, 6
    ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (org_id, snapshot_date, account_owner_id, deal_owner_id, close_month, forecast_category) DO UPDATE
      SET deals = t.deals + excluded.deals, amount = t.amount + excluded.amount, weighted = t.weighted + excluded.weighted;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER pipeline_snapshots_totals_insert AFTER INSERT ON pipeline_snapshots
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION okam_snapshot_totals();

CREATE TRIGGER pipeline_snapshots_totals_update AFTER UPDATE ON pipeline_snapshots
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION okam_snapshot_totals();

CREATE TRIGGER pipeline_snapshots_totals_delete AFTER DELETE ON pipeline_snapshots
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION okam_snapshot_totals();
