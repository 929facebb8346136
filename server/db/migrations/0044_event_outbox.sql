-- Written by `npm run db:triggers`: the triggers and functions whose source in server/db/triggers/*.sql
-- changed since the last migration, as defined there (where the comments explain them).
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
--> statement-breakpoint
CREATE TRIGGER history_event_outbox AFTER INSERT ON history
  REFERENCING NEW TABLE AS new_history
  FOR EACH STATEMENT EXECUTE FUNCTION okam_history_outbox();
