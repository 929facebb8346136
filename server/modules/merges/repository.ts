// The merges' SQL: both records locked in one statement, each kind of dependent row moved from the
// source to the target by one UPDATE that returns the keys it moved (kept in the merge, so an undo
// moves exactly those back), and the merge rows themselves.
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.ts';
import { accounts, contacts, merges } from '../../db/schema.ts';
import { accountVisible, contactVisible, type Actor } from '../../access/index.ts';

export type AccountRow = typeof accounts.$inferSelect;
export type ContactRow = typeof contacts.$inferSelect;
export type MergeRow = typeof merges.$inferSelect;
export type MergeEntity = 'account' | 'contact';

/**
 * One kind of row that moves with a merge: `table.column` points at the source and is set to the
 * target. `key` names the row (its id, or the activity for an attendance, which has none); `only`
 * narrows the rows (`t` is the table) — e.g. a link that would join the target to itself stays.
 */
interface Move {
  name: string;
  table: string;
  column: string;
  key: string;
  only?: (source: string, target: string) => SQL;
}

const MOVES: Record<MergeEntity, Move[]> = {
  account: [
    { name: 'contacts', table: 'contacts', column: 'account_id', key: 'id' },
    { name: 'opportunities', table: 'opportunities', column: 'account_id', key: 'id' },
    { name: 'activities', table: 'activities', column: 'account_id', key: 'id' },
    { name: 'tasks', table: 'tasks', column: 'account_id', key: 'id' },
    // Subsidiaries (集团 tree) follow; the target itself, if it was the source's subsidiary, does not.
    { name: 'subsidiaries', table: 'accounts', column: 'parent_id', key: 'id', only: (_s, tg) => sql`t.id <> ${tg}` },
    {
      name: 'swot_items',
      table: 'swot_items',
      column: 'entity_id',
      key: 'id',
      only: () => sql`t.entity_type = 'account'`,
    },
  ],
  contact: [
    // An attendance the target already has stays with the source (the primary key would clash).
    {
      name: 'activity_contacts',
      table: 'activity_contacts',
      column: 'contact_id',
      key: 'activity_id',
      only: (_s, tg) =>
        sql`not exists (select 1 from activity_contacts x where x.org_id = t.org_id and x.activity_id = t.activity_id and x.contact_id = ${tg})`,
    },
    // A deal's Blue Sheet keeps one influence per person: the target's, where both had one.
    {
      name: 'influences',
      table: 'influences',
      column: 'contact_id',
      key: 'id',
      only: (_s, tg) =>
        sql`not exists (select 1 from influences x where x.org_id = t.org_id and x.opportunity_id = t.opportunity_id and x.contact_id = ${tg})`,
    },
    {
      name: 'links_from',
      table: 'contact_links',
      column: 'from_contact_id',
      key: 'id',
      only: (_s, tg) => sql`t.to_contact_id <> ${tg}`,
    },
    {
      name: 'links_to',
      table: 'contact_links',
      column: 'to_contact_id',
      key: 'id',
      only: (_s, tg) => sql`t.from_contact_id <> ${tg}`,
    },
    { name: 'reports', table: 'contacts', column: 'reports_to_id', key: 'id', only: (_s, tg) => sql`t.id <> ${tg}` },
    { name: 'tasks', table: 'tasks', column: 'contact_id', key: 'id' },
  ],
};

/** Moves that leave the source's rows where they are and copy them (an account's team). */
const TEAM = 'account_members';

const raw = (s: string) => sql.raw(s);

