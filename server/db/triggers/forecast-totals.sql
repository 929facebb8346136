-- forecast_totals: the forecast's sums (count, amount, Σ round(amount × probability / 100, 2)) per
-- month, status, account owner, deal owner, stage and forecast category. Open deals count in the month
-- of their expected close date, won deals in the month of closed_at in the organisation's zone
-- (org-zone.sql);
-- lost deals and missing dates count nowhere. The forecast reads it for whole-month periods
-- (docs/decisions/0007-forecast-and-snapshot-totals-kept.md).
--
-- Why a trigger: kept in the writing transaction like pipeline_totals, whoever writes. account_owner_id
-- is the deal's own copy (account-copies.sql): an account changing hands updates its deals, and that
-- update moves their totals here. Both key changes of one write are applied in key order. Checked by
-- server/modules/forecast/totals.test.ts.
--
-- Current definitions (history: migrations 0011, 0032). Change them here, then `npm run db:triggers`.

CREATE OR REPLACE FUNCTION okam_forecast_month(status text, close_date date, closed_at timestamptz, zone text) RETURNS date
  LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE status
    WHEN 'open' THEN date_trunc('month', close_date::timestamp)::date
    WHEN 'won' THEN date_trunc('month', closed_at AT TIME ZONE zone)::date
  END
$$;;

CREATE OR REPLACE FUNCTION okam_forecast_totals() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  nil constant uuid := '00000000-0000-0000-0000-000000000000';
  zone text;
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.status = NEW.status AND OLD.stage_id = NEW.stage_id AND OLD.amount = NEW.amount
     AND OLD.probability = NEW.probability AND OLD.forecast_category = NEW.forecast_category
     AND OLD.owner_id IS NOT DISTINCT FROM NEW.owner_id AND OLD.account_owner_id IS NOT DISTINCT FROM NEW.account_owner_id
     AND OLD.expected_close_date IS NOT DISTINCT FROM NEW.expected_close_date AND OLD.closed_at IS NOT DISTINCT FROM NEW.closed_at THEN
    RETURN NULL;
  END IF;
  zone := okam_org_zone(CASE WHEN TG_OP = 'DELETE' THEN OLD.org_id ELSE NEW.org_id END);
  INSERT INTO forecast_totals AS t (org_id, status, month, account_owner_id, deal_owner_id, stage_id, forecast_category, deals, amount, weighted)
  SELECT x.org_id, x.st, x.m, x.a, x.d, x.s, x.c, sum(x.n), sum(x.amt), sum(x.w)
  FROM (
    SELECT OLD.org_id AS org_id, OLD.status AS st, okam_forecast_month(OLD.status, OLD.expected_close_date, OLD.closed_at, zone) AS m,
           coalesce(OLD.account_owner_id, nil) AS a, coalesce(OLD.owner_id, nil) AS d, OLD.stage_id AS s, OLD.forecast_category AS c,
           -1 AS n, -OLD.amount AS amt, -round(OLD.amount * OLD.probability / 100.0, 2) AS w
    WHERE TG_OP <> 'INSERT'
    UNION ALL
    SELECT NEW.org_id, NEW.status, okam_forecast_month(NEW.status, NEW.expected_close_date, NEW.closed_at, zone),
           coalesce(NEW.account_owner_id, nil), coalesce(NEW.owner_id, nil), NEW.stage_id, NEW.forecast_category,
           1, NEW.amount, round(NEW.amount * NEW.probability / 100.0, 2)
    WHERE TG_OP <> 'DELETE'
  ) x
  WHERE x.m IS NOT NULL
  GROUP BY x.org_id, x.st, x.m, x.a, x.d, x.s, x.c
  ORDER BY x.st, x.m, x.a, x.d, x.s, x.c
  ON CONFLICT (org_id, status, month, account_owner_id, deal_owner_id, stage_id, forecast_category) DO UPDATE
    SET deals = t.deals + excluded.deals, amount = t.amount + excluded.amount, weighted = t.weighted + excluded.weighted;
  RETURN NULL;
END $$;;

CREATE TRIGGER opportunities_forecast_totals AFTER INSERT OR UPDATE OR DELETE ON opportunities
  FOR EACH ROW EXECUTE FUNCTION okam_forecast_totals();
