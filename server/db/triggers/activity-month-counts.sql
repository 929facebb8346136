-- activity_month_counts: done calls per owner, Asia/Shanghai (UTC+8 all year) month of the planned
-- start, and call type, which the planner's plan-vs-actual reads instead of counting calls.
--
-- Why a trigger: kept in the writing transaction like forecast_totals, whoever writes. Both key changes
-- of one write are applied in key order, so two concurrent opposite moves cannot deadlock. Checked by
-- server/modules/planner/planner.test.ts (the kept counts equal a count over the calls).
--
-- Current definitions (history: migration 0014). Change them here, then `npm run db:triggers`.

CREATE OR REPLACE FUNCTION okam_activity_month(planned_start timestamptz) RETURNS date
  LANGUAGE sql IMMUTABLE AS $$
  SELECT date_trunc('month', (planned_start AT TIME ZONE 'UTC') + interval '8 hours')::date
$$;

CREATE OR REPLACE FUNCTION okam_activity_month_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.status = NEW.status AND OLD.owner_id = NEW.owner_id AND OLD.type = NEW.type
     AND okam_activity_month(OLD.planned_start) = okam_activity_month(NEW.planned_start) THEN
    RETURN NULL;
  END IF;
  INSERT INTO activity_month_counts AS t (org_id, owner_id, month, type, done)
  SELECT x.org_id, x.o, x.m, x.ty, sum(x.n)
  FROM (
    SELECT OLD.org_id AS org_id, OLD.owner_id AS o, okam_activity_month(OLD.planned_start) AS m, OLD.type AS ty, -1 AS n
    WHERE TG_OP <> 'INSERT' AND OLD.status = 'done'
    UNION ALL
    SELECT NEW.org_id, NEW.owner_id, okam_activity_month(NEW.planned_start), NEW.type, 1
    WHERE TG_OP <> 'DELETE' AND NEW.status = 'done'
  ) x
  GROUP BY x.org_id, x.o, x.m, x.ty
  ORDER BY x.o, x.m, x.ty
  ON CONFLICT (org_id, owner_id, month, type) DO UPDATE SET done = t.done + excluded.done;
  RETURN NULL;
END $$;

CREATE TRIGGER activities_month_counts AFTER INSERT OR UPDATE OR DELETE ON activities
  FOR EACH ROW EXECUTE FUNCTION okam_activity_month_counts();
