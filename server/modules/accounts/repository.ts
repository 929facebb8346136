import { and, arrayContains, asc, eq, inArray, isNotNull, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { equalsLiteral, isoTime, prerendered, rowsOf, type Db } from '../../db/client.ts';
import {
  ACCOUNT_SCOPES,
  FINANCIAL_STATUSES,
  OWNERSHIP_TYPES,
  RELATIONSHIP_STAGES,
  TIERS,
} from '../../../core/enums.ts';
import type { PageArgs } from '../../lib/cursor.ts';
import { keyset, type SortKey } from '../../db/keyset.ts';
import { updateVersioned } from '../../db/versioned.ts';
import { accountKeys } from '../../db/duplicate-keys.ts';
import { searchCondition } from '../../db/search.ts';
import { accountMembers, accounts, contacts, opportunities, users } from '../../db/schema.ts';
import { accountProvince } from '../../kernel/regions.ts';
import { accountVisible, parent, scopeWalks, visibleParent, type Actor } from '../../access/index.ts';
import type { AccountListItem, AccountListQuery, AccountSort } from '../../../core/schemas/accounts.ts';
import { healthFacts, type HealthFactColumns } from '../../db/account-facts.ts';
import { ownedByTeam } from '../../db/team-filter.ts';

const owner = alias(users, 'owner');

export type AccountRow = typeof accounts.$inferSelect;
export type NewAccount = typeof accounts.$inferInsert;

/** Each sort's key and, for the cursor, its value as the row already carries it (no second column). */
const SORTS: Record<string, SortKey & { value: (r: AccountListRow) => string | null }> = {
  updatedAt: { expr: sql`${accounts.updatedAt}`, cast: 'timestamptz', value: (r) => r.updatedAt },
  createdAt: { expr: sql`${accounts.createdAt}`, cast: 'timestamptz', value: (r) => r.createdAt },
  name: { expr: sql`${accounts.name}`, cast: 'text', value: (r) => r.name },
  ourRevenue: { expr: sql`coalesce(${accounts.ourRevenue}, -1)`, cast: 'numeric', value: (r) => r.ourRevenue ?? '-1' },
  potential: { expr: sql`coalesce(${accounts.potential}, -1)`, cast: 'numeric', value: (r) => r.potential ?? '-1' },
};

/** The list's sort key and direction (newest change first unless asked otherwise). */
function sortOf(query: AccountListQuery) {
  const sort: AccountSort = query.sort ?? '-updatedAt';
  return { key: SORTS[sort.replace('-', '')], descending: sort.startsWith('-') };
}

/** The keyset cursor's sort value of a list row: times as their ISO text, a missing amount as −1. */
export function sortValue(query: AccountListQuery, r: AccountListRow): string | null {
  return sortOf(query).key.value(r);
}

export type ListArgs = PageArgs & { query: AccountListQuery };

/**
 * The list row's columns as the API sends them (times as ISO text, money as decimal text): no
 * profile texts and no search columns, which list screens never show. Rows come straight from the
 * driver, so each column is aliased to its API name.
 */
const LIST_COLUMNS: [string, SQL][] = [
  ['id', sql`${accounts.id}`],
  ['name', sql`${accounts.name}`],
  ['shortName', sql`${accounts.shortName}`],
  ['ownershipType', sql`${accounts.ownershipType}`],
  ['scope', sql`${accounts.scope}`],
  ['parentId', sql`"parent"."id"`],
  ['parentName', sql`"parent"."name"`],
  ['industry', sql`${accounts.industry}`],
  ['industryCode', sql`${accounts.industryCode}`],
  ['province', sql`${accounts.province}`],
  ['city', sql`${accounts.city}`],
  ['regionCode', sql`${accounts.regionCode}`],
  ['ourRevenue', sql`${accounts.ourRevenue}`],
  ['potential', sql`${accounts.potential}`],
  ['financialStatus', sql`${accounts.financialStatus}`],
  ['marketStrength', sql`${accounts.marketStrength}`],
  ['relationshipStage', sql`${accounts.relationshipStage}`],
  ['tier', sql`${accounts.tier}`],
  ['score', sql`${accounts.score}`],
  ['recommendedTier', sql`${accounts.recommendedTier}`],
  ['ownerId', sql`${accounts.ownerId}`],
  ['ownerName', sql`"owner"."name"`],
  // JSON, parsed natively by the driver (a text[] is parsed character by character in JS).
  ['tags', sql`to_json(${accounts.tags})`],
  ['archived', sql`${accounts.archivedAt} is not null`],
  ['version', sql`${accounts.version}`],
  ['createdAt', isoTime(accounts.createdAt)],
  ['updatedAt', isoTime(accounts.updatedAt)],
];
const innerColumns = prerendered(
  sql.join(
    LIST_COLUMNS.map(([name, expr]) => sql`${expr} as ${sql.identifier(name)}`),
    sql`, `,
  ),
);
const pageColumns = sql.raw(LIST_COLUMNS.map(([name]) => `p."${name}"`).join(', '));

/** A list row: the API's fields and (unless left out) the health facts. */
export type AccountListRow = Omit<AccountListItem, 'health' | 'regionName'> & Partial<HealthFactColumns>;

/** The list's code filters, resolved by the service: a GB/T 2260 prefix and a set of GB/T 4754 codes. */
export interface CodeFilters {
  regionPrefix?: string;
  industryCodes?: string[];
}

/** A row whose free text has no code yet (typed before the pickers): what the start-up backfill reads. */
export interface UncodedRow {
  orgId: string;
  id: string;
  province: string | null;
  city: string | null;
  industry: string | null;
  regionCode: string | null;
  industryCode: string | null;
}

export function accountsRepository(db: Db) {
  const selectAccount = (actor: Actor) =>
    db
      .select({ a: accounts, ownerName: owner.name, parentId: parent.id, parentName: parent.name })
      .from(accounts)
      .leftJoin(owner, and(eq(owner.orgId, accounts.orgId), eq(owner.id, accounts.ownerId)))
      .leftJoin(parent, visibleParent(actor));

  /** The list's filter (scope, archived or not, the chosen fields, the search), shared by the page and its totals. */
  async function filters(
    actor: Actor,
    query: AccountListQuery,
    search: PageArgs['search'],
    codes: CodeFilters,
  ): Promise<(SQL | undefined)[]> {
    const where: (SQL | undefined)[] = [accountVisible(actor)];
    // A merged account (always archived) is its survivor now: it leaves the archived list too.
    where.push(
      query.archived ? and(isNotNull(accounts.archivedAt), isNull(accounts.mergedIntoId)) : isNull(accounts.archivedAt),
    );
    // Closed sets written as literals, so the plan is costed with each value's real frequency and kept.
    if (query.ownershipType) where.push(equalsLiteral(accounts.ownershipType, query.ownershipType, OWNERSHIP_TYPES));
    if (query.scope) where.push(equalsLiteral(accounts.scope, query.scope, ACCOUNT_SCOPES));
    if (query.financialStatus)
      where.push(equalsLiteral(accounts.financialStatus, query.financialStatus, FINANCIAL_STATUSES));
    if (query.relationshipStage)
      where.push(equalsLiteral(accounts.relationshipStage, query.relationshipStage, RELATIONSHIP_STAGES));
    if (query.tier) where.push(equalsLiteral(accounts.tier, query.tier, TIERS));
    if (query.ownerId) where.push(eq(accounts.ownerId, query.ownerId));
    if (query.parentId) where.push(eq(accounts.parentId, query.parentId));
    if (query.province) where.push(eq(accounts.province, query.province));
    if (codes.regionPrefix) where.push(like(accounts.regionCode, `${codes.regionPrefix}%`));
    if (codes.industryCodes) where.push(inArray(accounts.industryCode, codes.industryCodes));
    if (query.tag) where.push(arrayContains(accounts.tags, [query.tag]));
    if (query.teamId) where.push(ownedByTeam(accounts.ownerId, actor.orgId, query.teamId));
    if (search) where.push(await searchCondition(db, accounts, actor.orgId, search, scopeWalks(actor)));
    return where;
  }

  return {
    /**
     * One keyset page, with each row's health facts when `health` is set. The page is cut first and
     * the facts joined to its rows only: joined to the filtered rows before a sort, they would be read
     * for every match.
     */
    /**
     * One keyset page, with each row's health facts when `health` is set. The page is cut first and
     * the facts joined to its rows only: joined to the filtered rows before a sort, they would be read
     * for every match.
     */
    async list(
      actor: Actor,
      { query, search, after, limit }: ListArgs,
      health: boolean,
      codes: CodeFilters = {},
    ): Promise<AccountListRow[]> {
      const { key, descending } = sortOf(query);
      const where = await filters(actor, query, search, codes);
      const page = keyset(key, accounts.id, descending, after);
      where.push(page.where);
      const dir = sql.raw(descending ? 'desc' : 'asc');
      const facts = health ? healthFacts(actor.orgId, sql`p.id`) : null;
      return rowsOf<AccountListRow>(
        db,
        sql`select ${pageColumns}${facts ? sql`, ${facts.columns}` : sql``}
              from (select ${innerColumns}, ${key.expr} as "sortValue"
                      from ${accounts}
                      left join ${users} as "owner" on ${owner.orgId} = ${accounts.orgId} and ${owner.id} = ${accounts.ownerId}
                      left join ${accounts} as "parent" on ${visibleParent(actor)}
                     where ${and(...where)}
                     order by ${page.orderBy[0]}, ${page.orderBy[1]}
                     limit ${limit}) p
              ${facts?.joins ?? sql``}
             order by p."sortValue" ${dir}, p.id ${dir}`,
      );
    },

    /** 共 N 条 and the sum of our revenue over every account the list's filter matches (no joins: none filters). */
    async summary(
      actor: Actor,
      query: AccountListQuery,
      search: PageArgs['search'],
      codes: CodeFilters,
    ): Promise<{ count: number; amount: string }> {
      const where = await filters(actor, query, search, codes);
      const [row] = await rowsOf<{ count: number; amount: string }>(
        db,
        sql`select count(*)::int as count, coalesce(sum(${accounts.ourRevenue}), 0)::numeric(20,2)::text as amount
              from ${accounts} where ${and(...where)}`,
      );
      return row ?? { count: 0, amount: '0.00' };
    },

    /** Live accounts in the caller's scope by the province of their region code (null: no code). */
    byProvince: (actor: Actor) =>
      rowsOf<{ province: string | null; count: number }>(
        db,
        sql`select ${accountProvince} as province, count(*)::int as count
              from ${accounts}
             where ${and(accountVisible(actor), isNull(accounts.archivedAt))}
             group by 1
             order by 2 desc, 1`,
      ),

    /** Every organisation's accounts with free text but no code, a batch at a time (keyset on org and id). */
    uncoded: (after: { orgId: string; id: string } | null, limit: number) =>
      db
        .select({
          orgId: accounts.orgId,
          id: accounts.id,
          province: accounts.province,
          city: accounts.city,
          industry: accounts.industry,
          regionCode: accounts.regionCode,
          industryCode: accounts.industryCode,
        })
        .from(accounts)
        .where(
          and(
            or(
              and(isNull(accounts.regionCode), or(isNotNull(accounts.province), isNotNull(accounts.city))),
              and(isNull(accounts.industryCode), isNotNull(accounts.industry)),
            ),
            after ? sql`(${accounts.orgId}, ${accounts.id}) > (${after.orgId}, ${after.id})` : undefined,
          ),
        )
        .orderBy(asc(accounts.orgId), asc(accounts.id))
        .limit(limit) as Promise<UncodedRow[]>,

    /** Sets codes found for free text; the row's version and times stay (nothing a user changed). */
    setCodes: (orgId: string, id: string, codes: { regionCode?: string; industryCode?: string }) =>
      db
        .update(accounts)
        .set(codes)
        .where(and(eq(accounts.orgId, orgId), eq(accounts.id, id))),

    async get(actor: Actor, id: string) {
      const [row] = await selectAccount(actor).where(and(accountVisible(actor), eq(accounts.id, id)));
      return row;
    },

    /** Row lock for a write: the current version and fields, if visible to the caller. */
    async lockForWrite(actor: Actor, id: string) {
      const [row] = await db
        .select()
        .from(accounts)
        .where(and(accountVisible(actor), eq(accounts.id, id)))
        .for('update');
      return row;
    },

    // The 查重 keys ride with every insert and every change of the fields they are made of.
    insert: (row: NewAccount) => db.insert(accounts).values({ ...row, ...accountKeys(row) }),

    update: (orgId: string, id: string, version: number, patch: Partial<NewAccount>) =>
      updateVersioned(db, accounts, orgId, id, version, { ...patch, ...accountKeys(patch) }),

    async exists(orgId: string, id: string) {
      const [row] = await db
        .select({ id: accounts.id })
        .from(accounts)
        .where(and(eq(accounts.orgId, orgId), eq(accounts.id, id)));
      return !!row;
    },

    async creditCodeOwner(orgId: string, code: string) {
      const [row] = await db
        .select({ id: accounts.id })
        .from(accounts)
        .where(and(eq(accounts.orgId, orgId), eq(accounts.creditCode, code)));
      return row?.id;
    },

    /** Ancestors of an account up the group tree, to refuse a parent that would loop. */
    async ancestors(orgId: string, id: string): Promise<string[]> {
      const out: string[] = [];
      let cur: string | null = id;
      while (cur && out.length < 50) {
        const [row] = await db
          .select({ p: accounts.parentId })
          .from(accounts)
          .where(and(eq(accounts.orgId, orgId), eq(accounts.id, cur)));
        cur = row?.p ?? null;
        if (cur) out.push(cur);
      }
      return out;
    },

    subsidiaries: (actor: Actor, id: string) =>
      db
        .select({ id: accounts.id, name: accounts.name })
        .from(accounts)
        .where(and(accountVisible(actor), eq(accounts.parentId, id)))
        .orderBy(asc(accounts.name))
        .limit(500),

    async childCount(orgId: string, id: string) {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(accounts)
        .where(and(eq(accounts.orgId, orgId), eq(accounts.parentId, id)));
      return row?.n ?? 0;
    },

    async dealCount(orgId: string, id: string) {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(opportunities)
        .where(and(eq(opportunities.orgId, orgId), eq(opportunities.accountId, id)));
      return row?.n ?? 0;
    },

    async contactCount(orgId: string, id: string) {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(contacts)
        .where(and(eq(contacts.orgId, orgId), eq(contacts.accountId, id), isNull(contacts.archivedAt)));
      return row?.n ?? 0;
    },

    members: (orgId: string, id: string) =>
      db
        .select({ userId: accountMembers.userId, name: users.name, role: accountMembers.role })
        .from(accountMembers)
        .innerJoin(users, and(eq(users.orgId, accountMembers.orgId), eq(users.id, accountMembers.userId)))
        .where(and(eq(accountMembers.orgId, orgId), eq(accountMembers.accountId, id)))
        .orderBy(asc(users.name)),

    async replaceMembers(orgId: string, id: string, members: { userId: string; role: string }[]) {
      await db.delete(accountMembers).where(and(eq(accountMembers.orgId, orgId), eq(accountMembers.accountId, id)));
      if (members.length) await db.insert(accountMembers).values(members.map((m) => ({ orgId, accountId: id, ...m })));
    },

    async activeUserIds(orgId: string, ids: string[]) {
      if (!ids.length) return new Set<string>();
      const rows = await db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.orgId, orgId), inArray(users.id, ids), eq(users.active, true)));
      return new Set(rows.map((r) => r.id));
    },
  };
}
