import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { orgs, recycleBin, users } from '../../db/schema.ts';
import { binVisible, type Actor } from '../../access/index.ts';
import type { PageArgs } from '../../lib/cursor.ts';
import type { BinEntity } from '../../../core/schemas/recycle-bin.ts';
import { DEFAULT_RETENTION_DAYS } from '../../../core/schemas/recycle-bin.ts';

/**
 * The org's retention in days, the default when never set (or set to something unreadable): the SQL
 * twin of core/org-settings.ts's reading, for the list and the purge that work on many orgs at once.
 */
const retention = sql<number>`coalesce(case when jsonb_typeof(${orgs.settings} -> 'recycleBin' -> 'retentionDays') = 'number'
  then (${orgs.settings} -> 'recycleBin' ->> 'retentionDays')::int end, ${sql.raw(String(DEFAULT_RETENTION_DAYS))})`;

/** The list's filter, shared by the page and its count: the scope rule first, then the kind and the search. */
function binWhere(actor: Actor, entity: BinEntity | undefined, search: PageArgs['search']): (SQL | undefined)[] {
  const where: (SQL | undefined)[] = [binVisible(actor)];
  if (entity) where.push(eq(recycleBin.entity, entity));
  if (search) where.push(sql`strpos(lower(${recycleBin.name}), ${search.needle}) > 0`);
  return where;
}

export function recycleBinRepository(db: Db) {
  return {
    list(actor: Actor, q: { entity?: BinEntity } & PageArgs) {
      const where = binWhere(actor, q.entity, q.search);
      if (q.after) {
        const [at, id] = q.after;
        where.push(sql`(${recycleBin.deletedAt}, ${recycleBin.id}) < (${String(at)}::timestamptz, ${id}::uuid)`);
      }
      return db
        .select({
          id: recycleBin.id,
          entity: recycleBin.entity,
          name: recycleBin.name,
          accountId: recycleBin.accountId,
          accountName: recycleBin.accountName,
          amount: recycleBin.amount,
          deletedAt: recycleBin.deletedAt,
          deletedById: recycleBin.deletedBy,
          deletedByName: users.name,
          retentionDays: retention,
        })
        .from(recycleBin)
        .innerJoin(orgs, eq(orgs.id, recycleBin.orgId))
        .leftJoin(users, and(eq(users.orgId, recycleBin.orgId), eq(users.id, recycleBin.deletedBy)))
        .where(and(...where))
        .orderBy(desc(recycleBin.deletedAt), desc(recycleBin.id))
        .limit(q.limit);
    },

    /** 共 N 条: every entry in the caller's scope that the kind and the search match. */
    async count(actor: Actor, entity: BinEntity | undefined, search: PageArgs['search']) {
      const [row] = await db
        .select({ count: sql<number>`count(*)::int` })
        .from(recycleBin)
        .where(and(...binWhere(actor, entity, search)));
      return { count: row?.count ?? 0 };
    },

    /** The entry, locked until the transaction ends, if the caller may see it. */
    async lockForRestore(actor: Actor, id: string) {
      const [row] = await db
        .select()
        .from(recycleBin)
        .where(and(binVisible(actor), eq(recycleBin.id, id)))
        .for('update');
      return row;
    },

    remove: (orgId: string, id: string) =>
      db.delete(recycleBin).where(and(eq(recycleBin.orgId, orgId), eq(recycleBin.id, id))),

    /** Every organisation's entries older than its retention; returns what went, for their history. */
    purgeExpired: (now: Date) =>
      db
        .delete(recycleBin)
        .where(
          sql`${recycleBin.deletedAt} < ${now}::timestamptz - make_interval(days => (select ${retention} from ${orgs} where ${orgs.id} = ${recycleBin.orgId}))`,
        )
        .returning({ orgId: recycleBin.orgId, id: recycleBin.id, entity: recycleBin.entity, name: recycleBin.name }),
  };
}

export type BinRow = typeof recycleBin.$inferSelect;
