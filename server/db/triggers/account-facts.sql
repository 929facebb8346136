-- account_facts: per account, what account health needs from its contacts (counts by influence,
-- coverage and attitude), its open deals (counted by their stored red-flag codes) and its calls (the
-- latest done one; the scored done calls of the last 400 days), so a list page reads one row per
-- account instead of aggregating three tables (docs/decisions/0003-account-facts-table.md).
--
-- Why triggers: every writer of contacts, deals and calls (the services, the recycle bin's restore, the
-- demo, hand edits) keeps the row in the writing transaction, with no code path to forget. Every
-- account has a facts row from its creation; the triggers of contacts, opportunities and activities
-- only ever UPDATE it (an INSERT there would fail its foreign key while an account's delete cascades).
-- Counts move by deltas, which concurrent writers apply one after the other on the row's latest
-- version; rows of two accounts are always updated in account-id order, so two opposite moves cannot
-- deadlock. Checked by server/modules/account-health/facts.test.ts (the kept rows equal a rebuild after
-- every kind of write).
--
-- Current definitions (history: migrations 0021, 0023, 0040). Change them here, then `npm run db:triggers`
-- (docs/triggers.md).

-- A jsonb map of counts plus d at key k; a count that reaches 0 leaves the map.
CREATE OR REPLACE FUNCTION okam_count_add(m jsonb, k text, d integer) RETURNS jsonb
  LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN coalesce((m ->> k)::int, 0) + d = 0 THEN m - k ELSE m || jsonb_build_object(k, coalesce((m ->> k)::int, 0) + d) END
$$;

-- Once per statement, from its transition table: a bulk load (an import's 500 accounts) costs one insert
-- here, not one per account (history: migration 0040; per row before).
CREATE OR REPLACE FUNCTION okam_account_facts_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO account_facts (org_id, account_id) SELECT org_id, id FROM added ORDER BY org_id, id ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

CREATE TRIGGER accounts_facts_row AFTER INSERT ON accounts REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION okam_account_facts_row();

-- Active (not archived) contacts, counted by coverage, attitude and influence.
CREATE OR REPLACE FUNCTION okam_contact_facts() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  d record;
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.account_id = NEW.account_id AND (OLD.archived_at IS NULL) = (NEW.archived_at IS NULL)
     AND OLD.influence IS NOT DISTINCT FROM NEW.influence AND OLD.coverage = NEW.coverage
     AND OLD.attitude IS NOT DISTINCT FROM NEW.attitude THEN
    RETURN NULL;
  END IF;
  FOR d IN
    SELECT x.org_id, x.account_id, sum(x.s) AS n,
           sum(x.s * (x.coverage <> 'none')::int) AS covered,
           sum(x.s * coalesce(x.attitude >= 1, false)::int) AS supportive,
           sum(x.s * coalesce(x.influence IN ('high', 'medium'), false)::int) AS key,
           sum(x.s * (coalesce(x.influence IN ('high', 'medium'), false) AND x.coverage <> 'none')::int) AS key_covered,
           sum(x.s * (coalesce(x.influence IN ('high', 'medium'), false) AND coalesce(x.attitude >= 1, false))::int) AS key_supportive
    FROM (
      SELECT OLD.org_id AS org_id, OLD.account_id AS account_id, -1 AS s, OLD.coverage AS coverage, OLD.attitude AS attitude, OLD.influence AS influence
      WHERE TG_OP <> 'INSERT' AND OLD.archived_at IS NULL
      UNION ALL
      SELECT NEW.org_id, NEW.account_id, 1, NEW.coverage, NEW.attitude, NEW.influence
      WHERE TG_OP <> 'DELETE' AND NEW.archived_at IS NULL
    ) x
    GROUP BY x.org_id, x.account_id
    ORDER BY x.account_id
  LOOP
    UPDATE account_facts f
       SET contacts = f.contacts + d.n, covered = f.covered + d.covered, supportive = f.supportive + d.supportive,
           key_contacts = f.key_contacts + d.key, key_covered = f.key_covered + d.key_covered,
           key_supportive = f.key_supportive + d.key_supportive
     WHERE f.org_id = d.org_id AND f.account_id = d.account_id;
  END LOOP;
  RETURN NULL;
END $$;

CREATE TRIGGER contacts_account_facts AFTER INSERT OR UPDATE OR DELETE ON contacts
  FOR EACH ROW EXECUTE FUNCTION okam_contact_facts();

-- Open deals, counted per stored red-flag code list (the judgement's codes joined by commas).
CREATE OR REPLACE FUNCTION okam_deal_facts() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  d record;
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.account_id = NEW.account_id AND OLD.status = NEW.status AND OLD.red_flag_codes = NEW.red_flag_codes THEN
    RETURN NULL;
  END IF;
  FOR d IN
    SELECT x.org_id, x.account_id, x.flags, x.s
    FROM (
      SELECT OLD.org_id AS org_id, OLD.account_id AS account_id, array_to_string(OLD.red_flag_codes, ',') AS flags, -1 AS s
      WHERE TG_OP <> 'INSERT' AND OLD.status = 'open'
      UNION ALL
      SELECT NEW.org_id, NEW.account_id, array_to_string(NEW.red_flag_codes, ','), 1
      WHERE TG_OP <> 'DELETE' AND NEW.status = 'open'
    ) x
    ORDER BY x.account_id, x.s
  LOOP
    UPDATE account_facts f
       SET open_deals = f.open_deals + d.s, open_flags = okam_count_add(f.open_flags, d.flags, d.s)
     WHERE f.org_id = d.org_id AND f.account_id = d.account_id;
  END LOOP;
  RETURN NULL;
END $$;

CREATE TRIGGER opportunities_account_facts AFTER INSERT OR UPDATE OR DELETE ON opportunities
  FOR EACH ROW EXECUTE FUNCTION okam_deal_facts();

-- An account's done calls' satisfaction scores of the last 400 days, oldest first, as [epoch ms, score]
-- pairs. Health counts those of the last twelve months when it reads them; 400 days keeps every entry a
-- later read can still want (the window only moves forward), and a write drops the rest.
CREATE OR REPLACE FUNCTION okam_recent_satisfaction(p_org uuid, p_account uuid) RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT coalesce(jsonb_agg(jsonb_build_array((extract(epoch FROM a.planned_start) * 1000)::bigint, a.satisfaction) ORDER BY a.planned_start, a.id), '[]'::jsonb)
    FROM activities a
   WHERE a.org_id = p_org AND a.account_id = p_account AND a.status = 'done' AND a.satisfaction IS NOT NULL
     AND a.planned_start >= now() - interval '400 days'
$$;

-- The latest done call's start. A new one only moves it forward; when one that may have been the
-- latest goes (deleted, no longer done, moved), the row is locked first and the maximum then read
-- again: the read is a new statement, so it sees every writer that held the lock before. The
-- satisfaction list likewise: when a write adds, changes or removes a scored done call, the accounts
-- it touches (in account-id order) are locked first and their lists then read again.
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

CREATE TRIGGER activities_account_facts AFTER INSERT OR UPDATE OR DELETE ON activities
  FOR EACH ROW EXECUTE FUNCTION okam_activity_facts();

-- Rebuilds an organisation's facts from its records: bulk loads that bypass the triggers (the
-- benchmark's), and the rows of the accounts that existed when migration 0021 ran.
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
