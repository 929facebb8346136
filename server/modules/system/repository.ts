import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

export function systemRepository(db: Db) {
  return {
    /**
     * Reads a row of each table every page depends on: a damaged table file (or a database that
     * answers `select 1` but lost its data) fails here instead of showing "ok" while lists answer 500.
     */
    probe: () =>
      db.execute(sql`select (select count(*) from orgs) as orgs,
        exists (select 1 from users) as users, exists (select 1 from sessions) as sessions,
        exists (select 1 from accounts) as accounts, exists (select 1 from contacts) as contacts,
        exists (select 1 from opportunities) as deals, exists (select 1 from activities) as calls`),
  };
}
