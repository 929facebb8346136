// The 查重 keys of rows written before migration 0037 (or by a loader that left them out) are filled
// when the database is opened, after the migrations: on PGlite and on PostgreSQL.
import { afterAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf, type Database } from './client.ts';
import { openTestDatabase } from '../test/database.ts';
import { adminUrl } from '../test/pg.ts';

const opened: Database[] = [];
afterAll(async () => {
  for (const d of opened.reverse()) await d.close();
});

it('fills missing keys on open, in batches, and leaves filled ones alone', async () => {
  const first = await openTestDatabase();
  opened.push(first);
  const org = '01900000-0000-7000-8000-000000000001';
  await first.db.execute(sql`insert into orgs (id, name) values (${org}, '键回填')`);
  // More rows than one batch (1,000), so the keyset paging is exercised.
  await first.db.execute(sql`insert into accounts (org_id, id, name, ownership_type)
    select ${org}::uuid, ('01900000-0000-7000-8000-' || lpad(i::text, 12, '0'))::uuid, '客户' || i || ' 有限公司', 'private'
      from generate_series(1, 1203) i`);
  await first.db.execute(sql`insert into contacts (org_id, id, account_id, name, mobile, email)
    values (${org}, '01900000-0000-7000-9000-000000000001', '01900000-0000-7000-8000-000000000001', '王五', '+86 139 0000 1234', 'A@B.CN'),
           (${org}, '01900000-0000-7000-9000-000000000002', '01900000-0000-7000-8000-000000000001', '赵六', '123', null)`);
  // A row that already has its key keeps it (even a wrong one: only missing keys are computed).
  await first.db.execute(
    sql`update accounts set name_key = 'kept' where org_id = ${org} and id = '01900000-0000-7000-8000-000000000002'`,
  );

  const url = process.env.TEST_DATABASE_URL;
  const name = (first as Database & { name?: string }).name;
  const dump = first.dump ? await first.dump() : null;
  const again =
    url && name
      ? await openDatabase({ databaseUrl: adminUrl(url, name), poolSize: 1 })
      : await openDatabase({ loadDataDir: dump ?? undefined });
  opened.push(again);

  const [counts] = await rowsOf<{ missing: number; kept: string; one: string }>(
    again.db,
    sql`select (select count(*)::int from accounts where org_id = ${org} and name_key is null) as missing,
               (select name_key from accounts where org_id = ${org} and id = '01900000-0000-7000-8000-000000000002') as kept,
               (select name_key from accounts where org_id = ${org} and id = '01900000-0000-7000-8000-000000000001') as one`,
  );
  expect(counts).toEqual({ missing: 0, kept: 'kept', one: '客户1' });
  const contacts = await rowsOf<{ m: string | null; e: string | null }>(
    again.db,
    sql`select mobile_key as m, email_key as e from contacts where org_id = ${org} order by id`,
  );
  // A number too short to match is '' (done), not null (to do); no e-mail stays null.
  expect(contacts).toEqual([
    { m: '13900001234', e: 'a@b.cn' },
    { m: '', e: null },
  ]);
});
