ALTER TABLE "account_facts" ADD COLUMN "satisfaction" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
-- Hand-written below: drizzle-kit does not emit functions or triggers.
-- An account's done calls' satisfaction scores of the last 400 days, oldest first, as [epoch ms, score]
-- pairs. Health counts those of the last twelve months when it reads them; 400 days keeps every entry a
-- later read can still want (the window only moves forward), and a write drops the rest.
CREATE FUNCTION okam_recent_satisfaction(p_org uuid, p_account uuid) RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT coalesce(jsonb_agg(jsonb_build_array((extract(epoch FROM a.planned_start) * 1000)::bigint, a.satisfaction) ORDER BY a.planned_start, a.id), '[]'::jsonb)
    FROM activities a
   WHERE a.org_id = p_org AND a.account_id = p_account AND a.status = 'done' AND a.satisfaction IS NOT NULL
     AND a.planned_start >= now() - interval '400 days'
$$;
--> statement-breakpoint
-- As 0021, plus the satisfaction list: when a write adds, changes or removes a scored done call, the
-- accounts it touches (in account-id order) are locked first and their lists then read again, a new
-- statement that sees every writer that held the lock before.
CREATE OR REPLACE FUNCTION okam_activity_facts() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  last timestamptz;
  recount boolean := false;
  acc uuid;
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.account_id = NEW.account_id AND OLD.status = NEW.status AND OLD.planned_start = NEW.planned_start
     AND OLD.satisfaction IS NOT DISTINCT FROM NEW.satisfaction THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' AND OLD.status = 'done' THEN
    SELECT f.last_done_at INTO last FROM account_facts f WHERE f.org_id = OLD.org_id AND f.account_id = OLD.account_id FOR UPDATE;
    IF last IS NOT NULL AND OLD.planned_start >= last THEN
      UPDATE account_facts f
         SET last_done_at = (SELECT max(a.planned_start) FROM activities a WHERE a.org_id = OLD.org_id AND a.account_id = OLD.account_id AND a.status = 'done')
       WHERE f.org_id = OLD.org_id AND f.account_id = OLD.account_id;
      recount := TG_OP = 'UPDATE' AND NEW.account_id = OLD.account_id;
    END IF;
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.status = 'done' AND NOT recount THEN
    UPDATE account_facts f SET last_done_at = greatest(f.last_done_at, NEW.planned_start)
     WHERE f.org_id = NEW.org_id AND f.account_id = NEW.account_id;
  END IF;
  FOR acc IN
    SELECT DISTINCT x.account_id FROM (
      SELECT OLD.account_id AS account_id WHERE TG_OP <> 'INSERT' AND OLD.status = 'done' AND OLD.satisfaction IS NOT NULL
      UNION ALL
      SELECT NEW.account_id WHERE TG_OP <> 'DELETE' AND NEW.status = 'done' AND NEW.satisfaction IS NOT NULL
    ) x ORDER BY x.account_id
  LOOP
    PERFORM 1 FROM account_facts f WHERE f.org_id = coalesce(NEW.org_id, OLD.org_id) AND f.account_id = acc FOR UPDATE;
    UPDATE account_facts f SET satisfaction = okam_recent_satisfaction(f.org_id, f.account_id)
     WHERE f.org_id = coalesce(NEW.org_id, OLD.org_id) AND f.account_id = acc;
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- As 0021, plus each account's satisfaction list, read by the same function the trigger uses.
CREATE OR REPLACE FUNCTION okam_rebuild_account_facts(p_org uuid) RETURNS void LANGUAGE sql AS $$
  DELETE FROM account_facts WHERE org_id = p_org;
  INSERT INTO account_facts (org_id, account_id, contacts, covered, supportive, key_contacts, key_covered, key_supportive, open_deals, open_flags, last_done_at, satisfaction)
  SELECT a.org_id, a.id, coalesce(c.n, 0), coalesce(c.covered, 0), coalesce(c.supportive, 0), coalesce(c.key, 0), coalesce(c.key_covered, 0),
         coalesce(c.key_supportive, 0), coalesce(d.n, 0), coalesce(d.flags, '{}'::jsonb), x.last, okam_recent_satisfaction(a.org_id, a.id)
  FROM accounts a
  LEFT JOIN (
    SELECT account_id, count(*)::int AS n, count(*) FILTER (WHERE coverage <> 'none')::int AS covered,
           count(*) FILTER (WHERE attitude >= 1)::int AS supportive,
           count(*) FILTER (WHERE influence IN ('high', 'medium'))::int AS key,
           count(*) FILTER (WHERE influence IN ('high', 'medium') AND coverage <> 'none')::int AS key_covered,
           count(*) FILTER (WHERE influence IN ('high', 'medium') AND attitude >= 1)::int AS key_supportive
    FROM contacts WHERE org_id = p_org AND archived_at IS NULL GROUP BY account_id
  ) c ON c.account_id = a.id
  LEFT JOIN (
    SELECT account_id, sum(n)::int AS n, jsonb_object_agg(flags, n) AS flags
    FROM (SELECT account_id, array_to_string(red_flag_codes, ',') AS flags, count(*)::int AS n
          FROM opportunities WHERE org_id = p_org AND status = 'open' GROUP BY 1, 2) g
    GROUP BY account_id
  ) d ON d.account_id = a.id
  LEFT JOIN (
    SELECT account_id, max(planned_start) AS last FROM activities WHERE org_id = p_org AND status = 'done' GROUP BY account_id
  ) x ON x.account_id = a.id
  WHERE a.org_id = p_org;
$$;
--> statement-breakpoint
UPDATE account_facts f SET satisfaction = s.scores
  FROM (SELECT org_id, account_id, okam_recent_satisfaction(org_id, account_id) AS scores FROM account_facts) s
 WHERE f.org_id = s.org_id AND f.account_id = s.account_id AND s.scores <> '[]'::jsonb;
