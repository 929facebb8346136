-- The change notices: app instances keep the rows every request needs (the caller's session and scope,
-- the funnel) in memory (server/db/org-changes.ts). Each write that can change them announces its
-- organisation on channel okam_org_changed; PostgreSQL delivers the notice at commit to every listening
-- instance, which then drops what it holds for that organisation. pg_notify sends one notice per
-- organisation and transaction however many rows change
-- (docs/decisions/0008-org-caches-and-change-notices.md).
--
-- Why triggers: a write made anywhere (another instance, the recycle bin, a hand edit) announces itself;
-- a notice sent by the application would be missed by every writer that forgot it. Checked by
-- server/db/triggers.test.ts (each trigger's events, straight to the database) and
-- server/db/org-changes.test.ts (the caches that hear them).
--
-- Current definitions (history: migration 0024). Change them here, then `npm run db:triggers`.

CREATE OR REPLACE FUNCTION okam_notify_org_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('okam_org_changed', (CASE WHEN TG_OP = 'DELETE' THEN OLD.org_id ELSE NEW.org_id END)::text);
  IF TG_OP = 'UPDATE' AND OLD.org_id <> NEW.org_id THEN
    PERFORM pg_notify('okam_org_changed', OLD.org_id::text);
  END IF;
  RETURN NULL;
END $$;

-- Sessions: ending one, or shortening it. Touching a session extends it and stays quiet.
CREATE TRIGGER okam_sessions_changed AFTER DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION okam_notify_org_changed();

CREATE TRIGGER okam_sessions_shortened AFTER UPDATE ON sessions
  FOR EACH ROW WHEN (NEW.expires_at < OLD.expires_at OR NEW.user_id <> OLD.user_id)
  EXECUTE FUNCTION okam_notify_org_changed();

-- Users: a new user, a removed one, or a change of what a caller may see (role, scope, team, manager,
-- signing in at all). A new or moved user changes their managers' scopes too.
CREATE TRIGGER okam_users_added AFTER INSERT OR DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION okam_notify_org_changed();

CREATE TRIGGER okam_users_changed AFTER UPDATE ON users
  FOR EACH ROW WHEN (NEW.role IS DISTINCT FROM OLD.role OR NEW.data_scope IS DISTINCT FROM OLD.data_scope
    OR NEW.team_id IS DISTINCT FROM OLD.team_id OR NEW.manager_id IS DISTINCT FROM OLD.manager_id
    OR NEW.active IS DISTINCT FROM OLD.active)
  EXECUTE FUNCTION okam_notify_org_changed();

-- Teams: the tree's shape decides team scopes; a new team has nobody in it yet.
CREATE TRIGGER okam_teams_removed AFTER DELETE ON teams
  FOR EACH ROW EXECUTE FUNCTION okam_notify_org_changed();

CREATE TRIGGER okam_teams_moved AFTER UPDATE ON teams
  FOR EACH ROW WHEN (NEW.parent_id IS DISTINCT FROM OLD.parent_id)
  EXECUTE FUNCTION okam_notify_org_changed();

-- Account teams: a caller sees the accounts whose team they are on.
CREATE TRIGGER okam_account_members_changed AFTER INSERT OR UPDATE OR DELETE ON account_members
  FOR EACH ROW EXECUTE FUNCTION okam_notify_org_changed();

-- The funnel.
CREATE TRIGGER okam_stages_changed AFTER INSERT OR UPDATE OR DELETE ON stages
  FOR EACH ROW EXECUTE FUNCTION okam_notify_org_changed();
