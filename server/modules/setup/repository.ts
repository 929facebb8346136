import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { orgs } from '../../db/schema.ts';

export function setupRepository(db: Db) {
  return {
    async orgCount() {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(orgs);
      return row?.n ?? 0;
    },
    /** Serialises concurrent set-up attempts (two browsers, two instances) until commit. */
    lockOrgs: () => db.execute(sql`lock table orgs in exclusive mode`),
    insertOrg: (id: string, name: string) => db.insert(orgs).values({ id, name }),
  };
}
