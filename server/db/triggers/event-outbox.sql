-- The event outbox (issue 23, docs/decisions/0017-events-from-history.md): every change already writes a
-- history row in its transaction, so copying those rows to `event_outbox` in the same statement makes a
-- committed change and its webhook/robot event one thing — no writer can forget to emit, and a rolled-back
-- change sends nothing. Only organisations with an active webhook or robot pay for the copy; without any
-- in the database a statement costs one `exists`. Sign-ins and token use (entity 'user', 'token') and exports are not events.
-- A restore or a move to PostgreSQL re-inserts old history: it sets okam.replay for its transaction and
-- nothing is copied (server/db/backup-restore.ts).
--
-- Why a trigger: the bulk paths (imports, hand-over, merges) write history in statements of thousands of
-- rows; one statement-level insert from the transition table keeps them one statement.
-- Checked by server/modules/webhooks/outbox.test.ts.
--
-- Current definitions (history: migration 0044). Change them here, then `npm run db:triggers`.

CREATE OR REPLACE FUNCTION okam_history_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('okam.replay', true), '') = 'on'
     OR NOT EXISTS (SELECT 1 FROM webhooks WHERE active) THEN
    RETURN NULL;
  END IF;
  INSERT INTO event_outbox (org_id, history_id, entity_type, entity_id, action, actor_id, changes, at)
  SELECT h.org_id, h.id, h.entity_type, h.entity_id, h.action, h.actor_id, h.changes, h.at
  FROM new_history h
  WHERE h.entity_type IN ('account', 'contact', 'opportunity', 'activity', 'import')
    AND EXISTS (SELECT 1 FROM webhooks w WHERE w.org_id = h.org_id AND w.active)
  ORDER BY h.at, h.id;
  RETURN NULL;
END $$;

CREATE TRIGGER history_event_outbox AFTER INSERT ON history
  REFERENCING NEW TABLE AS new_history
  FOR EACH STATEMENT EXECUTE FUNCTION okam_history_outbox();
