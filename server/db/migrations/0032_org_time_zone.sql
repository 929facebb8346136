-- Issue 20: the kept monthly totals name months in the organisation's time zone
-- (orgs.settings.timeZone, Asia/Shanghai when unset or unknown: the reading of core/org-settings.ts),
-- no longer a fixed UTC+8. An organisation's zone is read once per written row that moves a total.
-- Nothing in the application changes a zone; whoever changes one must rebuild the organisation's
-- forecast_totals and activity_month_counts, as the end of this migration does.
CREATE FUNCTION okam_org_zone(org uuid) RETURNS text LANGUAGE plpgsql STABLE AS $$
DECLARE
  zone text;
BEGIN
  SELECT CASE WHEN jsonb_typeof(settings -> 'timeZone') = 'string' THEN settings ->> 'timeZone' END INTO zone FROM orgs WHERE id = org;
  IF zone IS NULL OR zone = 'Asia/Shanghai' THEN
    RETURN 'Asia/Shanghai';
  END IF;
  -- A name PostgreSQL does not know counts as unset (only then is a subtransaction paid for).
  BEGIN
    PERFORM now() AT TIME ZONE zone;
    RETURN zone;
  EXCEPTION WHEN invalid_parameter_value THEN
    RETURN 'Asia/Shanghai';
  END;
END $$;
--> statement-breakpoint
CREATE FUNCTION okam_forecast_month(status text, close_date date, closed_at timestamptz, zone text) RETURNS date
  LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE status
    WHEN 'open' THEN date_trunc('month', close_date::timestamp)::date
    WHEN 'won' THEN date_trunc('month', closed_at AT TIME ZONE zone)::date
  END
$$;
--> statement-breakpoint
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
END $$;
--> statement-breakpoint
DROP FUNCTION okam_forecast_month(text, date, timestamptz);
--> statement-breakpoint
CREATE FUNCTION okam_activity_month(planned_start timestamptz, zone text) RETURNS date
  LANGUAGE sql IMMUTABLE AS $$
  SELECT date_trunc('month', planned_start AT TIME ZONE zone)::date
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION okam_activity_month_counts() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  zone text;
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.status = NEW.status AND OLD.owner_id = NEW.owner_id AND OLD.type = NEW.type
     AND OLD.planned_start = NEW.planned_start THEN
    RETURN NULL;
  END IF;
  zone := okam_org_zone(CASE WHEN TG_OP = 'DELETE' THEN OLD.org_id ELSE NEW.org_id END);
  IF TG_OP = 'UPDATE' AND OLD.status = NEW.status AND OLD.owner_id = NEW.owner_id AND OLD.type = NEW.type
     AND okam_activity_month(OLD.planned_start, zone) = okam_activity_month(NEW.planned_start, zone) THEN
    RETURN NULL;
  END IF;
  INSERT INTO activity_month_counts AS t (org_id, owner_id, month, type, done)
  SELECT x.org_id, x.o, x.m, x.ty, sum(x.n)
  FROM (
    SELECT OLD.org_id AS org_id, OLD.owner_id AS o, okam_activity_month(OLD.planned_start, zone) AS m, OLD.type AS ty, -1 AS n
    WHERE TG_OP <> 'INSERT' AND OLD.status = 'done'
    UNION ALL
    SELECT NEW.org_id, NEW.owner_id, okam_activity_month(NEW.planned_start, zone), NEW.type, 1
    WHERE TG_OP <> 'DELETE' AND NEW.status = 'done'
  ) x
  GROUP BY x.org_id, x.o, x.m, x.ty
  ORDER BY x.o, x.m, x.ty
  ON CONFLICT (org_id, owner_id, month, type) DO UPDATE SET done = t.done + excluded.done;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP FUNCTION okam_activity_month(timestamptz);
--> statement-breakpoint
-- Organisations that already had a zone of their own: their totals are counted again in it.
DELETE FROM forecast_totals WHERE org_id IN (SELECT id FROM orgs WHERE okam_org_zone(id) <> 'Asia/Shanghai');
--> statement-breakpoint
INSERT INTO forecast_totals (org_id, status, month, account_owner_id, deal_owner_id, stage_id, forecast_category, deals, amount, weighted)
SELECT o.org_id, o.status, okam_forecast_month(o.status, o.expected_close_date, o.closed_at, z.zone),
       coalesce(o.account_owner_id, '00000000-0000-0000-0000-000000000000'), coalesce(o.owner_id, '00000000-0000-0000-0000-000000000000'),
       o.stage_id, o.forecast_category, count(*)::int, sum(o.amount), sum(round(o.amount * o.probability / 100.0, 2))
FROM opportunities o JOIN (SELECT id, okam_org_zone(id) AS zone FROM orgs) z ON z.id = o.org_id
WHERE z.zone <> 'Asia/Shanghai' AND okam_forecast_month(o.status, o.expected_close_date, o.closed_at, z.zone) IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6, 7;
--> statement-breakpoint
DELETE FROM activity_month_counts WHERE org_id IN (SELECT id FROM orgs WHERE okam_org_zone(id) <> 'Asia/Shanghai');
--> statement-breakpoint
INSERT INTO activity_month_counts (org_id, owner_id, month, type, done)
SELECT a.org_id, a.owner_id, okam_activity_month(a.planned_start, z.zone), a.type, count(*)::int
FROM activities a JOIN (SELECT id, okam_org_zone(id) AS zone FROM orgs) z ON z.id = a.org_id
WHERE z.zone <> 'Asia/Shanghai' AND a.status = 'done'
GROUP BY 1, 2, 3, 4;
