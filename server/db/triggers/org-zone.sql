-- okam_org_zone: the time zone an organisation names its days and months in (orgs.settings.timeZone,
-- Asia/Shanghai when unset or unknown to PostgreSQL), read the way core/org-settings.ts reads it. The
-- kept monthly totals (forecast-totals.sql, activity-month-counts.sql) name months in it.
--
-- Why in SQL: the triggers that keep those totals run whoever writes, and need the zone of the row's
-- organisation. Checked by server/kernel/time-zone.test.ts (an organisation in America/New_York).
--
-- Current definitions (history: migration 0032). Change them here, then `npm run db:triggers`.

CREATE OR REPLACE FUNCTION okam_org_zone(org uuid) RETURNS text LANGUAGE plpgsql STABLE AS $$
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
