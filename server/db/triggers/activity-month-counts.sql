-- activity_month_counts: done calls per owner, month of the planned start in the organisation's zone
-- (org-zone.sql), and call type, which the planner's plan-vs-actual reads instead of counting calls.
--
-- Why a trigger: kept in the writing transaction like forecast_totals, whoever writes. Both key changes
-- of one write are applied in key order, so two concurrent opposite moves cannot deadlock. Checked by
-- server/modules/planner/planner.test.ts (the kept counts equal a count over the calls).
--
-- Current definitions (history: migrations 0014, 0032). Change them here, then `npm run db:triggers`.

CREATE OR REPLACE FUNCTION okam_activity_month(planned_start timestamptz, zone text) RETURNS date
  LANGUAGE sql IMMUTABLE AS $$
  SELECT date_trunc('month', planned_start AT TIME ZONE zone)::date
$$;;

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
END $$;;

CREATE TRIGGER activities_month_counts AFTER INSERT OR UPDATE OR DELETE ON activities
  FOR EACH ROW EXECUTE FUNCTION okam_activity_month_counts();