export function mergesRepository(db: Db) {
  return {
    /** Both accounts in the caller's scope, locked in id order (two merges of the same pair wait, never deadlock). */
    lockAccounts: (actor: Actor, ids: string[]): Promise<AccountRow[]> =>
      db
        .select()
        .from(accounts)
        .where(and(accountVisible(actor), inArray(accounts.id, ids)))
        .orderBy(asc(accounts.id))
        .for('update'),

    lockContacts: (actor: Actor, ids: string[]): Promise<ContactRow[]> =>
      db
        .select()
        .from(contacts)
        .where(and(contactVisible(actor), inArray(contacts.id, ids)))
        .orderBy(asc(contacts.id))
        .for('update'),

    /** Is `ancestor` the account itself or above it in the 集团 tree? */
    async isAncestorOrSelf(orgId: string, ancestor: string, id: string): Promise<boolean> {
      const rows = await rowsOf<{ hit: boolean }>(
        db,
        sql`with recursive up(id, parent_id, depth) as (
              select id, parent_id, 0 from accounts where org_id = ${orgId} and id = ${id}
              union all
              select a.id, a.parent_id, up.depth + 1 from accounts a join up on a.org_id = ${orgId} and a.id = up.parent_id
              where up.depth < 50)
            select exists (select 1 from up where id = ${ancestor}) as hit`,
      );
      return rows[0]?.hit === true;
    },

    /** Every dependent row of the source moved to the target; per move, the keys moved. */
    async moveAll(entity: MergeEntity, orgId: string, source: string, target: string) {
      const moved: Record<string, string[]> = {};
      for (const m of MOVES[entity]) {
        const rows = await rowsOf<{ k: string }>(
          db,
          sql`update ${raw(m.table)} t set ${raw(m.column)} = ${target}
              where t.org_id = ${orgId} and t.${raw(m.column)} = ${source} ${m.only ? sql`and ${m.only(source, target)}` : sql``}
              returning t.${raw(m.key)} as k`,
        );
        moved[m.name] = rows.map((r) => r.k);
      }
      if (entity === 'account') {
        // The source's team joins the target's; whoever was on both stays once, in the target's role.
        const rows = await rowsOf<{ k: string }>(
          db,
          sql`insert into account_members (org_id, account_id, user_id, role)
              select org_id, ${target}, user_id, role from account_members where org_id = ${orgId} and account_id = ${source}
              on conflict do nothing returning user_id as k`,
        );
        moved[TEAM] = rows.map((r) => r.k);
      }
      return moved;
    },

    /** Moved rows that no longer point at the target (moved again since): any means the undo is refused. */
    async movedAway(entity: MergeEntity, orgId: string, target: string, moved: Record<string, string[]>) {
      let n = 0;
      for (const m of MOVES[entity]) {
        const keys = moved[m.name] ?? [];
        if (!keys.length || m.table === 'activity_contacts') continue;
        const [r] = await rowsOf<{ n: number }>(
          db,
          sql`select count(*)::int as n from ${raw(m.table)} t
              where t.org_id = ${orgId} and t.${raw(m.key)} = any(${`{${keys.join(',')}}`}::uuid[])
                and t.${raw(m.column)} is distinct from ${target}`,
        );
        n += r.n;
      }
      return n;
    },

    /** The undo's moves: exactly the recorded rows back to the source (those deleted since are gone). */
    async moveBack(
      entity: MergeEntity,
      orgId: string,
      source: string,
      target: string,
      moved: Record<string, string[]>,
    ) {
      for (const m of MOVES[entity]) {
        const keys = moved[m.name] ?? [];
        if (!keys.length) continue;
        await db.execute(
          sql`update ${raw(m.table)} t set ${raw(m.column)} = ${source}
              where t.org_id = ${orgId} and t.${raw(m.key)} = any(${`{${keys.join(',')}}`}::uuid[]) and t.${raw(m.column)} = ${target}`,
        );
      }
      const team = moved[TEAM] ?? [];
      if (entity === 'account' && team.length)
        await db.execute(
          sql`delete from account_members where org_id = ${orgId} and account_id = ${target}
              and user_id = any(${`{${team.join(',')}}`}::uuid[])`,
        );
    },

    insertMerge: (row: typeof merges.$inferInsert) => db.insert(merges).values(row),

    async lockMerge(orgId: string, id: string): Promise<MergeRow | undefined> {
      const [row] = await db
        .select()
        .from(merges)
        .where(and(eq(merges.orgId, orgId), eq(merges.id, id)))
        .for('update');
      return row;
    },

    markUndone: (orgId: string, id: string, userId: string, at: Date) =>
      db
        .update(merges)
        .set({ undoneAt: at, undoneBy: userId })
        .where(and(eq(merges.orgId, orgId), eq(merges.id, id))),

    updateAccount: (orgId: string, id: string, patch: Partial<typeof accounts.$inferInsert>) =>
      db
        .update(accounts)
        .set({ ...patch, version: sql`${accounts.version} + 1`, updatedAt: new Date() })
        .where(and(eq(accounts.orgId, orgId), eq(accounts.id, id))),

    updateContact: (orgId: string, id: string, patch: Partial<typeof contacts.$inferInsert>) =>
      db
        .update(contacts)
        .set({ ...patch, version: sql`${contacts.version} + 1`, updatedAt: new Date() })
        .where(and(eq(contacts.orgId, orgId), eq(contacts.id, id))),

    /** Is the user an active member of the organisation (an owner or counterpart taken from the source)? */
    async activeUser(orgId: string, userId: string): Promise<boolean> {
      const rows = await rowsOf<{ id: string }>(
        db,
        sql`select id from users where org_id = ${orgId} and id = ${userId} and active`,
      );
      return rows.length > 0;
    },
  };
}
