import { and, asc, eq, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { isoTime, prerendered, rowsOf, type Db } from '../../db/client.ts';
import type { PageArgs } from '../../lib/cursor.ts';
import { keyset, type SortKey } from '../../db/keyset.ts';
import { updateVersioned } from '../../db/versioned.ts';
import { contactKeys } from '../../db/duplicate-keys.ts';
import { searchCondition } from '../../db/search.ts';
import { accounts, contactLinks, contacts, users } from '../../db/schema.ts';
import { accountVisible, contactVisible, scopeWalks, type Actor } from '../../access/index.ts';
import { ownedByTeam } from '../../db/team-filter.ts';
import type { ContactListItem, ContactListQuery, ContactSort } from '../../../core/schemas/contacts.ts';

const boss = alias(contacts, 'boss');
const counterpart = alias(users, 'counterpart');
const fromC = alias(contacts, 'from_c');
const toC = alias(contacts, 'to_c');

export type ContactRow = typeof contacts.$inferSelect;
export type NewContact = typeof contacts.$inferInsert;

const SORTS: Record<string, SortKey> = {
  updatedAt: { expr: sql`${contacts.updatedAt}`, cast: 'timestamptz' },
  createdAt: { expr: sql`${contacts.createdAt}`, cast: 'timestamptz' },
  name: { expr: sql`${contacts.name}`, cast: 'text' },
};

export type ContactListArgs = PageArgs & { query: ContactListQuery };

/**
 * The list row exactly as the API sends it (ContactListItem: times as ISO text, the birthday as a
 * date string), read straight from the driver: no long texts and no search columns.
 */
const listColumns =
  prerendered(sql`${contacts.id}, ${contacts.accountId} as "accountId", ${accounts.name} as "accountName", ${contacts.name},
  ${contacts.title}, ${contacts.department}, ${contacts.reportsToId} as "reportsToId", ${boss.name} as "reportsToName",
  ${contacts.phone}, ${contacts.mobile}, ${contacts.email}, ${contacts.wechat}, ${contacts.birthday}::text as birthday,
  ${contacts.influence}, ${contacts.attitude}, ${contacts.coverage}, ${contacts.counterpartId} as "counterpartId",
  ${counterpart.name} as "counterpartName", ${contacts.archivedAt} is not null as archived, ${contacts.version},
  ${isoTime(contacts.createdAt)} as "createdAt", ${isoTime(contacts.updatedAt)} as "updatedAt"`);

export function contactsRepository(db: Db) {
  const selectContact = () =>
    db
      .select({ c: contacts, accountName: accounts.name, reportsToName: boss.name, counterpartName: counterpart.name })
      .from(contacts)
      .innerJoin(accounts, and(eq(accounts.orgId, contacts.orgId), eq(accounts.id, contacts.accountId)))
      .leftJoin(boss, and(eq(boss.orgId, contacts.orgId), eq(boss.id, contacts.reportsToId)))
      .leftJoin(counterpart, and(eq(counterpart.orgId, contacts.orgId), eq(counterpart.id, contacts.counterpartId)));

  const selectLink = () =>
    db
      .select({
        id: contactLinks.id,
        fromContactId: contactLinks.fromContactId,
        fromName: fromC.name,
        toContactId: contactLinks.toContactId,
        toName: toC.name,
        kind: contactLinks.kind,
        note: contactLinks.note,
      })
      .from(contactLinks)
      .innerJoin(fromC, and(eq(fromC.orgId, contactLinks.orgId), eq(fromC.id, contactLinks.fromContactId)))
      .innerJoin(toC, and(eq(toC.orgId, contactLinks.orgId), eq(toC.id, contactLinks.toContactId)));

  /**
   * The list's filter, shared by the page and its totals. The scope is on the contacts' copy of their
   * account's owner: a rep's page is an index walk, and the count needs no accounts join.
   */
  async function filters(actor: Actor, query: ContactListQuery, search: PageArgs['search']) {
    const where: (SQL | undefined)[] = [contactVisible(actor)];
    // A merged contact (always archived) is its survivor now: it leaves the archived list too.
    where.push(
      query.archived ? and(isNotNull(contacts.archivedAt), isNull(contacts.mergedIntoId)) : isNull(contacts.archivedAt),
    );
    if (query.accountId) where.push(eq(contacts.accountId, query.accountId));
    if (query.influence) where.push(eq(contacts.influence, query.influence));
    if (query.coverage) where.push(eq(contacts.coverage, query.coverage));
    if (query.counterpartId) where.push(eq(contacts.counterpartId, query.counterpartId));
    if (query.ownerId) where.push(eq(contacts.accountOwnerId, query.ownerId));
    if (query.teamId) where.push(ownedByTeam(contacts.accountOwnerId, actor.orgId, query.teamId));
    if (search) where.push(await searchCondition(db, contacts, actor.orgId, search, scopeWalks(actor)));
    return where;
  }

  return {
    /** 共 N 条 over every contact the list's filter matches. */
    async summary(actor: Actor, query: ContactListQuery, search: PageArgs['search']) {
      const [row] = await db
        .select({ count: sql<number>`count(*)::int` })
        .from(contacts)
        .where(and(...(await filters(actor, query, search))));
      return { count: row?.count ?? 0 };
    },

    async list(actor: Actor, { query, search, after, limit }: ContactListArgs) {
      const sort = (query.sort ?? '-updatedAt') as ContactSort;
      const descending = sort.startsWith('-');
      const key = SORTS[sort.replace('-', '')];
      const where = [...(await filters(actor, query, search)), eq(accounts.orgId, actor.orgId)];
      const page = keyset(key, contacts.id, descending, after);
      where.push(page.where);
      return rowsOf<ContactListItem>(
        db,
        sql`select ${listColumns}
              from ${contacts}
              join ${accounts} on ${accounts.orgId} = ${contacts.orgId} and ${accounts.id} = ${contacts.accountId}
              left join ${contacts} as "boss" on ${boss.orgId} = ${contacts.orgId} and ${boss.id} = ${contacts.reportsToId}
              left join ${users} as "counterpart" on ${counterpart.orgId} = ${contacts.orgId} and ${counterpart.id} = ${contacts.counterpartId}
             where ${and(...where)}
             order by ${page.orderBy[0]}, ${page.orderBy[1]}
             limit ${limit}`,
      );
    },

    async get(actor: Actor, id: string) {
      const [row] = await selectContact().where(
        and(eq(contacts.orgId, actor.orgId), eq(contacts.id, id), accountVisible(actor)),
      );
      return row;
    },

    async lockForWrite(actor: Actor, id: string) {
      const [row] = await db
        .select({ c: contacts })
        .from(contacts)
        .innerJoin(accounts, and(eq(accounts.orgId, contacts.orgId), eq(accounts.id, contacts.accountId)))
        .where(and(eq(contacts.orgId, actor.orgId), eq(contacts.id, id), accountVisible(actor)))
        .for('update', { of: contacts });
      return row?.c;
    },

    // The 查重 keys ride with every insert and every change of the fields they are made of.
    insert: (row: NewContact) => db.insert(contacts).values({ ...row, ...contactKeys(row) }),

    update: (orgId: string, id: string, version: number, patch: Partial<NewContact>) =>
      updateVersioned(db, contacts, orgId, id, version, { ...patch, ...contactKeys(patch) }),

    /** Those of `ids` whose account the caller can see. */
    async visibleIds(actor: Actor, ids: string[]) {
      if (!ids.length) return new Set<string>();
      const rows = await db
        .select({ id: contacts.id })
        .from(contacts)
        .innerJoin(accounts, and(eq(accounts.orgId, contacts.orgId), eq(accounts.id, contacts.accountId)))
        .where(and(eq(contacts.orgId, actor.orgId), inArray(contacts.id, ids), accountVisible(actor)));
      return new Set(rows.map((r) => r.id));
    },

    async accountOf(orgId: string, contactId: string) {
      const [row] = await db
        .select({ accountId: contacts.accountId })
        .from(contacts)
        .where(and(eq(contacts.orgId, orgId), eq(contacts.id, contactId)));
      return row?.accountId;
    },

    /** The reporting chain above a contact, to refuse a reportsTo that loops. */
    async chainAbove(orgId: string, id: string): Promise<string[]> {
      const out: string[] = [];
      let cur: string | null = id;
      while (cur && out.length < 100) {
        const [row] = await db
          .select({ p: contacts.reportsToId })
          .from(contacts)
          .where(and(eq(contacts.orgId, orgId), eq(contacts.id, cur)));
        cur = row?.p ?? null;
        if (cur) out.push(cur);
      }
      return out;
    },

    async userExists(orgId: string, userId: string) {
      const [row] = await db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.orgId, orgId), eq(users.id, userId)));
      return !!row;
    },

    /** Every contact of an account, for its org chart. */
    orgChartNodes: (orgId: string, accountId: string) =>
      db
        .select({
          id: contacts.id,
          name: contacts.name,
          title: contacts.title,
          department: contacts.department,
          reportsToId: contacts.reportsToId,
          influence: contacts.influence,
          attitude: contacts.attitude,
          coverage: contacts.coverage,
        })
        .from(contacts)
        .where(and(eq(contacts.orgId, orgId), eq(contacts.accountId, accountId), isNull(contacts.archivedAt)))
        .orderBy(asc(contacts.name))
        .limit(2000),

    linksOf: (orgId: string, contactIds: string[]) =>
      contactIds.length
        ? selectLink().where(
            and(
              eq(contactLinks.orgId, orgId),
              or(inArray(contactLinks.fromContactId, contactIds), inArray(contactLinks.toContactId, contactIds)),
            ),
          )
        : Promise.resolve([]),

    async link(orgId: string, id: string) {
      const [row] = await db
        .select()
        .from(contactLinks)
        .where(and(eq(contactLinks.orgId, orgId), eq(contactLinks.id, id)));
      return row;
    },

    async linkView(orgId: string, id: string) {
      const [row] = await selectLink().where(and(eq(contactLinks.orgId, orgId), eq(contactLinks.id, id)));
      return row;
    },

    insertLink: (row: typeof contactLinks.$inferInsert) => db.insert(contactLinks).values(row),
    removeLink: (orgId: string, id: string) =>
      db.delete(contactLinks).where(and(eq(contactLinks.orgId, orgId), eq(contactLinks.id, id))),
  };
}
