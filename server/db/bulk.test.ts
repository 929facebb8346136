// Bulk rows through one JSON parameter (server/db/bulk.ts) store what drizzle's own insert and update
// store — numbers as exact decimals, dates, arrays, JSON, the database's defaults for columns a row
// leaves out — on PGlite and PostgreSQL; a stale version is not updated.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from './client.ts';
import { accounts, history, orgs } from './schema.ts';
import { insertRows, updateVersionedRows } from './bulk.ts';
import { openTestDatabase } from '../test/database.ts';

let d: Database;
const org = '01900000-0000-7000-8000-00000000b001';
const id = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;

beforeAll(async () => {
  d = await openTestDatabase();
  await d.db.insert(orgs).values({ id: org, name: '批量' });
});
afterAll(() => d?.close());

it('inserts rows of different shapes with their values and the defaults of what they leave out', async () => {
  const at = new Date('2027-03-31T08:09:10.123Z');
  await insertRows(d.db, accounts, [
    {
      orgId: org,
      id: id(1),
      name: '批量一有限公司',
      ownershipType: 'soe',
      ourRevenue: '12500000.5',
      tags: ['医疗', 'O\'Neil "引号"'],
      searchGrams: [],
      createdAt: at,
    },
    { orgId: org, id: id(2), name: '批量二', ownershipType: 'private', ourRevenue: null },
  ]);
  const rows = await d.db.select().from(accounts).where(eq(accounts.orgId, org)).orderBy(accounts.id);
  expect(rows).toHaveLength(2);
  expect(rows[0]).toMatchObject({
    name: '批量一有限公司',
    ourRevenue: '12500000.50',
    tags: ['医疗', 'O\'Neil "引号"'],
    createdAt: at,
    version: 1,
  });
  // Left out: the database's defaults, as drizzle's insert would leave them.
  expect(rows[1]).toMatchObject({ ourRevenue: null, tags: [], version: 1, searchText: '' });
  expect(rows[1].createdAt).toBeInstanceOf(Date);

  await insertRows(d.db, history, [
    {
      orgId: org,
      id: id(11),
      entityType: 'account',
      entityId: id(1),
      action: 'create',
      changes: [{ field: 'name', old: null, new: '批量一' }],
    },
  ]);
  const [h] = await d.db.select().from(history).where(eq(history.orgId, org));
  expect(h.changes).toEqual([{ field: 'name', old: null, new: '批量一' }]);
});

it('updates each row only at the version given with it, and bumps it', async () => {
  const done = await updateVersionedRows(d.db, accounts, org, [
    { id: id(1), version: 1, patch: { ourRevenue: '1.00', tags: [] } },
    { id: id(2), version: 7, patch: { ourRevenue: '2.00' } },
  ]);
  expect([...done]).toEqual([id(1)]);
  const rows = await d.db
    .select({ id: accounts.id, ourRevenue: accounts.ourRevenue, tags: accounts.tags, version: accounts.version })
    .from(accounts)
    .where(and(eq(accounts.orgId, org), inArray(accounts.id, [id(1), id(2)])))
    .orderBy(accounts.id);
  expect(rows).toEqual([
    { id: id(1), ourRevenue: '1.00', tags: [], version: 2 },
    { id: id(2), ourRevenue: null, tags: [], version: 1 },
  ]);
});

it('refuses an SQL expression, which cannot travel as JSON', async () => {
  await expect(
    insertRows(d.db, accounts, [{ orgId: org, id: id(3), name: sql`'x'` as never, ownershipType: 'soe' }]),
  ).rejects.toThrow(/name/);
});
